// Types for harness.mjs.
import type { InfraState } from './servers.mjs';

export declare const POSTGRES_IMAGE: string;
export declare const KAFKA_IMAGE: string;
export declare function dockerEngineReachable(): Promise<boolean>;
export declare function provisionInfra(options: {
  stateFile: string;
  log?: (line: string) => void;
}): Promise<{ state: InfraState; stopContainers: () => Promise<unknown> }>;
export declare function teardownInfra(stateFile: string, stopContainers?: () => Promise<unknown>): Promise<void>;
export declare function signalRecordedSync(stateFile: string): void;
