import type { MessageBus } from '@pingan/messaging';

export interface BusStatus {
  up: boolean;
  detail: string;
}

/** How /health learns whether the message bus works. */
export interface BusHealth {
  check(): Promise<BusStatus>;
}

/** Injection token for a `BusHealth`. */
export const BUS_HEALTH = Symbol('pingan.BusHealth');

const TIMEOUT_MS = 3_000;

/** Asks the process's own bus (Kafka: the cluster describes itself; in-process: up while open), within a few seconds. */
export function busHealthOf(bus: MessageBus): BusHealth {
  return {
    async check() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<BusStatus>((resolve) => {
        timer = setTimeout(() => resolve({ up: false, detail: `no answer within ${TIMEOUT_MS} ms` }), TIMEOUT_MS);
      });
      try {
        return await Promise.race([bus.health().then(({ up, detail }) => ({ up, detail: detail ?? '' })), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
