export declare const REPO_ROOT: string;
export interface RunningSystem {
  url: string;
  /** username → password, as the first start prints them. */
  logins: Record<string, string>;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}
export declare function startSystem(options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<RunningSystem>;
