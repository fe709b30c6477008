import type { InfraHandle } from './global-setup.js';
import { teardownInfra } from './harness.mjs';

/** Stops exactly what global-setup.ts started (Jest runs this even when tests fail). */
export default async function globalTeardown(): Promise<void> {
  const { __pinganInfra: infra } = globalThis as typeof globalThis & { __pinganInfra?: InfraHandle };
  if (!infra) return;
  await teardownInfra(infra.stateFile, infra.stopContainers);
  delete (globalThis as { __pinganInfra?: InfraHandle }).__pinganInfra;
}
