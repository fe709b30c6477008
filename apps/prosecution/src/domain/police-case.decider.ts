import type {
  CourtVerdict,
  CriminalSentence,
  ListedSupervisorKind,
  PoliceCaseKind,
  PoliceCaseOrigin,
  PoliceCaseRef,
  ProsecutionClockInstruction,
  ProsecutionEvent,
} from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import { DEFAULT_PROSECUTION_POLICY, RULE, deadlineId, type ProsecutionPolicy } from './deadline-rules.js';
import type {
  DecideAdministrativePenalty,
  DeliverFirstInstanceVerdict,
  ExtendArrestRequestPeriod,
  ImposeCompulsoryMeasure,
  OpenCase,
  OpenCaseFromIncident,
  PoliceCaseCommand,
  RecordFinalJudgement,
} from './police-case.commands.js';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  PoliceCaseNotFoundError,
  ProsecutionConflictError,
  ProsecutionForbiddenError,
  ProsecutionRuleError,
} from './police-case.errors.js';

type Custody = 'none' | 'criminal_detention' | 'arrested';

export interface SuspectState {
  suspectId: string;
  custody: Custody;
  /** The running duty to request arrest after criminal detention; null once requested or ended. */
  detention: {
    measureId: string;
    extensionDays: number;
    rovingSerialGang: boolean;
  } | null;
  arrestRequest: {
    requestId: string;
    procuratorateId: string;
    status: 'pending' | 'approved' | 'not_approved' | 'executed';
  } | null;
  prosecution: 'none' | 'under_review' | 'indicted' | 'not_prosecuted';
  courtId: string | null;
  onTrial: boolean;
  verdict: { verdict: CourtVerdict; sentence: CriminalSentence | null } | null;
  appealed: boolean;
  final: boolean;
}

export interface OpenPoliceCase extends PoliceCaseRef {
  status: 'open';
  kind: PoliceCaseKind;
  origin: PoliceCaseOrigin;
  handlingUnitId: string;
  filed: boolean;
  suspects: Readonly<Record<string, SuspectState>>;
  noteIds: readonly string[];
  /** Penalty decisions and compulsory measures by id, each awaiting or having its ministry entry. */
  decisions: Readonly<Record<string, { suspectId: string; entryRecorded: boolean }>>;
  designatedProsecutor: {
    procuratorateId: string;
    prosecutorUserId: string;
  } | null;
  review: {
    procuratorateId: string;
    suspectIds: readonly string[];
    /** Decides the clock's rule: custody periods never run over a holiday. */
    inCustody: boolean;
    extended: boolean;
    open: boolean;
  } | null;
  supervision: {
    supervisorOrganisationId: string;
    supervisorKind: ListedSupervisorKind;
    dueAt: string;
  } | null;
}

export type PoliceCaseState = { status: 'none' } | OpenPoliceCase;

const iso = (date: Date): string => date.toISOString();

function required(field: string, value: string): void {
  if (value.trim() === '') throw new InvalidPoliceCaseCommandError(field, `${field} must not be empty.`);
}

function openCase(command: { caseNumber: string }, state: PoliceCaseState): OpenPoliceCase {
  if (state.status !== 'open') throw new PoliceCaseNotFoundError(command.caseNumber);
  return state;
}

function suspectOf(state: OpenPoliceCase, suspectId: string): SuspectState {
  const suspect = state.suspects[suspectId];
  if (!suspect) throw new ProsecutionRuleError(CODE.suspectNotFound, `No suspect ${suspectId} in case ${state.caseNumber}.`);
  return suspect;
}

function mustBeCriminal(state: OpenPoliceCase, what: string): void {
  if (state.kind !== 'criminal') {
    throw new ProsecutionRuleError(CODE.caseNotCriminal, `${what} needs a criminal case; ${state.caseNumber} is administrative.`);
  }
}

function notInFuture(decidedAt: Date, at: Date): void {
  if (decidedAt.getTime() > at.getTime()) {
    throw new ProsecutionRuleError(CODE.decisionInFuture, 'A decision cannot be dated after the moment it is recorded.');
  }
}

function newDecision(state: OpenPoliceCase, decisionId: string): void {
  if (state.decisions[decisionId]) {
    throw new ProsecutionConflictError(CODE.decisionAlreadyRecorded, `Decision ${decisionId} is already recorded.`);
  }
}

function sentenceFits(verdict: CourtVerdict, sentence: CriminalSentence | null): void {
  if ((verdict === 'guilty') !== (sentence !== null)) {
    throw new ProsecutionRuleError(
      CODE.sentenceMismatch,
      verdict === 'guilty' ? 'A guilty verdict needs a sentence (or exemption).' : 'A not-guilty verdict carries no sentence.',
    );
  }
}

