import type { Actor } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import type { DisputeCommand } from './dispute.commands.js';
import { disputeDecider } from './dispute.decider.js';
import {
  given,
  ref,
  receiver,
  colleague,
  outsider,
  system,
  t,
  s,
  opened,
  openedFromIncident,
  disturbanceStopped,
  OPEN,
  receive,
  fromIncident,
  rejects,
} from './dispute.decider.fixtures.js';
import { DisputeError } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

describe('dispute decider', () => {
  describe('ReceiveComplaint (首诉负责制 [S1 四(一)])', () => {
    it('opens the dispute, owned by the receiver, and starts the risk-review clock', () => {
      given([]).when(receive()).then([opened]);
      expect(fold(disputeDecider, [opened]).owner).toEqual({
        userId: 'u-li',
        organisationId: 'hosp-1',
      });
    });

    it('rejects a second opening of the same dispute', () => {
      given(OPEN)
        .when(receive())
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.ALREADY_EXISTS'),
          status: 409,
        });
    });

    it('rejects a complaint without a party of the patient side', () => {
      given([])
        .when(receive({ parties: [] }))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.INVALID'),
          status: 400,
        });
    });

    it('rejects a complaint without a summary', () => {
      given([])
        .when(receive({ summary: '  ' }))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('OpenDisputeFromIncident', () => {
    it("opens from an incident, keeping the incident's case number, with no owner yet", () => {
      given([])
        .when(fromIncident(false))
        .then([openedFromIncident(false)]);
      const state = fold(disputeDecider, [openedFromIncident(false)]);
      expect(state.owner).toBeNull();
      expect(state.incident).toEqual({
        incidentId: 'inc-9',
        disturbanceStopped: false,
      });
    });

    it('a redelivered incident event opens nothing twice', () => {
      given([openedFromIncident(false)])
        .when(fromIncident(false))
        .thenNothingHappens();
    });

    it('rejects opening from an incident a dispute that exists as a complaint', () => {
      given(OPEN).when(fromIncident(true)).thenThrows(DisputeError, rejects('DISPUTE.ALREADY_EXISTS'));
    });
  });

  describe('HandOverDispute', () => {
    const handOver = (reason: string, actor: Actor = receiver): DisputeCommand => ({
      type: 'HandOverDispute',
      data: { to: { userId: 'u-wang', organisationId: 'hosp-1' }, reason },
      metadata: { actor, now: t(1) },
    });

    it('the owner hands over with a reason; the new owner owns it', () => {
      const event: DisputeEvent = {
        type: 'DisputeHandedOver',
        data: {
          ...ref,
          from: { userId: 'u-li', organisationId: 'hosp-1' },
          to: { userId: 'u-wang', organisationId: 'hosp-1' },
          reason: '转医务科专人处理',
          handedOverAt: s(1),
        },
      };
      given(OPEN).when(handOver('转医务科专人处理')).then([event]);
      expect(fold(disputeDecider, [opened, event]).owner).toEqual({
        userId: 'u-wang',
        organisationId: 'hosp-1',
      });
    });

    it('rejects a handover without a reason', () => {
      given(OPEN).when(handOver('  ')).thenThrows(DisputeError, rejects('DISPUTE.HANDOVER_REASON_REQUIRED'));
    });

    it('rejects a handover by someone who does not own the dispute', () => {
      given(OPEN)
        .when(handOver('接手', colleague))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.NOT_OWNER'),
          status: 403,
        });
    });

    it('an unowned dispute (from an incident) is assigned by its hospital, not by others', () => {
      given([openedFromIncident(true)])
        .when(handOver('指定专人', colleague))
        .then([
          {
            type: 'DisputeHandedOver',
            data: {
              ...ref,
              from: null,
              to: { userId: 'u-wang', organisationId: 'hosp-1' },
              reason: '指定专人',
              handedOverAt: s(1),
            },
          },
        ]);
      given([openedFromIncident(true)])
        .when(handOver('指定专人', outsider))
        .thenThrows(DisputeError, rejects('DISPUTE.NOT_OWNER'));
    });

    it('handing over to the current owner changes nothing', () => {
      given(OPEN)
        .when({
          type: 'HandOverDispute',
          data: { to: { userId: 'u-li', organisationId: 'hosp-1' }, reason: 'again' },
          metadata: { actor: receiver, now: t(1) },
        })
        .thenNothingHappens();
    });

    it('rejects commands on a dispute that does not exist', () => {
      given([])
        .when(handOver('x'))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.NOT_FOUND'),
          status: 404,
        });
    });
  });

  describe('RecordIncidentDisturbanceStopped', () => {
    const stop = (incidentId = 'inc-9'): DisputeCommand => ({
      type: 'RecordIncidentDisturbanceStopped',
      data: { incidentId, stoppedAt: t(0) },
      metadata: { actor: system, now: t(0) },
    });

    it('marks the linked disturbance stopped', () => {
      given([openedFromIncident(false)])
        .when(stop())
        .then([disturbanceStopped]);
    });

    it('is idempotent', () => {
      given([openedFromIncident(false), disturbanceStopped])
        .when(stop())
        .thenNothingHappens();
      given([openedFromIncident(true)])
        .when(stop())
        .thenNothingHappens();
    });

    it('rejects an incident that is not linked', () => {
      given([openedFromIncident(false)])
        .when(stop('inc-other'))
        .thenThrows(DisputeError, rejects('DISPUTE.INCIDENT_NOT_LINKED'));
      given(OPEN).when(stop()).thenThrows(DisputeError, rejects('DISPUTE.INCIDENT_NOT_LINKED'));
    });
  });
});
