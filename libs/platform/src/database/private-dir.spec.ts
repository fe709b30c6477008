import { mkdtemp, mkdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir } from './private-dir.js';

describe('the embedded data directory is private', () => {
  let root: string;
  const mode = async (path: string) => (await stat(path)).mode & 0o777;
  const laxUmask = process.umask(0o022); // as a shell usually has it
  beforeEach(async () => (root = await mkdtemp(join(tmpdir(), 'pingan-private-'))));
  afterEach(() => rm(root, { recursive: true, force: true }));
  afterAll(() => process.umask(laxUmask));

  it('creates the directory and its parents 0700', async () => {
    const dir = join(root, 'data', 'pglite');
    await ensurePrivateDir(dir);
    expect(await mode(dir)).toBe(0o700);
  });

  it('narrows what an older start left open to 0700 directories and 0600 files, and follows no link', async () => {
    const dir = join(root, 'data');
    await mkdir(join(dir, 'pglite', 'base'), { recursive: true, mode: 0o755 });
    await writeFile(join(dir, 'pglite', 'base', '1'), 'rows', { mode: 0o644 });
    const outside = join(root, 'outside.txt');
    await writeFile(outside, 'not ours', { mode: 0o644 });
    await symlink(outside, join(dir, 'link'));
    await ensurePrivateDir(dir);
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, 'pglite', 'base'))).toBe(0o700);
    expect(await mode(join(dir, 'pglite', 'base', '1'))).toBe(0o600);
    expect(await mode(outside)).toBe(0o644);
  });
});