const refOf = (state: OpenPoliceCase): PoliceCaseRef => ({
  caseNumber: state.caseNumber,
  hospitalId: state.hospitalId,
  regionCode: state.regionCode,
});

const startMinistryEntry = (caseNumber: string, decisionId: string, decidedAt: Date, unitId: string): ProsecutionClockInstruction => ({
  action: 'start',
  deadlineId: deadlineId.ministrySystemEntry(caseNumber, decisionId),
  rule: RULE.ministrySystemEntry,
  startedAt: iso(decidedAt),
  responsibleOrganisationId: unitId,
});

/**
 * The police case from acceptance (受案) to final judgement, with the ministry-system entry, the
 * procuratorate's steps, the court and listed supervision. Lawful limits come from `policy`.
 */
export function createPoliceCaseDecider(
  policy: ProsecutionPolicy = DEFAULT_PROSECUTION_POLICY,
): Decider<PoliceCaseCommand, ProsecutionEvent, PoliceCaseState> {
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

  function decidePenalty(command: DecideAdministrativePenalty, state: OpenPoliceCase): ProsecutionEvent[] {
    if (state.kind !== 'administrative') {
      throw new ProsecutionRuleError(
        CODE.caseNotAdministrative,
        `An administrative penalty needs an administrative case; ${state.caseNumber} is criminal.`,
      );
    }
    suspectOf(state, command.suspectId);
    newDecision(state, command.decisionId);
    notInFuture(command.decidedAt, command.at);
    const { penalty } = command;
    if (penalty.kind === 'fine' && !(penalty.amountYuan > 0)) {
      throw new ProsecutionRuleError(CODE.penaltyOutOfRange, 'A fine must be a positive amount.');
    }
    if (
      penalty.kind === 'administrative_detention' &&
      !(Number.isInteger(penalty.days) && penalty.days >= 1 && penalty.days <= policy.administrativeDetention.maxDays)
    ) {
      throw new ProsecutionRuleError(
        CODE.penaltyOutOfRange,
        `Administrative detention is 1 to ${policy.administrativeDetention.maxDays} days ${policy.administrativeDetention.source}.`,
      );
    }
    return [
      {
        type: 'AdministrativePenaltyDecided',
        data: {
          ...refOf(state),
          decisionId: command.decisionId,
          suspectId: command.suspectId,
          penalty,
          decidedAt: iso(command.decidedAt),
          decidingUnitId: command.decidingUnitId,
          clocks: [startMinistryEntry(state.caseNumber, command.decisionId, command.decidedAt, command.decidingUnitId)],
        },
      },
    ];
  }

  function imposeMeasure(command: ImposeCompulsoryMeasure, state: OpenPoliceCase): ProsecutionEvent[] {
    mustBeCriminal(state, 'A compulsory measure');
    const suspect = suspectOf(state, command.suspectId);
    newDecision(state, command.measureId);
    notInFuture(command.decidedAt, command.at);
    const clocks: ProsecutionClockInstruction[] = [
      startMinistryEntry(state.caseNumber, command.measureId, command.decidedAt, command.decidingUnitId),
    ];
    let custodyAfter: Custody;
    switch (command.measure) {
      case 'summons':
        if (suspect.custody !== 'none') throw alreadyHeld(suspect);
        custodyAfter = 'none';
        break;
      case 'criminal_detention':
        if (suspect.custody !== 'none') throw alreadyHeld(suspect);
        custodyAfter = 'criminal_detention';
        clocks.push({
          action: 'start',
          deadlineId: deadlineId.arrestRequest(state.caseNumber, command.measureId),
          rule: RULE.arrestRequest,
          startedAt: iso(command.decidedAt),
          responsibleOrganisationId: state.handlingUnitId,
        });
        break;
      case 'arrest':
        // 逮捕 needs the procuratorate's approval first (批准逮捕).
        if (suspect.arrestRequest?.status !== 'approved') {
          throw new ProsecutionRuleError(
            CODE.arrestNotApproved,
            `Arrest of ${suspect.suspectId} has not been approved by a procuratorate.`,
          );
        }
        if (suspect.custody === 'arrested') throw alreadyHeld(suspect);
        custodyAfter = 'arrested';
        break;
      case 'bail':
      case 'residential_surveillance':
        // Replaces detention or arrest (变更强制措施); the duty to request arrest then ends unfulfilled.
        custodyAfter = 'none';
        if (suspect.detention) {
          clocks.push({
            action: 'stop',
            deadlineId: deadlineId.arrestRequest(state.caseNumber, suspect.detention.measureId),
            rule: RULE.arrestRequest,
            at: iso(command.decidedAt),
            outcome: 'moot',
          });
        }
        break;
      default: {
        const unknown: never = command.measure;
        throw new InvalidPoliceCaseCommandError('measure', `Unknown compulsory measure ${String(unknown)}.`);
      }
    }
    return [
      {
        type: 'CompulsoryMeasureImposed',
        data: {
          ...refOf(state),
          measureId: command.measureId,
          suspectId: command.suspectId,
          measure: command.measure,
          decidedAt: iso(command.decidedAt),
          decidingUnitId: command.decidingUnitId,
          custodyAfter,
          clocks,
        },
      },
    ];
  }

  function alreadyHeld(suspect: SuspectState): ProsecutionRuleError {
    return new ProsecutionRuleError(CODE.alreadyInCustody, `Suspect ${suspect.suspectId} is already held (${suspect.custody}).`);
  }

  function extendArrestRequest(command: ExtendArrestRequestPeriod, state: OpenPoliceCase): ProsecutionEvent[] {
    mustBeCriminal(state, 'Extending the arrest-request period');
    const suspect = suspectOf(state, command.suspectId);
    if (suspect.custody !== 'criminal_detention') {
      throw new ProsecutionRuleError(CODE.noCriminalDetention, `Suspect ${suspect.suspectId} is not in criminal detention.`);
    }
    if (!suspect.detention) {
      throw new ProsecutionConflictError(CODE.arrestAlreadyRequested, `Arrest of ${suspect.suspectId} has already been requested.`);
    }
    required('explanation', command.explanation);
    if (!(Number.isInteger(command.days) && command.days >= 1)) {
      throw new InvalidPoliceCaseCommandError('days', 'An extension is a whole number of days, at least 1.');
    }
    const { arrestRequest: limits } = policy;
    const rovingSerialGang = suspect.detention.rovingSerialGang || command.ground !== 'special_circumstances';
    const maxExtension = rovingSerialGang
      ? limits.rovingSerialGangMaxTotalDays - limits.baseDays
      : limits.specialCircumstancesMaxExtensionDays;
    const total = suspect.detention.extensionDays + command.days;
    if (total > maxExtension) {
      throw new ProsecutionRuleError(
        CODE.extensionBeyondMaximum,
        `The arrest-request period may be extended by at most ${maxExtension} days in all on these grounds ${limits.source}; ` +
          `${total} asked.`,
      );
    }
    return [
      {
        type: 'ArrestRequestPeriodExtended',
        data: {
          ...refOf(state),
          suspectId: suspect.suspectId,
          detentionMeasureId: suspect.detention.measureId,
          ground: command.ground,
          explanation: command.explanation,
          days: command.days,
          totalExtensionDays: total,
          extendedAt: iso(command.at),
          clocks: [
            {
              action: 'extend',
              deadlineId: deadlineId.arrestRequest(state.caseNumber, suspect.detention.measureId),
              rule: RULE.arrestRequest,
              by: { unit: 'calendar_days', amount: command.days },
              reason: `${command.ground}: ${command.explanation}`,
            },
          ],
        },
      },
    ];
  }

  function deliverVerdict(command: DeliverFirstInstanceVerdict, state: OpenPoliceCase): ProsecutionEvent[] {
    const suspect = suspectOf(state, command.suspectId);
    if (suspect.prosecution !== 'indicted') {
      throw new ProsecutionRuleError(CODE.notIndicted, `Suspect ${suspect.suspectId} has not been indicted.`);
    }
    if (suspect.courtId !== command.actor.organisationId) {
      throw new ProsecutionForbiddenError(CODE.wrongCourt, `Only the court the indictment went to can deliver the verdict.`);
    }
    if (!suspect.onTrial) throw new ProsecutionRuleError(CODE.trialNotStarted, `The trial of ${suspect.suspectId} has not started.`);
    if (suspect.verdict) {
      throw new ProsecutionConflictError(CODE.verdictAlreadyDelivered, `A verdict on ${suspect.suspectId} was already delivered.`);
    }
    sentenceFits(command.verdict, command.sentence);
    return [
      {
        type: 'FirstInstanceVerdictDelivered',
        data: {
          ...refOf(state),
          courtId: suspect.courtId,
          suspectId: suspect.suspectId,
          verdict: command.verdict,
          sentence: command.sentence,
          deliveredAt: iso(command.at),
        },
      },
    ];
  }

  function recordFinal(command: RecordFinalJudgement, state: OpenPoliceCase): ProsecutionEvent[] {
    const suspect = suspectOf(state, command.suspectId);
    if (!suspect.verdict) throw new ProsecutionRuleError(CODE.noVerdict, `No first-instance verdict on ${suspect.suspectId}.`);
    if (suspect.final) {
      throw new ProsecutionConflictError(CODE.judgementAlreadyFinal, `The judgement on ${suspect.suspectId} is already final.`);
    }
    sentenceFits(command.verdict, command.sentence);
    if (!suspect.appealed) {
      // Unappealed, the first-instance verdict itself becomes final: it cannot change on the way.
      if (suspect.courtId !== command.actor.organisationId) {
        throw new ProsecutionForbiddenError(CODE.wrongCourt, 'Only the first-instance court records its unappealed verdict as final.');
      }
      const same =
        suspect.verdict.verdict === command.verdict && JSON.stringify(suspect.verdict.sentence) === JSON.stringify(command.sentence);
      if (!same) {
        throw new ProsecutionRuleError(CODE.sentenceMismatch, 'Without an appeal, the final judgement is the first-instance verdict.');
      }
    }
    return [
      {
        type: 'FinalJudgementRecorded',
        data: {
          ...refOf(state),
          courtId: command.actor.organisationId,
          suspectId: suspect.suspectId,
          verdict: command.verdict,
          sentence: command.sentence,
          basis: suspect.appealed ? 'second_instance' : 'first_instance_not_appealed',
          finalAt: iso(command.at),
        },
      },
    ];
  }

  function reviewClockStop(state: OpenPoliceCase, decidedNow: readonly string[], at: Date): ProsecutionClockInstruction[] {
    const review = state.review!;
    const stillOpen = review.suspectIds.filter((id) => !decidedNow.includes(id) && state.suspects[id]?.prosecution === 'under_review');
    if (stillOpen.length > 0) return [];
    return [
      {
        action: 'stop',
        deadlineId: deadlineId.prosecutionReview(state.caseNumber),
        rule: reviewRule(state),
        at: iso(at),
        outcome: 'done',
      },
    ];
  }

  const reviewRule = (state: OpenPoliceCase): string =>
    state.review?.inCustody ? RULE.prosecutionReviewInCustody : RULE.prosecutionReview;

  function underReviewBy(state: OpenPoliceCase, actorOrganisationId: string, suspectIds: readonly string[] | null) {
    const review = state.review;
    if (!review || !review.open) {
      throw new ProsecutionRuleError(CODE.notUnderReview, `Case ${state.caseNumber} is not under prosecution review.`);
    }
    if (review.procuratorateId !== actorOrganisationId) {
      throw new ProsecutionForbiddenError(CODE.wrongProcuratorate, 'Only the procuratorate reviewing the case can do this.');
    }
    if (suspectIds) {
      if (suspectIds.length === 0) throw new InvalidPoliceCaseCommandError('suspectIds', 'Name at least one suspect.');
      for (const id of suspectIds) {
        if (state.suspects[id]?.prosecution !== 'under_review') {
          throw new ProsecutionRuleError(CODE.suspectNotUnderReview, `Suspect ${id} is not awaiting a prosecution decision.`);
        }
      }
    }
    return review;
  }

  function decide(command: PoliceCaseCommand, state: PoliceCaseState): ProsecutionEvent[] {
    switch (command.type) {
      case 'OpenCaseFromIncident':
      case 'OpenCase':
        return open(command, state);

      case 'FileCriminalCase': {
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
      }

      case 'ConvertToCriminalCase': {
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
      }

      case 'AddSuspect': {
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
      }

      case 'AddInvestigationNote': {
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
      }

      case 'TransferCase': {
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
      }

      case 'DecideAdministrativePenalty':
        return decidePenalty(command, openCase(command, state));

      case 'ImposeCompulsoryMeasure':
        return imposeMeasure(command, openCase(command, state));

      case 'RecordMinistrySystemEntry': {
        const s = openCase(command, state);
        const decision = s.decisions[command.decisionId];
        if (!decision) {
          throw new ProsecutionRuleError(CODE.entryUnknownDecision, `No penalty decision or compulsory measure ${command.decisionId}.`);
        }
        if (decision.entryRecorded) {
          throw new ProsecutionConflictError(
            CODE.entryAlreadyRecorded,
            `Decision ${command.decisionId} is already entered in the ministry system.`,
          );
        }
        required('referenceNumber', command.referenceNumber);
        return [
          {
            type: 'MinistrySystemEntryRecorded',
            data: {
              ...refOf(s),
              decisionId: command.decisionId,
              suspectId: decision.suspectId,
              referenceNumber: command.referenceNumber,
              recordedAt: iso(command.at),
              clocks: [
                {
                  action: 'stop',
                  deadlineId: deadlineId.ministrySystemEntry(s.caseNumber, command.decisionId),
                  rule: RULE.ministrySystemEntry,
                  at: iso(command.at),
                  outcome: 'done',
                },
              ],
            },
          },
        ];
      }

      case 'ExtendArrestRequestPeriod':
        return extendArrestRequest(command, openCase(command, state));

      case 'RequestArrestApproval': {
        const s = openCase(command, state);
        mustBeCriminal(s, 'An arrest request');
        const suspect = suspectOf(s, command.suspectId);
        if (suspect.arrestRequest?.status === 'pending') {
          throw new ProsecutionConflictError(CODE.arrestAlreadyRequested, `Arrest of ${suspect.suspectId} is already requested.`);
        }
        if (suspect.custody !== 'criminal_detention' || !suspect.detention) {
          throw new ProsecutionRuleError(CODE.noCriminalDetention, `Suspect ${suspect.suspectId} is not in criminal detention.`);
        }
        return [
          {
            type: 'ArrestApprovalRequested',
            data: {
              ...refOf(s),
              requestId: command.requestId,
              suspectId: suspect.suspectId,
              procuratorateId: command.procuratorateId,
              requestedAt: iso(command.at),
              clocks: [
                {
                  action: 'stop',
                  deadlineId: deadlineId.arrestRequest(s.caseNumber, suspect.detention.measureId),
                  rule: RULE.arrestRequest,
                  at: iso(command.at),
                  outcome: 'done',
                },
                {
                  action: 'start',
                  deadlineId: deadlineId.arrestDecision(s.caseNumber, command.requestId),
                  rule: RULE.arrestDecision,
                  startedAt: iso(command.at),
                  responsibleOrganisationId: command.procuratorateId,
                },
              ],
            },
          },
        ];
      }

      case 'DecideArrestApproval': {
        const s = openCase(command, state);
        const suspect = suspectOf(s, command.suspectId);
        const request = suspect.arrestRequest;
        if (request?.status !== 'pending') {
          throw new ProsecutionRuleError(CODE.noPendingArrestRequest, `No pending arrest request for ${suspect.suspectId}.`);
        }
        if (request.procuratorateId !== command.actor.organisationId) {
          throw new ProsecutionForbiddenError(CODE.wrongProcuratorate, 'Only the procuratorate the request went to can decide it.');
        }
        required('reason', command.reason);
        return [
          {
            type: 'ArrestApprovalDecided',
            data: {
              ...refOf(s),
              requestId: request.requestId,
              suspectId: suspect.suspectId,
              procuratorateId: request.procuratorateId,
              outcome: command.outcome,
              reason: command.reason,
              decidedAt: iso(command.at),
              // 不批准逮捕: a detained suspect is released at once (CPL art. 91).
              releaseRequired: command.outcome === 'not_approved' && suspect.custody === 'criminal_detention',
              clocks: [
                {
                  action: 'stop',
                  deadlineId: deadlineId.arrestDecision(s.caseNumber, request.requestId),
                  rule: RULE.arrestDecision,
                  at: iso(command.at),
                  outcome: 'done',
                },
              ],
            },
          },
        ];
      }

      case 'DesignateProsecutor': {
        const s = openCase(command, state);
        mustBeCriminal(s, 'A designated prosecutor');
        required('prosecutorUserId', command.prosecutorUserId);
        const current = s.designatedProsecutor;
        if (current?.prosecutorUserId === command.prosecutorUserId && current.procuratorateId === command.actor.organisationId) {
          return [];
        }
        return [
          {
            type: 'ProsecutorDesignated',
            data: {
              ...refOf(s),
              procuratorateId: command.actor.organisationId,
              prosecutorUserId: command.prosecutorUserId,
              prosecutorName: command.prosecutorName,
              designatedAt: iso(command.at),
            },
          },
        ];
      }

      case 'TransferForProsecution': {
        const s = openCase(command, state);
        mustBeCriminal(s, 'Transfer for prosecution');
        if (!s.filed) throw new ProsecutionRuleError(CODE.caseNotFiled, `Case ${s.caseNumber} has not been filed (立案).`);
        if (s.review)
          throw new ProsecutionConflictError(CODE.alreadyUnderReview, `Case ${s.caseNumber} was already transferred for prosecution.`);
        if (command.suspectIds.length === 0) throw new InvalidPoliceCaseCommandError('suspectIds', 'Name at least one suspect.');
        const suspects = command.suspectIds.map((id) => suspectOf(s, id));
        const inCustody = suspects.some((suspect) => suspect.custody !== 'none');
        return [
          {
            type: 'CaseTransferredForProsecution',
            data: {
              ...refOf(s),
              suspectIds: [...command.suspectIds],
              procuratorateId: command.procuratorateId,
              transferringUnitId: s.handlingUnitId,
              inCustody,
              transferredAt: iso(command.at),
              clocks: [
                {
                  action: 'start',
                  deadlineId: deadlineId.prosecutionReview(s.caseNumber),
                  rule: inCustody ? RULE.prosecutionReviewInCustody : RULE.prosecutionReview,
                  startedAt: iso(command.at),
                  responsibleOrganisationId: command.procuratorateId,
                },
              ],
            },
          },
        ];
      }

      case 'ExtendProsecutionReview': {
        const s = openCase(command, state);
        const review = underReviewBy(s, command.actor.organisationId, null);
        if (review.extended) {
          throw new ProsecutionConflictError(CODE.reviewAlreadyExtended, `The review of ${s.caseNumber} was already extended.`);
        }
        required('explanation', command.explanation);
        const days = policy.prosecutionReview.extensionDays;
        return [
          {
            type: 'ProsecutionReviewExtended',
            data: {
              ...refOf(s),
              ground: command.ground,
              explanation: command.explanation,
              days,
              extendedAt: iso(command.at),
              clocks: [
                {
                  action: 'extend',
                  deadlineId: deadlineId.prosecutionReview(s.caseNumber),
                  rule: reviewRule(s),
                  by: { unit: 'calendar_days', amount: days },
                  reason: `${command.ground}: ${command.explanation}`,
                },
              ],
            },
          },
        ];
      }

      case 'Indict': {
        const s = openCase(command, state);
        const review = underReviewBy(s, command.actor.organisationId, command.suspectIds);
        required('courtId', command.courtId);
        return [
          {
            type: 'SuspectsIndicted',
            data: {
              ...refOf(s),
              suspectIds: [...command.suspectIds],
              procuratorateId: review.procuratorateId,
              courtId: command.courtId,
              indictedAt: iso(command.at),
              clocks: reviewClockStop(s, command.suspectIds, command.at),
            },
          },
        ];
      }

      case 'DecideNotToProsecute': {
        const s = openCase(command, state);
        const review = underReviewBy(s, command.actor.organisationId, command.suspectIds);
        required('reason', command.reason);
        return [
          {
            type: 'NonProsecutionDecided',
            data: {
              ...refOf(s),
              suspectIds: [...command.suspectIds],
              procuratorateId: review.procuratorateId,
              reason: command.reason,
              decidedAt: iso(command.at),
              clocks: reviewClockStop(s, command.suspectIds, command.at),
            },
          },
        ];
      }

      case 'StartFirstInstanceTrial': {
        const s = openCase(command, state);
        const indicted = Object.values(s.suspects).filter((suspect) => suspect.prosecution === 'indicted');
        if (indicted.length === 0) throw new ProsecutionRuleError(CODE.notIndicted, `Nobody in case ${s.caseNumber} has been indicted.`);
        const here = indicted.filter((suspect) => suspect.courtId === command.actor.organisationId);
        if (here.length === 0) throw new ProsecutionForbiddenError(CODE.wrongCourt, 'The indictment did not go to this court.');
        const defendants = here.filter((suspect) => !suspect.onTrial);
        if (defendants.length === 0) {
          throw new ProsecutionConflictError(CODE.trialAlreadyStarted, `The trial in case ${s.caseNumber} has already started.`);
        }
        return [
          {
            type: 'FirstInstanceTrialStarted',
            data: {
              ...refOf(s),
              courtId: command.actor.organisationId,
              defendantIds: defendants.map((suspect) => suspect.suspectId),
              startedAt: iso(command.at),
            },
          },
        ];
      }

      case 'DeliverFirstInstanceVerdict':
        return deliverVerdict(command, openCase(command, state));

      case 'FileAppeal': {
        const s = openCase(command, state);
        const suspect = suspectOf(s, command.suspectId);
        if (!suspect.verdict) throw new ProsecutionRuleError(CODE.noVerdict, `No first-instance verdict on ${suspect.suspectId}.`);
        if (suspect.final) {
          throw new ProsecutionRuleError(CODE.judgementAlreadyFinal, `The judgement on ${suspect.suspectId} is already final.`);
        }
        if (suspect.appealed)
          throw new ProsecutionConflictError(CODE.alreadyAppealed, `The verdict on ${suspect.suspectId} is already appealed.`);
        return [
          {
            type: 'AppealFiled',
            data: {
              ...refOf(s),
              suspectId: suspect.suspectId,
              appellant: command.appellant,
              filedAt: iso(command.at),
            },
          },
        ];
      }

      case 'RecordFinalJudgement':
        return recordFinal(command, openCase(command, state));

      case 'PutUnderListedSupervision': {
        const s = openCase(command, state);
        if (s.supervision) {
          throw new ProsecutionConflictError(CODE.alreadySupervised, `Case ${s.caseNumber} is already under listed supervision.`);
        }
        required('requirements', command.requirements);
        if (command.dueAt.getTime() <= command.at.getTime()) {
          throw new ProsecutionRuleError(CODE.supervisionDueInPast, 'The supervision due date must lie in the future.');
        }
        return [
          {
            type: 'ListedSupervisionStarted',
            data: {
              ...refOf(s),
              supervisorOrganisationId: command.actor.organisationId,
              supervisorKind: command.supervisorKind,
              requirements: command.requirements,
              dueAt: iso(command.dueAt),
              startedAt: iso(command.at),
            },
          },
        ];
      }

      case 'ReportSupervisionProgress': {
        const s = openCase(command, state);
        if (!s.supervision) throw new ProsecutionRuleError(CODE.notSupervised, `Case ${s.caseNumber} is not under listed supervision.`);
        required('report', command.report);
        return [
          {
            type: 'SupervisionProgressReported',
            data: {
              ...refOf(s),
              supervisorOrganisationId: s.supervision.supervisorOrganisationId,
              reportingOrganisationId: command.actor.organisationId,
              report: command.report,
              reportedAt: iso(command.at),
            },
          },
        ];
      }

      case 'RemoveListedSupervision': {
        const s = openCase(command, state);
        if (!s.supervision) throw new ProsecutionRuleError(CODE.notSupervised, `Case ${s.caseNumber} is not under listed supervision.`);
        if (s.supervision.supervisorOrganisationId !== command.actor.organisationId) {
          throw new ProsecutionForbiddenError(CODE.notSupervisor, 'Only the supervising body can remove listed supervision.');
        }
        if (command.reason.trim() === '') {
          throw new ProsecutionRuleError(CODE.removalReasonRequired, 'Removing listed supervision needs a reason.');
        }
        return [
          {
            type: 'ListedSupervisionRemoved',
            data: {
              ...refOf(s),
              supervisorOrganisationId: s.supervision.supervisorOrganisationId,
              reason: command.reason,
              removedAt: iso(command.at),
            },
          },
        ];
      }

      default: {
        const unknown: never = command;
        throw new InvalidPoliceCaseCommandError('type', `Unknown command ${(unknown as { type: string }).type}.`);
      }
    }
  }

  return { decide, evolve, initialState };
}

