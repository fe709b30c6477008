import type { DisputeCommand } from './dispute.commands.js';
import {
  MEDIATING,
  NOTIFIED,
  REFERRED,
  accept,
  closed,
  given,
  openedFromIncident,
  ref,
  refer,
  referred,
  rejects,
  s,
  session,
  system,
  t,
} from './dispute.decider.fixtures.js';
import { DisputeError } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

/** Every route into mediation obeys the disturbance rule [S3 一(二)]: opened from the incident, or linked to it later. */
describe('dispute decider: the disturbance rule on every route into mediation', () => {
  const INCIDENT = 'inc-9'; // the incident of openedFromIncident
  const link = (disturbanceStopped: boolean, days = 1, incidentId = INCIDENT): DisputeCommand => ({
    type: 'LinkIncident',
    data: { incidentId, disturbanceStopped, linkedAt: t(days) },
    metadata: { actor: system, now: t(days) },
  });
  const linked = (disturbanceStopped: boolean, days = 1): DisputeEvent => ({
    type: 'DisputeLinkedToIncident',
    data: { ...ref, incidentId: INCIDENT, disturbanceStopped, linkedAt: s(days) },
  });
  const stopped: DisputeEvent = { type: 'IncidentDisturbanceStopped', data: { ...ref, incidentId: INCIDENT, stoppedAt: s(2) } };

  it('a dispute opened on its own is linked to the incident it belongs to', () => {
    given(NOTIFIED)
      .when(link(false))
      .then([linked(false)]);
  });

  it('linked while the disturbance goes on: no referral to mediation', () => {
    given([...NOTIFIED, linked(false)])
      .when(refer)
      .thenThrows(DisputeError, rejects('DISPUTE.DISTURBANCE_NOT_STOPPED'));
  });

  it('once the stop is recorded, mediation may follow', () => {
    given([...NOTIFIED, linked(false), stopped])
      .when(refer)
      .then([referred()]);
    given([...NOTIFIED, linked(true)])
      .when(refer)
      .then([referred()]);
  });

  it('linked after the referral: the mediator cannot accept; linked after acceptance: no session is held', () => {
    given([...REFERRED, linked(false, 2)])
      .when(accept)
      .thenThrows(DisputeError, rejects('DISPUTE.DISTURBANCE_NOT_STOPPED'));
    given([...MEDIATING, linked(false, 4)])
      .when(session)
      .thenThrows(DisputeError, rejects('DISPUTE.DISTURBANCE_NOT_STOPPED'));
  });

  it('the same link again, a dispute opened from the incident, a second incident, a closed dispute: nothing new', () => {
    given([...NOTIFIED, linked(false)])
      .when(link(false))
      .thenNothingHappens();
    given([openedFromIncident(false)])
      .when(link(false))
      .thenNothingHappens();
    given([...NOTIFIED, linked(true)])
      .when(link(false, 1, 'inc-10'))
      .thenNothingHappens();
    given([...NOTIFIED, closed])
      .when(link(false))
      .thenNothingHappens();
  });

  it('the stop of the linked incident reaches the dispute', () => {
    given([...NOTIFIED, linked(false)])
      .when({
        type: 'RecordIncidentDisturbanceStopped',
        data: { incidentId: INCIDENT, stoppedAt: t(2) },
        metadata: { actor: system, now: t(2) },
      })
      .then([stopped]);
  });
});
