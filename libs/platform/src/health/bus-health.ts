import { Kafka, logLevel } from 'kafkajs';
import type { PlatformConfig } from '../config/platform-config.js';

export interface BusStatus {
  up: boolean;
  detail: string;
}

/** How /health learns whether the message bus works; libs/messaging may provide a better one. */
export interface BusHealth {
  check(): Promise<BusStatus>;
}

/** Injection token for a `BusHealth`. */
export const BUS_HEALTH = Symbol('pingan.BusHealth');

const TIMEOUT_MS = 3_000;

/** Asks the cluster to describe itself: up when a broker answers within a few seconds. */
export function kafkaBusHealth(brokers: string[], clientId: string): BusHealth {
  const kafka = new Kafka({
    clientId: `${clientId}-health`,
    brokers,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  return {
    async check() {
      const admin = kafka.admin();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      });
      try {
        const cluster = await Promise.race([admin.connect().then(() => admin.describeCluster()), timeout]);
        return {
          up: true,
          detail: `kafka: ${cluster.brokers.length} broker(s), controller ${cluster.controller}`,
        };
      } catch (error) {
        return {
          up: false,
          detail: `kafka unreachable at ${brokers.join(',')}: ${(error as Error).message}`,
        };
      } finally {
        clearTimeout(timer);
        await admin.disconnect().catch(() => undefined);
      }
    },
  };
}

/** The in-process bus lives and dies with the process, so it is up whenever we can answer. */
export const inProcessBusHealth: BusHealth = {
  check: async () => ({ up: true, detail: 'in-process bus' }),
};

export const defaultBusHealth = (config: PlatformConfig): BusHealth =>
  config.kafkaBrokers ? kafkaBusHealth(config.kafkaBrokers, `pingan-${config.service}`) : inProcessBusHealth;
