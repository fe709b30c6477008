import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { canRestartKafkaBroker, restartKafkaBroker, testKafkaBrokers } from '@pingan/testing';
import { readState } from './servers.mjs';

// Broker restarts take several seconds of JVM start.
jest.setTimeout(120_000);

const kafka = new Kafka({ clientId: 'infra-smoke', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });

/** Produce `values` to a new topic and read them back through a consumer group. */
async function roundTrip(values: string[]): Promise<string[]> {
  const topic = `infra-smoke-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  // Just after a restart the broker may still answer metadata with "does not host this
  // topic-partition" (it is loading its log); kafkajs does not retry that one.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      break;
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  await admin.disconnect();

  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  await producer.send({ topic, messages: values.map((value) => ({ key: 'k', value })) });
  await producer.disconnect();

  const consumer: Consumer = kafka.consumer({ groupId: `infra-smoke-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received: string[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        received.push(message.value!.toString());
        if (received.length === values.length) resolve();
      },
    });
  });
  await consumer.disconnect();
  return received;
}

describe('Kafka harness', () => {
  it('reports a cluster id and the broker version', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const { clusterId, brokers } = await admin.describeCluster();
    await admin.disconnect();
    const state = process.env.PINGAN_INFRA_STATE ? readState(process.env.PINGAN_INFRA_STATE) : undefined;
    console.log(`Kafka ${state?.kafka?.version ?? 'unknown version'}, cluster id ${clusterId}, ${brokers.length} broker(s)`);
    expect(clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(brokers.length).toBeGreaterThanOrEqual(1);
  });

  it('round-trips messages through a producer and a consumer group', async () => {
    expect(await roundTrip(['one', 'two', 'three'])).toEqual(['one', 'two', 'three']);
  });

  const restartable = canRestartKafkaBroker();
  (restartable ? it : it.skip)('still works after restartKafkaBroker()', async () => {
    await restartKafkaBroker();
    expect(await roundTrip(['after restart'])).toEqual(['after restart']);
  });
});
