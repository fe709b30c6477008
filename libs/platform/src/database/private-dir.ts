import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The embedded data directory holds every case, the token keys and the callers' personal data: its owner's only. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and its missing parents) 0700 and narrows what is already in it to 0700/0600:
 * a data directory made by an older version, or under a lax umask, is closed at the next start.
 * Symbolic links are left alone (chmod would follow them out of the directory).
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    await chmod(current, PRIVATE_DIR_MODE);
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && ((await lstat(path)).mode & 0o077) !== 0) await chmod(path, PRIVATE_FILE_MODE);
    }
  }
}

/**
 * What the embedded mode's main sets before anything writes: files and directories the process
 * creates (PGlite's, the lock file, exports) are its user's only, whatever the shell's umask.
 */
export function restrictFileCreation(): void {
  process.umask(0o077);
}
