import { deadLetterTopic, eventsTopic } from '@pingan/contracts';

describe('topics', () => {
  it('names a context topic and its dead-letter topic', () => {
    expect(eventsTopic('incidents')).toBe('pingan.incidents.events');
    expect(deadLetterTopic(eventsTopic('disputes'))).toBe('pingan.disputes.events.dlq');
  });
});
