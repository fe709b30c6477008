import type { StoredEvent } from '@pingan/event-store';
import { prosecutionClocksFor } from './clocks.js';

const stored = (type: string, data: Record<string, unknown>, streamType = 'police-case'): StoredEvent =>
  ({
    eventId: 'e1',
    type,
    schemaVersion: 1,
    context: 'prosecution',
    streamId: 'A1',
    streamType,
    version: 2,
    globalPosition: '2',
    occurredAt: '2025-11-06T08:00:00.000Z',
    recordedAt: '2025-11-06T08:00:00.000Z',
    actor: { userId: 'u', organisationId: 'o', role: 'police_case_officer' },
    correlationId: 'A1',
    causationId: null,
    data,
    hash: 'h',
    transactionId: '1',
  }) as StoredEvent;

describe('prosecutionClocksFor: data.clocks → clock steps', () => {
  it('start: subject is the case number (correlation id), from the instant the period counts from', () => {
    const ops = prosecutionClocksFor(
      stored('AdministrativePenaltyDecided', {
        clocks: [
          {
            action: 'start',
            deadlineId: 'A1:ministry-system-entry:d1',
            rule: 'ministry-system-entry',
            startedAt: '2025-09-30T13:00:00.000Z',
            responsibleOrganisationId: 'bureau',
          },
        ],
      }),
    );
    expect(ops).toEqual([
      {
        op: 'start',
        id: 'A1:ministry-system-entry:d1',
        subject: 'A1',
        rule: 'ministry-system-entry',
        startedAt: new Date('2025-09-30T13:00:00.000Z'),
        responsibleOrganisationId: 'bureau',
      },
    ]);
  });

  it("stop 'done' meets the clock; stop 'moot' cancels it (the duty fell away: not a compliance)", () => {
    const ops = prosecutionClocksFor(
      stored('CompulsoryMeasureImposed', {
        clocks: [
          { action: 'stop', deadlineId: 'x', rule: 'arrest-request', at: '2025-11-04T00:00:00.000Z', outcome: 'done' },
          { action: 'stop', deadlineId: 'y', rule: 'arrest-request', at: '2025-11-04T00:00:00.000Z', outcome: 'moot' },
        ],
      }),
    );
    expect(ops).toEqual([
      { op: 'met', id: 'x', at: new Date('2025-11-04T00:00:00.000Z') },
      { op: 'cancel', id: 'y', reason: expect.stringContaining('moot'), at: new Date('2025-11-04T00:00:00.000Z') },
    ]);
  });

  it('extend: by the instruction’s length, at the event’s instant', () => {
    const by = { unit: 'calendar_days', amount: 2 };
    expect(
      prosecutionClocksFor(
        stored('ArrestRequestPeriodExtended', { clocks: [{ action: 'extend', deadlineId: 'z', rule: 'arrest-request', by, reason: 'r' }] }),
      ),
    ).toEqual([{ op: 'extend', id: 'z', by, reason: 'r', at: new Date('2025-11-06T08:00:00.000Z') }]);
  });

  it('ignores events without clocks and other streams (clock streams, read audits)', () => {
    expect(prosecutionClocksFor(stored('CaseAccepted', {}))).toEqual([]);
    expect(prosecutionClocksFor(stored('DeadlineStarted', { clocks: [{ action: 'start' }] }, 'deadline'))).toEqual([]);
  });
});
