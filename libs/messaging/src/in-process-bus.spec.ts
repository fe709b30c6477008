import { eventsTopic, type EventEnvelope } from '@pingan/contracts';
import { InProcessBus } from './in-process-bus.js';
import { testEnvelope } from '@pingan/testing';
import { Alarm } from './timing.js';

const topic = eventsTopic('messaging-test');
const envelopes = (n: number, context = 'messaging-test') =>
  Array.from({ length: n }, (_, i) => testEnvelope({ context, version: i + 1, globalPosition: String(i + 1) }));

describe('InProcessBus', () => {
  it('delivers to every group, in order, and publish resolves only once they handled it', async () => {
    const bus = new InProcessBus();
    const seen: Record<string, number[]> = { a: [], b: [] };
    for (const group of ['a', 'b']) {
      await bus.subscribe({ group, topics: [topic], handle: async (e) => void seen[group].push(e.version) });
    }
    await bus.publish(envelopes(5));
    expect(seen).toEqual({ a: [1, 2, 3, 4, 5], b: [1, 2, 3, 4, 5] });
    await bus.close();
  });

  it('delivers asynchronously, never inside the publisher call', async () => {
    const bus = new InProcessBus();
    let handled = 0;
    await bus.subscribe({ group: 'g', topics: [topic], handle: async () => void handled++ });
    const publishing = bus.publish(envelopes(1));
    expect(handled).toBe(0);
    await publishing;
    expect(handled).toBe(1);
    await bus.close();
  });

  it('retries a failing handler in place without skipping or reordering', async () => {
    const bus = new InProcessBus();
    const seen: number[] = [];
    let failures = 2;
    await bus.subscribe({
      group: 'g',
      topics: [topic],
      handle: async (e) => {
        if (e.version === 2 && failures-- > 0) throw new Error('not yet');
        seen.push(e.version);
      },
    });
    await bus.publish(envelopes(3));
    expect(seen).toEqual([1, 2, 3]);
    await bus.close();
  });

  it('routes by topic and gives a late group what is still kept', async () => {
    const bus = new InProcessBus();
    await bus.publish([...envelopes(2), ...envelopes(1, 'other')]); // no subscriber yet: kept
    const seen: EventEnvelope[] = [];
    await bus.subscribe({ group: 'late', topics: [eventsTopic('other')], handle: async (e) => void seen.push(e) });
    await bus.publish(envelopes(1, 'other'));
    expect(seen.map((e) => e.context)).toEqual(['other', 'other']);
    await bus.close();
  });

  it('refuses a second subscriber in the same group', async () => {
    const bus = new InProcessBus();
    await bus.subscribe({ group: 'g', topics: [topic], handle: async () => undefined });
    await expect(bus.subscribe({ group: 'g', topics: [topic], handle: async () => undefined })).rejects.toThrow(/already subscribed/);
    await bus.close();
  });

  it('keeps dead letters in memory', async () => {
    const bus = new InProcessBus();
    const envelope = testEnvelope();
    await bus.publishDeadLetter({
      topic,
      group: 'g',
      envelope,
      error: { message: 'boom' },
      attempts: 3,
      failedAt: new Date().toISOString(),
    });
    expect(bus.deadLetters()).toEqual([expect.objectContaining({ envelope, error: { message: 'boom' } })]);
  });
});

describe('Alarm', () => {
  it('a wake before the wait is not lost', async () => {
    const alarm = new Alarm();
    alarm.wake();
    const started = Date.now();
    await alarm.wait(5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('a wake ends a wait in progress', async () => {
    const alarm = new Alarm();
    const started = Date.now();
    const waiting = alarm.wait(5_000);
    setTimeout(() => alarm.wake(), 10);
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
