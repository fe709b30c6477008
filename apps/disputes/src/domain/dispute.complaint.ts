import type { DisputeRef } from '@pingan/contracts';
import type { OpenDisputeFromIncident, ReceiveComplaint } from './dispute.commands.js';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';
import { blank, invalid, iso, requireOpen, riskReviewStart, who, oneEvent } from './dispute.rules.js';
import type { Decisions, DisputeState, Evolutions } from './dispute.state.js';

// Complaint and ownership: a dispute opens from a complaint (首诉负责制 [S1 四(一)]) or an incident, is handed over, and learns that the
// incident's disturbance stopped.

function open(command: ReceiveComplaint | OpenDisputeFromIncident, state: DisputeState): DisputeEvent[] {
  if (state.status !== 'none') {
    // A redelivered incident event opens nothing twice.
    const sameIncident = command.type === 'OpenDisputeFromIncident' && state.incident?.incidentId === command.data.incidentId;
    if (sameIncident) return [];
    throw new DisputeError(Code.AlreadyExists, 'This dispute already exists.');
  }
  if (blank(command.data.summary)) invalid('summary', 'A summary is required.');
  if (command.data.parties.length === 0) invalid('parties', 'At least one party of the patient side is required.');
  const ref: DisputeRef = {
    disputeId: command.data.disputeId,
    caseNumber: command.data.caseNumber,
    hospitalId: command.data.hospitalId,
    regionCode: command.data.regionCode,
  };
  const supervisingOrganisationId = command.data.supervisingOrganisationId ?? null;
  // A dispute referred from an incident is open from the referral, however late its event arrives.
  const openedAt = command.type === 'OpenDisputeFromIncident' ? command.data.referredAt : command.metadata.now;
  return oneEvent(ref, 'DisputeOpened', {
    origin:
      command.type === 'ReceiveComplaint'
        ? { kind: 'complaint', receivedBy: who(command.metadata.actor) }
        : { kind: 'incident', incidentId: command.data.incidentId },
    openedAt: iso(openedAt),
    summary: command.data.summary,
    parties: command.data.parties,
    claims: command.data.claims,
    disturbanceStopped: command.type === 'OpenDisputeFromIncident' ? command.data.disturbanceStopped : null,
    supervisingOrganisationId,
    clocks: [riskReviewStart(ref, 1, openedAt, supervisingOrganisationId)],
  });
}

export const complaintDecisions = {
  ReceiveComplaint: open,
  OpenDisputeFromIncident: open,

  HandOverDispute: (command, state) => {
    const ref = requireOpen(state);
    if (blank(command.data.reason)) throw new DisputeError(Code.HandoverReasonRequired, 'A handover needs a reason (首诉负责制).');
    const owner = state.owner;
    const mayHandOver =
      owner === null ? command.metadata.actor.organisationId === ref.hospitalId : command.metadata.actor.userId === owner.userId;
    if (!mayHandOver) throw new DisputeError(Code.NotOwner, 'Only the person responsible for the dispute may hand it over.');
    if (owner?.userId === command.data.to.userId && owner.organisationId === command.data.to.organisationId) return [];
    return oneEvent(ref, 'DisputeHandedOver', {
      from: owner,
      to: command.data.to,
      reason: command.data.reason,
      handedOverAt: iso(command.metadata.now),
    });
  },

  RecordIncidentDisturbanceStopped: (command, state) => {
    const ref = requireOpen(state);
    if (state.incident?.incidentId !== command.data.incidentId) {
      throw new DisputeError(Code.IncidentNotLinked, 'That incident is not linked to this dispute.');
    }
    if (state.incident.disturbanceStopped) return [];
    return oneEvent(ref, 'IncidentDisturbanceStopped', {
      incidentId: command.data.incidentId,
      stoppedAt: iso(command.data.stoppedAt),
    });
  },

  LinkIncident: (command, state) => {
    if (state.status === 'closed') return []; // nothing left to mediate
    const ref = requireOpen(state);
    if (state.incident?.incidentId === command.data.incidentId) return []; // delivered again, or opened from it
    // One incident per dispute: a second link leaves the first (and its disturbance rule) in place.
    if (state.incident !== null) return [];
    return [
      {
        type: 'DisputeLinkedToIncident',
        data: {
          ...ref,
          incidentId: command.data.incidentId,
          disturbanceStopped: command.data.disturbanceStopped,
          linkedAt: iso(command.data.linkedAt),
        },
      },
    ];
  },
} satisfies Partial<Decisions>;

export const complaintEvolutions = {
  DisputeOpened: (state, event) => {
    const { disputeId, caseNumber, hospitalId, regionCode, origin } = event.data;
    const start = event.data.clocks.find((clock) => clock.action === 'start');
    return {
      ...state,
      status: 'open',
      ref: { disputeId, caseNumber, hospitalId, regionCode },
      origin: origin.kind,
      openedAt: event.data.openedAt,
      supervisingOrganisationId: event.data.supervisingOrganisationId,
      owner: origin.kind === 'complaint' ? origin.receivedBy : null,
      incident:
        origin.kind === 'incident'
          ? {
              incidentId: origin.incidentId,
              disturbanceStopped: event.data.disturbanceStopped === true,
            }
          : null,
      partyCount: event.data.parties.length,
      riskReview: start ? { deadlineId: start.deadlineId, sequence: 1 } : null,
    };
  },
  DisputeHandedOver: (state, event) => ({ ...state, owner: event.data.to, handovers: state.handovers + 1 }),
  DisputeLinkedToIncident: (state, event) => ({
    ...state,
    incident: { incidentId: event.data.incidentId, disturbanceStopped: event.data.disturbanceStopped },
  }),
  IncidentDisturbanceStopped: (state) =>
    state.incident
      ? {
          ...state,
          incident: { ...state.incident, disturbanceStopped: true },
        }
      : state,
} satisfies Partial<Evolutions>;