export const initialState = (): PoliceCaseState => ({ status: 'none' });

const updateSuspect = (state: OpenPoliceCase, suspectId: string, change: Partial<SuspectState>): OpenPoliceCase => ({
  ...state,
  suspects: {
    ...state.suspects,
    [suspectId]: { ...state.suspects[suspectId], ...change },
  },
});

const updateSuspects = (state: OpenPoliceCase, suspectIds: readonly string[], change: Partial<SuspectState>): OpenPoliceCase =>
  suspectIds.reduce((next, id) => updateSuspect(next, id, change), state);

export function evolve(state: PoliceCaseState, event: ProsecutionEvent): PoliceCaseState {
  if (event.type === 'CaseAccepted') {
    const { data } = event;
    return {
      status: 'open',
      caseNumber: data.caseNumber,
      hospitalId: data.hospitalId,
      regionCode: data.regionCode,
      kind: data.kind,
      origin: data.origin,
      handlingUnitId: data.handlingUnitId,
      filed: false,
      suspects: {},
      noteIds: [],
      decisions: {},
      designatedProsecutor: null,
      review: null,
      supervision: null,
    };
  }
  if (state.status !== 'open') return state; // nothing but acceptance starts a case
  switch (event.type) {
    case 'CriminalCaseFiled':
      return { ...state, filed: true };
    case 'CaseConvertedToCriminal':
      return { ...state, kind: 'criminal' };
    case 'SuspectAdded':
      return {
        ...state,
        suspects: {
          ...state.suspects,
          [event.data.suspectId]: {
            suspectId: event.data.suspectId,
            custody: 'none',
            detention: null,
            arrestRequest: null,
            prosecution: 'none',
            courtId: null,
            onTrial: false,
            verdict: null,
            appealed: false,
            final: false,
          },
        },
      };
    case 'InvestigationNoteAdded':
      return { ...state, noteIds: [...state.noteIds, event.data.noteId] };
    case 'CaseTransferred':
      return { ...state, handlingUnitId: event.data.toUnitId };
    case 'AdministrativePenaltyDecided':
      return {
        ...state,
        decisions: {
          ...state.decisions,
          [event.data.decisionId]: {
            suspectId: event.data.suspectId,
            entryRecorded: false,
          },
        },
      };
    case 'CompulsoryMeasureImposed': {
      const { data } = event;
      const withDecision: OpenPoliceCase = {
        ...state,
        decisions: {
          ...state.decisions,
          [data.measureId]: { suspectId: data.suspectId, entryRecorded: false },
        },
      };
      const suspect = state.suspects[data.suspectId];
      return updateSuspect(withDecision, data.suspectId, {
        custody: data.custodyAfter,
        detention:
          data.measure === 'criminal_detention'
            ? {
                measureId: data.measureId,
                extensionDays: 0,
                rovingSerialGang: false,
              }
            : data.custodyAfter === 'none'
              ? null
              : suspect.detention,
        arrestRequest:
          data.measure === 'arrest' && suspect.arrestRequest ? { ...suspect.arrestRequest, status: 'executed' } : suspect.arrestRequest,
      });
    }
    case 'MinistrySystemEntryRecorded': {
      const decision = state.decisions[event.data.decisionId];
      return {
        ...state,
        decisions: {
          ...state.decisions,
          [event.data.decisionId]: { ...decision, entryRecorded: true },
        },
      };
    }
    case 'ArrestRequestPeriodExtended': {
      const detention = state.suspects[event.data.suspectId].detention;
      if (!detention) return state;
      return updateSuspect(state, event.data.suspectId, {
        detention: {
          ...detention,
          extensionDays: event.data.totalExtensionDays,
          rovingSerialGang: detention.rovingSerialGang || event.data.ground !== 'special_circumstances',
        },
      });
    }
    case 'ArrestApprovalRequested':
      return updateSuspect(state, event.data.suspectId, {
        detention: null,
        arrestRequest: {
          requestId: event.data.requestId,
          procuratorateId: event.data.procuratorateId,
          status: 'pending',
        },
      });
    case 'ArrestApprovalDecided': {
      const suspect = state.suspects[event.data.suspectId];
      const approved = event.data.outcome === 'approved';
      return updateSuspect(state, event.data.suspectId, {
        arrestRequest: suspect.arrestRequest && {
          ...suspect.arrestRequest,
          status: approved ? 'approved' : 'not_approved',
        },
        custody: !approved && suspect.custody === 'criminal_detention' ? 'none' : suspect.custody,
      });
    }
    case 'ProsecutorDesignated':
      return {
        ...state,
        designatedProsecutor: {
          procuratorateId: event.data.procuratorateId,
          prosecutorUserId: event.data.prosecutorUserId,
        },
      };
    case 'CaseTransferredForProsecution':
      return updateSuspects(
        {
          ...state,
          review: {
            procuratorateId: event.data.procuratorateId,
            suspectIds: event.data.suspectIds,
            inCustody: event.data.inCustody,
            extended: false,
            open: true,
          },
        },
        event.data.suspectIds,
        { prosecution: 'under_review' },
      );
    case 'ProsecutionReviewExtended':
      return state.review ? { ...state, review: { ...state.review, extended: true } } : state;
    case 'SuspectsIndicted':
    case 'NonProsecutionDecided': {
      const next = updateSuspects(
        state,
        event.data.suspectIds,
        event.type === 'SuspectsIndicted' ? { prosecution: 'indicted', courtId: event.data.courtId } : { prosecution: 'not_prosecuted' },
      );
      const open = next.review ? next.review.suspectIds.some((id) => next.suspects[id]?.prosecution === 'under_review') : false;
      return next.review ? { ...next, review: { ...next.review, open } } : next;
    }
    case 'FirstInstanceTrialStarted':
      return updateSuspects(state, event.data.defendantIds, { onTrial: true });
    case 'FirstInstanceVerdictDelivered':
      return updateSuspect(state, event.data.suspectId, {
        verdict: { verdict: event.data.verdict, sentence: event.data.sentence },
      });
    case 'AppealFiled':
      return updateSuspect(state, event.data.suspectId, { appealed: true });
    case 'FinalJudgementRecorded':
      return updateSuspect(state, event.data.suspectId, { final: true });
    case 'ListedSupervisionStarted':
      return {
        ...state,
        supervision: {
          supervisorOrganisationId: event.data.supervisorOrganisationId,
          supervisorKind: event.data.supervisorKind,
          dueAt: event.data.dueAt,
        },
      };
    case 'SupervisionProgressReported':
      return state;
    case 'ListedSupervisionRemoved':
      return { ...state, supervision: null };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const policeCaseDecider = createPoliceCaseDecider();
