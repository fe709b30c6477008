import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SECRET_KEY_ENV = 'NOTIFICATIONS_SECRET_KEY';

function parseKey(value: string, name: string): Buffer {
  const text = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 random bytes, base64 or hex (generate: openssl rand -base64 32)`);
  return key;
}

/**
 * Channel secrets (webhook signing secrets, robot keys, SMTP passwords, SMS tokens) are kept only
 * sealed with AES-256-GCM under the service's key, the channel id as additional data (a sealed
 * value copied onto another channel does not open). The key is not in the database, as in
 * high-risk-persons: from NOTIFICATIONS_SECRET_KEY, or generated once into DATA_DIR/keys when one
 * process runs everything.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {}

  seal(channelId: string, secrets: Record<string, string>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`pingan:notifications:channel:${channelId}`, 'utf8'));
    const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    return [iv, data, cipher.getAuthTag()].map((b) => b.toString('base64')).join('.');
  }

  open(channelId: string, sealed: string): Record<string, string> {
    const [iv, data, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(`pingan:notifications:channel:${channelId}`, 'utf8'));
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')) as Record<string, string>;
  }
}

export async function loadSecretBox(settings: { env: NodeJS.ProcessEnv; dataDir: string; singleProcess: boolean }): Promise<SecretBox> {
  const given = settings.env[SECRET_KEY_ENV]?.trim();
  if (given) return new SecretBox(parseKey(given, SECRET_KEY_ENV));
  if (!settings.singleProcess) {
    throw new Error(
      `${SECRET_KEY_ENV} is required (32 bytes, base64) when the service runs on its own with DATABASE_URL. See docs/notifications.md.`,
    );
  }
  const dir = join(settings.dataDir, 'keys');
  const path = join(dir, 'notifications-secret.key');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    return new SecretBox(parseKey(await readFile(path, 'utf8'), path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  try {
    await writeFile(path, key.toString('base64'), { flag: 'wx', mode: 0o600 }); // never overwrite another start's key
    await chmod(path, 0o600);
    return new SecretBox(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return new SecretBox(parseKey(await readFile(path, 'utf8'), path));
  }
}
