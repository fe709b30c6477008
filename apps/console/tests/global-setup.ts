import type { FullConfig } from '@playwright/test';
import { startSystem } from '../scripts/system.mjs';

/** Starts the real embedded system once for the run; the specs read its address and demo logins from the environment. */
export default async function globalSetup(_config: FullConfig): Promise<(() => Promise<void>) | undefined> {
  // A system started by hand (PINGAN_URL and PINGAN_LOGINS set) is used as it is: quicker when working on the console.
  if (process.env.PINGAN_URL && process.env.PINGAN_LOGINS) return undefined;
  const system = await startSystem();
  process.env.PINGAN_URL = system.url;
  process.env.PINGAN_LOGINS = JSON.stringify(system.logins);
  return () => system.stop();
}
