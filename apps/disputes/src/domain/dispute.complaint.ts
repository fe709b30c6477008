import type { DisputeRef } from '@pingan/contracts';
import type { OpenDisputeFromIncident, ReceiveComplaint } from './dispute.commands.js';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';
import { blank, invalid, iso, requireOpen, riskReviewStart, who } from './dispute.rules.js';
import type { Decisions, DisputeState, Evolutions } from './dispute.state.js';

// Complaint and ownership: a dispute opens from a complaint (首诉负责制 [S1 四(一)]) or an incident, is handed over, and learns that the
// incident's disturbance stopped.

function open(command: ReceiveComplaint | OpenDisputeFromIncident, state: DisputeState): DisputeEvent[] {
  if (state.status !== 'none') {
    // A redelivered incident event opens nothing twice.
    const sameIncident = command.type === 'OpenDisputeFromIncident' && state.incident?.incidentId === command.incidentId;
    if (sameIncident) return [];
    throw new DisputeError(Code.AlreadyExists, 'This dispute already exists.');
  }
  if (blank(command.summary)) invalid('summary', 'A summary is required.');
  if (command.parties.length === 0) invalid('parties', 'At least one party of the patient side is required.');
  const ref: DisputeRef = {
    disputeId: command.disputeId,
    caseNumber: command.caseNumber,
    hospitalId: command.hospitalId,
    regionCode: command.regionCode,
  };
  const supervisingOrganisationId = command.supervisingOrganisationId ?? null;
  return [
    {
      type: 'DisputeOpened',
      data: {
        ...ref,
        origin:
          command.type === 'ReceiveComplaint'
            ? { kind: 'complaint', receivedBy: who(command.actor) }
            : { kind: 'incident', incidentId: command.incidentId },
        openedAt: iso(command.at),
        summary: command.summary,
        parties: command.parties,
        claims: command.claims,
        disturbanceStopped: command.type === 'OpenDisputeFromIncident' ? command.disturbanceStopped : null,
        supervisingOrganisationId,
        clocks: [riskReviewStart(ref, 1, command.at, supervisingOrganisationId)],
      },
    },
  ];
}

export const complaintDecisions = {
  ReceiveComplaint: open,
  OpenDisputeFromIncident: open,

  HandOverDispute: (command, state) => {
    const ref = requireOpen(state);
    if (blank(command.reason)) throw new DisputeError(Code.HandoverReasonRequired, 'A handover needs a reason (首诉负责制).');
    const owner = state.owner;
    const mayHandOver = owner === null ? command.actor.organisationId === ref.hospitalId : command.actor.userId === owner.userId;
    if (!mayHandOver) throw new DisputeError(Code.NotOwner, 'Only the person responsible for the dispute may hand it over.');
    if (owner?.userId === command.to.userId && owner.organisationId === command.to.organisationId) return [];
    return [
      {
        type: 'DisputeHandedOver',
        data: {
          ...ref,
          from: owner,
          to: command.to,
          reason: command.reason,
          handedOverAt: iso(command.at),
        },
      },
    ];
  },

  RecordIncidentDisturbanceStopped: (command, state) => {
    const ref = requireOpen(state);
    if (state.incident?.incidentId !== command.incidentId) {
      throw new DisputeError(Code.IncidentNotLinked, 'That incident is not linked to this dispute.');
    }
    if (state.incident.disturbanceStopped) return [];
    return [
      {
        type: 'IncidentDisturbanceStopped',
        data: {
          ...ref,
          incidentId: command.incidentId,
          stoppedAt: iso(command.stoppedAt),
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
  IncidentDisturbanceStopped: (state) =>
    state.incident
      ? {
          ...state,
          incident: { ...state.incident, disturbanceStopped: true },
        }
      : state,
} satisfies Partial<Evolutions>;
