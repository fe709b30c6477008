import type { PoliceCaseOrigin, ProsecutionEvent } from '@pingan/contracts';
import type { OpenCase, OpenCaseFromIncident } from './police-case.commands.js';
import { CODE, ProsecutionConflictError, ProsecutionRuleError } from './police-case.errors.js';
import { iso, mustBeCriminal, openCase, refOf, required, oneEvent, type PhaseDecide } from './police-case.guards.js';
import { deadlineId, RULE } from './deadline-rules.js';
import { stopCasePeriod } from './police-case.public-security.js';
import type { PoliceCaseState } from './police-case.state.js';

/** Acceptance (受案), filing (立案) or conversion to criminal, suspects, notes and transfer between units. */
export type InvestigationCommand =
  | 'OpenCaseFromIncident'
  | 'OpenCase'
  | 'FileCriminalCase'
  | 'ConvertToCriminalCase'
  | 'AddSuspect'
  | 'AddInvestigationNote'
  | 'TransferCase';

function open(command: OpenCase | OpenCaseFromIncident, state: PoliceCaseState): ProsecutionEvent[] {
  const { data, metadata } = command;
  const origin: PoliceCaseOrigin =
    command.type === 'OpenCaseFromIncident' ? { source: 'incident', incidentId: command.data.incidentId } : { source: 'direct' };
  if (state.status === 'open') {
    // The incident event may be delivered again: the same incident opening the same case is a repeat.
    if (origin.source === 'incident' && state.origin.source === 'incident' && state.origin.incidentId === origin.incidentId) {
      // Handed over again after the incident recorded its disturbance stopped: the one new fact is kept.
      if (
        command.type === 'OpenCaseFromIncident' &&
        command.data.disturbanceStopped === true &&
        state.incidentDisturbanceStopped !== true
      ) {
        return oneEvent(refOf(state), 'IncidentDisturbanceStoppedNoted', { incidentId: origin.incidentId, notedAt: iso(metadata.now) });
      }
      return [];
    }
    throw new ProsecutionConflictError(CODE.caseAlreadyOpen, `Case ${data.caseNumber} is already open.`);
  }
  required('caseNumber', data.caseNumber);
  required('handlingUnitId', data.handlingUnitId);
  const acceptedAt = iso(metadata.now);
  return [
    {
      type: 'CaseAccepted',
      data: {
        caseNumber: data.caseNumber,
        hospitalId: data.hospitalId,
        regionCode: data.regionCode,
        kind: data.kind,
        origin,
        handlingUnitId: data.handlingUnitId,
        acceptedAt,
        summary: data.summary,
        // The incident's major flag carries into the case (only when set: older cases read as not major).
        ...(command.type === 'OpenCaseFromIncident' && command.data.major ? { major: true } : {}),
        ...(command.type === 'OpenCaseFromIncident' ? { incidentDisturbanceStopped: command.data.disturbanceStopped === true } : {}),
        // 治安案件: 30 days from acceptance (自受理之日起), held by the handling unit.
        ...(data.kind === 'administrative'
          ? {
              clocks: [
                {
                  action: 'start' as const,
                  deadlineId: deadlineId.publicSecurityCase(data.caseNumber),
                  rule: RULE.publicSecurityCase,
                  startedAt: acceptedAt,
                  responsibleOrganisationId: data.handlingUnitId,
                },
              ],
            }
          : {}),
      },
    },
  ];
}

export const investigation: PhaseDecide<InvestigationCommand> = {
  OpenCaseFromIncident: open,
  OpenCase: open,
  FileCriminalCase(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    mustBeCriminal(s, 'Filing (立案)');
    if (s.filed) throw new ProsecutionConflictError(CODE.caseAlreadyFiled, `Case ${s.caseNumber} is already filed.`);
    return oneEvent(refOf(s), 'CriminalCaseFiled', {
      filingUnitId: data.filingUnitId,
      // When it was filed, as stated (the pipeline bounds it); none: now.
      filedAt: iso(metadata.occurredAt ?? metadata.now),
    });
  },
  ConvertToCriminalCase(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    if (s.kind !== 'administrative') {
      throw new ProsecutionRuleError(CODE.caseNotAdministrative, `Case ${s.caseNumber} is already criminal.`);
    }
    required('reason', data.reason);
    return oneEvent(refOf(s), 'CaseConvertedToCriminal', {
      reason: data.reason,
      convertedAt: iso(metadata.occurredAt ?? metadata.now),
      // The 治安案件 period falls away: criminal procedure has its own clocks.
      ...(s.casePeriod?.open ? { clocks: stopCasePeriod(s, metadata.occurredAt ?? metadata.now, 'moot') } : {}),
    });
  },
  AddSuspect(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    if (s.suspects[data.suspectId]) {
      throw new ProsecutionConflictError(CODE.suspectAlreadyAdded, `Suspect ${data.suspectId} is already in the case.`);
    }
    required('name', data.name);
    return oneEvent(refOf(s), 'SuspectAdded', {
      suspectId: data.suspectId,
      // The name stays with the service (personal data): see SuspectAdded in the contract.
      addedAt: iso(metadata.now),
    });
  },
  AddInvestigationNote(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    if (s.noteIds.includes(data.noteId)) {
      throw new ProsecutionConflictError(CODE.noteAlreadyAdded, `Note ${data.noteId} is already in the case.`);
    }
    required('text', data.text);
    return oneEvent(refOf(s), 'InvestigationNoteAdded', {
      noteId: data.noteId,
      text: data.text,
      authorUserId: metadata.actor.userId,
      writtenAt: iso(metadata.now),
    });
  },
  TransferCase(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    if (data.toUnitId === s.handlingUnitId) {
      throw new ProsecutionRuleError(CODE.transferToSameUnit, `Case ${s.caseNumber} is already handled by ${s.handlingUnitId}.`);
    }
    required('reason', data.reason);
    return oneEvent(refOf(s), 'CaseTransferred', {
      fromUnitId: s.handlingUnitId,
      toUnitId: data.toUnitId,
      reason: data.reason,
      transferredAt: iso(metadata.occurredAt ?? metadata.now),
    });
  },
};
