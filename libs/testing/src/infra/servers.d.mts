// Types for servers.mjs (plain JavaScript so that scripts/infra can run it without a TS loader).

export declare const KAFKA_VERSION: string;
export declare const REPO_ROOT: string;

export declare function freePort(): Promise<number>;
export declare function isAlive(pid: number): boolean;
export declare function stopProcess(pid: number, signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;

export interface LocalPostgres {
  pid: number;
  url: string;
  port: number;
  dir: string;
  logFile: string;
  version: string;
}
export declare function findPostgresBin(): string;
export declare function postgresUrl(port: number, database?: string): string;
export declare function startPostgres(options: { dir: string; port: number; timeoutMs?: number }): Promise<LocalPostgres>;
export declare function stopPostgres(pid: number): Promise<void>;

export interface KafkaSpec {
  dir: string;
  port: number;
  controllerPort: number;
  libsDir: string;
  propertiesFile: string;
  logFile: string;
  brokers: string[];
  version: string;
  jvmOptions: string[];
}
export declare function kafkaCacheDir(version?: string): string;
export declare function ensureKafkaLibs(options?: { version?: string; log?: (line: string) => void }): string;
export declare function kafkaVersionOf(libsDir: string): string;
export declare function prepareKafka(options: { dir: string; port: number; controllerPort: number; libsDir: string }): KafkaSpec;
export declare function startKafka(
  spec: KafkaSpec,
  options?: { timeoutMs?: number; onSpawn?: (pid: number) => void },
): Promise<{ pid: number; clusterId: string }>;
export declare function waitForKafka(brokers: string[], options?: { timeoutMs?: number; pid?: number; logFile?: string }): Promise<string>;
export declare function stopKafka(pid: number): Promise<void>;

export type Provisioning = 'env' | 'container' | 'local';
export interface InfraState {
  ownerPid: number;
  reaperPid?: number;
  postgres?: { source: Provisioning; url: string; version: string; pid?: number; dir?: string };
  kafka?: { source: Provisioning; brokers: string[]; version: string; pid?: number; spec?: KafkaSpec };
  /** Throwaway directories to delete once the processes are gone. */
  removeDirs: string[];
}
export declare function readState(file: string): InfraState | undefined;
export declare function writeState(file: string, state: InfraState): void;
export declare function stopRecorded(state: InfraState | undefined): Promise<void>;
