import path from 'node:path';
import type { Config } from '@jest/types';
import { provisionInfra, signalRecordedSync } from './harness.mjs';
import { REPO_ROOT } from './servers.mjs';

/** Shared with global-teardown.ts: Jest runs both in this same process. */
export interface InfraHandle {
  stateFile: string;
  stopContainers: () => Promise<unknown>;
}
const handle = globalThis as typeof globalThis & { __pinganInfra?: InfraHandle };

/**
 * Provide one real PostgreSQL and one real Kafka broker for the whole Jest run and export
 * DATABASE_URL, KAFKA_BROKERS and PINGAN_INFRA_STATE, which the test workers inherit.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  if (onlyUnitTests(globalConfig)) return;
  // One state file per Jest process: several runs may share this work tree at once.
  const stateFile = path.join(REPO_ROOT, '.infra', `jest-${process.pid}.json`);
  const { state, stopContainers } = await provisionInfra({ stateFile });
  process.env.DATABASE_URL = state.postgres!.url;
  process.env.KAFKA_BROKERS = state.kafka!.brokers.join(',');
  process.env.PINGAN_INFRA_STATE = stateFile;
  handle.__pinganInfra = { stateFile, stopContainers };
  // Teardown normally does this; the reaper covers the case where this process is killed.
  process.once('exit', () => signalRecordedSync(stateFile));
}

/**
 * Skip starting servers when the run cannot need them: PINGAN_INFRA=skip, or explicit test
 * paths that are all plain `*.spec.ts` files (`npx jest libs/x/src/y.spec.ts`).
 */
function onlyUnitTests(globalConfig: Config.GlobalConfig): boolean {
  if (process.env.PINGAN_INFRA === 'skip') return true;
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  return patterns.length > 0 && patterns.every((p) => /\.spec\.ts$/.test(p) && !/(int|e2e)-spec\.ts$/.test(p));
}
