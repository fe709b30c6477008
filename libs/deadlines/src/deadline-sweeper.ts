import type { Clock, DeadlineStore, SweepOptions, SweepResult } from './deadline-store.js';
import type { DeadlineEventHandler } from './events.js';

export interface DeadlineSweeperOptions extends SweepOptions {
  store: DeadlineStore;
  onEvent: DeadlineEventHandler;
  /** Pause between the end of one sweep and the start of the next. */
  intervalMs: number;
  clock?: Clock;
  /** A failed sweep is retried on the next tick; this hears about it (default: console.error). */
  onError?: (error: unknown) => void;
}

/**
 * Runs `store.sweep(clock())` every `intervalMs` between `start()` and `stop()` (wire these to
 * Nest's onApplicationBootstrap / onModuleDestroy). Sweeps never overlap within one instance;
 * several instances may run against one database, each transition still fires once.
 */
export class DeadlineSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly options: DeadlineSweeperOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // A sweep still finishing after stop() schedules the next tick itself.
    if (!this.running) this.schedule(0);
  }

  /** Stops ticking and waits for a sweep in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One sweep now, at the sweeper's clock. */
  sweepOnce(): Promise<SweepResult> {
    const { store, onEvent, clock = () => new Date(), batchSize } = this.options;
    return store.sweep(clock(), onEvent, { batchSize });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.sweepOnce()
        .catch((error: unknown) => (this.options.onError ?? console.error)(error))
        .finally(() => {
          this.running = null;
          this.schedule(this.options.intervalMs);
        });
    }, delayMs);
    // The sweeper alone should not keep a process alive.
    this.timer.unref();
  }
}
