import type { PoliceCaseOrigin, ProsecutionEvent } from '@pingan/contracts';
import type { OpenCase, OpenCaseFromIncident } from './police-case.commands.js';
import { CODE, ProsecutionConflictError, ProsecutionRuleError } from './police-case.errors.js';
import { iso, mustBeCriminal, openCase, refOf, required, type PhaseDecide } from './police-case.guards.js';
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
  const origin: PoliceCaseOrigin =
    command.type === 'OpenCaseFromIncident' ? { source: 'incident', incidentId: command.incidentId } : { source: 'direct' };
  if (state.status === 'open') {
    // The incident event may be delivered again: the same incident opening the same case is a repeat.
    if (origin.source === 'incident' && state.origin.source === 'incident' && state.origin.incidentId === origin.incidentId) {
      return [];
    }
    throw new ProsecutionConflictError(CODE.caseAlreadyOpen, `Case ${command.caseNumber} is already open.`);
  }
  required('caseNumber', command.caseNumber);
  required('handlingUnitId', command.handlingUnitId);
  return [
    {
      type: 'CaseAccepted',
      data: {
        caseNumber: command.caseNumber,
        hospitalId: command.hospitalId,
        regionCode: command.regionCode,
        kind: command.kind,
        origin,
        handlingUnitId: command.handlingUnitId,
        acceptedAt: iso(command.at),
        summary: command.summary,
      },
    },
  ];
}

export const investigation: PhaseDecide<InvestigationCommand> = {
  OpenCaseFromIncident: open,
  OpenCase: open,
  FileCriminalCase(command, state) {
    const s = openCase(command, state);
    mustBeCriminal(s, 'Filing (立案)');
    if (s.filed) throw new ProsecutionConflictError(CODE.caseAlreadyFiled, `Case ${s.caseNumber} is already filed.`);
    return [
      {
        type: 'CriminalCaseFiled',
        data: {
          ...refOf(s),
          filingUnitId: command.filingUnitId,
          filedAt: iso(command.at),
        },
      },
    ];
  },
  ConvertToCriminalCase(command, state) {
    const s = openCase(command, state);
    if (s.kind !== 'administrative') {
      throw new ProsecutionRuleError(CODE.caseNotAdministrative, `Case ${s.caseNumber} is already criminal.`);
    }
    required('reason', command.reason);
    return [
      {
        type: 'CaseConvertedToCriminal',
        data: {
          ...refOf(s),
          reason: command.reason,
          convertedAt: iso(command.at),
        },
      },
    ];
  },
  AddSuspect(command, state) {
    const s = openCase(command, state);
    if (s.suspects[command.suspectId]) {
      throw new ProsecutionConflictError(CODE.suspectAlreadyAdded, `Suspect ${command.suspectId} is already in the case.`);
    }
    required('name', command.name);
    return [
      {
        type: 'SuspectAdded',
        data: {
          ...refOf(s),
          suspectId: command.suspectId,
          // The name stays with the service (personal data): see SuspectAdded in the contract.
          addedAt: iso(command.at),
        },
      },
    ];
  },
  AddInvestigationNote(command, state) {
    const s = openCase(command, state);
    if (s.noteIds.includes(command.noteId)) {
      throw new ProsecutionConflictError(CODE.noteAlreadyAdded, `Note ${command.noteId} is already in the case.`);
    }
    required('text', command.text);
    return [
      {
        type: 'InvestigationNoteAdded',
        data: {
          ...refOf(s),
          noteId: command.noteId,
          text: command.text,
          authorUserId: command.actor.userId,
          writtenAt: iso(command.at),
        },
      },
    ];
  },
  TransferCase(command, state) {
    const s = openCase(command, state);
    if (command.toUnitId === s.handlingUnitId) {
      throw new ProsecutionRuleError(CODE.transferToSameUnit, `Case ${s.caseNumber} is already handled by ${s.handlingUnitId}.`);
    }
    required('reason', command.reason);
    return [
      {
        type: 'CaseTransferred',
        data: {
          ...refOf(s),
          fromUnitId: s.handlingUnitId,
          toUnitId: command.toUnitId,
          reason: command.reason,
          transferredAt: iso(command.at),
        },
      },
    ];
  },
};
