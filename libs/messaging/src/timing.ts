export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff: base, 2·base, 4·base … capped. */
export const backoff = (attempt: number, baseMs: number, maxMs: number): number => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));

/** A sleep that `wake()` can cut short (the relay's idle wait). */
export class Alarm {
  private wakeUp: (() => void) | null = null;
  private pending = false;

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Ends the current wait, or makes the next one return at once (a wake between two waits is not lost). */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.pending = true;
  }
}

export function errorInfo(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}
