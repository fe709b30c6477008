import type { NotificationEvent } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import { notificationDecider, type NotificationCommand } from './notification.decider.js';

const now = new Date('2026-11-22T03:00:00.000Z');
const actor = { userId: 'u-office', organisationId: 'office', role: 'police_dispatcher' };
const about = {
  notificationId: 'n-1',
  ruleId: 'incident-reported',
  caseNumber: '500101-20261122-0001',
  hospitalId: 'hospital-central',
  regionCode: '500101',
  sourceEventId: 'e-1',
};
const acknowledge: NotificationCommand = { type: 'AcknowledgeNotification', data: about, metadata: { actor, now } };
const acknowledged: NotificationEvent = { type: 'NotificationAcknowledged', data: { ...about, acknowledgedAt: now.toISOString() } };

describe('a notification acknowledged', () => {
  const given = deciderSpec(notificationDecider);

  it('records who acknowledged it, when (the actor is the event’s)', () => {
    given([]).when(acknowledge).then([acknowledged]);
  });

  it('records it once: a second acknowledgement changes nothing', () => {
    given([acknowledged]).when(acknowledge).thenNothingHappens();
  });
});
