import type { ProsecutionClockInstruction, ProsecutionEvent } from '@pingan/contracts';
import { RULE, deadlineId, type ProsecutionPolicy } from './deadline-rules.js';
import type { DecideAdministrativePenalty, ExtendArrestRequestPeriod, ImposeCompulsoryMeasure } from './police-case.commands.js';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  ProsecutionConflictError,
  ProsecutionForbiddenError,
  ProsecutionRuleError,
} from './police-case.errors.js';
import {
  iso,
  mustBeCriminal,
  newDecision,
  notBefore,
  notInFuture,
  openCase,
  refOf,
  required,
  suspectOf,
  oneEvent,
  type PhaseDecide,
} from './police-case.guards.js';
import { stopCasePeriod } from './police-case.public-security.js';
import type { Custody, OpenPoliceCase, SuspectState } from './police-case.state.js';

/**
 * Penalty decisions and compulsory measures with their ministry-system entry, the arrest-request
 * period after criminal detention, and the request to approve arrest with the procuratorate's decision.
 */
export type MeasureCommand =
  | 'DecideAdministrativePenalty'
  | 'ImposeCompulsoryMeasure'
  | 'RecordMinistrySystemEntry'
  | 'ExtendArrestRequestPeriod'
  | 'RequestArrestApproval'
  | 'RecordArrestRequestReceipt'
  | 'DecideArrestApproval';

const startMinistryEntry = (caseNumber: string, decisionId: string, decidedAt: Date, unitId: string): ProsecutionClockInstruction => ({
  action: 'start',
  deadlineId: deadlineId.ministrySystemEntry(caseNumber, decisionId),
  rule: RULE.ministrySystemEntry,
  startedAt: iso(decidedAt),
  responsibleOrganisationId: unitId,
});

function alreadyHeld(suspect: SuspectState): ProsecutionRuleError {
  return new ProsecutionRuleError(CODE.alreadyInCustody, `Suspect ${suspect.suspectId} is already held (${suspect.custody}).`);
}

export function measures(policy: ProsecutionPolicy): PhaseDecide<MeasureCommand> {
  function decidePenalty(command: DecideAdministrativePenalty, state: OpenPoliceCase): ProsecutionEvent[] {
    const { data, metadata } = command;
    if (state.kind !== 'administrative') {
      throw new ProsecutionRuleError(
        CODE.caseNotAdministrative,
        `An administrative penalty needs an administrative case; ${state.caseNumber} is criminal.`,
      );
    }
    suspectOf(state, data.suspectId);
    newDecision(state, data.decisionId);
    notInFuture(data.decidedAt, metadata.now);
    const { penalty } = data;
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
    return oneEvent(refOf(state), 'AdministrativePenaltyDecided', {
      decisionId: data.decisionId,
      suspectId: data.suspectId,
      penalty,
      decidedAt: iso(data.decidedAt),
      decidingUnitId: data.decidingUnitId,
      // The penalty decision is the case's decision: it meets the 30-day case period.
      clocks: [
        startMinistryEntry(state.caseNumber, data.decisionId, data.decidedAt, data.decidingUnitId),
        ...stopCasePeriod(state, data.decidedAt, 'done'),
      ],
    });
  }

  function imposeMeasure(command: ImposeCompulsoryMeasure, state: OpenPoliceCase): ProsecutionEvent[] {
    const { data, metadata } = command;
    mustBeCriminal(state, 'A compulsory measure');
    const suspect = suspectOf(state, data.suspectId);
    newDecision(state, data.measureId);
    notInFuture(data.decidedAt, metadata.now);
    const clocks: ProsecutionClockInstruction[] = [
      startMinistryEntry(state.caseNumber, data.measureId, data.decidedAt, data.decidingUnitId),
    ];
    let custodyAfter: Custody;
    switch (data.measure) {
      case 'summons':
        if (suspect.custody !== 'none') throw alreadyHeld(suspect);
        custodyAfter = 'none';
        break;
      case 'criminal_detention':
        if (suspect.custody !== 'none') throw alreadyHeld(suspect);
        custodyAfter = 'criminal_detention';
        clocks.push({
          action: 'start',
          deadlineId: deadlineId.arrestRequest(state.caseNumber, data.measureId),
          rule: RULE.arrestRequest,
          startedAt: iso(data.decidedAt),
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
            at: iso(data.decidedAt),
            outcome: 'moot',
          });
        }
        break;
      default: {
        const unknown: never = data.measure;
        throw new InvalidPoliceCaseCommandError('measure', `Unknown compulsory measure ${String(unknown)}.`);
      }
    }
    return oneEvent(refOf(state), 'CompulsoryMeasureImposed', {
      measureId: data.measureId,
      suspectId: data.suspectId,
      measure: data.measure,
      decidedAt: iso(data.decidedAt),
      decidingUnitId: data.decidingUnitId,
      custodyAfter,
      clocks,
    });
  }

  function extendArrestRequest(command: ExtendArrestRequestPeriod, state: OpenPoliceCase): ProsecutionEvent[] {
    const { data, metadata } = command;
    mustBeCriminal(state, 'Extending the arrest-request period');
    const suspect = suspectOf(state, data.suspectId);
    if (suspect.custody !== 'criminal_detention') {
      throw new ProsecutionRuleError(CODE.noCriminalDetention, `Suspect ${suspect.suspectId} is not in criminal detention.`);
    }
    if (!suspect.detention) {
      throw new ProsecutionConflictError(CODE.arrestAlreadyRequested, `Arrest of ${suspect.suspectId} has already been requested.`);
    }
    required('explanation', data.explanation);
    if (!(Number.isInteger(data.days) && data.days >= 1)) {
      throw new InvalidPoliceCaseCommandError('days', 'An extension is a whole number of days, at least 1.');
    }
    const { arrestRequest: limits } = policy;
    const rovingSerialGang = suspect.detention.rovingSerialGang || data.ground !== 'special_circumstances';
    const maxExtension = rovingSerialGang
      ? limits.rovingSerialGangMaxTotalDays - limits.baseDays
      : limits.specialCircumstancesMaxExtensionDays;
    const total = suspect.detention.extensionDays + data.days;
    if (total > maxExtension) {
      throw new ProsecutionRuleError(
        CODE.extensionBeyondMaximum,
        `The arrest-request period may be extended by at most ${maxExtension} days in all on these grounds ${limits.source}; ` +
          `${total} asked.`,
      );
    }
    return oneEvent(refOf(state), 'ArrestRequestPeriodExtended', {
      suspectId: suspect.suspectId,
      detentionMeasureId: suspect.detention.measureId,
      ground: data.ground,
      explanation: data.explanation,
      days: data.days,
      totalExtensionDays: total,
      extendedAt: iso(metadata.occurredAt ?? metadata.now),
      clocks: [
        {
          action: 'extend',
          deadlineId: deadlineId.arrestRequest(state.caseNumber, suspect.detention.measureId),
          rule: RULE.arrestRequest,
          by: { unit: 'calendar_days', amount: data.days },
          reason: `${data.ground}: ${data.explanation}`,
        },
      ],
    });
  }

  return {
    DecideAdministrativePenalty: (command, state) => decidePenalty(command, openCase(command, state)),
    ImposeCompulsoryMeasure: (command, state) => imposeMeasure(command, openCase(command, state)),
    RecordMinistrySystemEntry(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      const decision = s.decisions[data.decisionId];
      if (!decision) {
        // One name for both: a measure's measureId is the decisionId its entry is recorded under.
        throw new ProsecutionRuleError(CODE.entryUnknownDecision, `No penalty decision or compulsory measure ${data.decisionId}.`, [
          {
            field: 'decisionId',
            code: CODE.entryUnknownDecision,
            message: 'the decisionId of a penalty decision, or the measureId of a compulsory measure, of this case',
          },
        ]);
      }
      if (decision.entryRecorded) {
        throw new ProsecutionConflictError(
          CODE.entryAlreadyRecorded,
          `Decision ${data.decisionId} is already entered in the ministry system.`,
        );
      }
      required('referenceNumber', data.referenceNumber);
      return oneEvent(refOf(s), 'MinistrySystemEntryRecorded', {
        decisionId: data.decisionId,
        suspectId: decision.suspectId,
        referenceNumber: data.referenceNumber,
        recordedAt: iso(metadata.occurredAt ?? metadata.now),
        clocks: [
          {
            action: 'stop',
            deadlineId: deadlineId.ministrySystemEntry(s.caseNumber, data.decisionId),
            rule: RULE.ministrySystemEntry,
            at: iso(metadata.occurredAt ?? metadata.now),
            outcome: 'done',
          },
        ],
      });
    },
    ExtendArrestRequestPeriod: (command, state) => extendArrestRequest(command, openCase(command, state)),
    RequestArrestApproval(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      mustBeCriminal(s, 'An arrest request');
      const suspect = suspectOf(s, data.suspectId);
      if (suspect.arrestRequest?.status === 'pending') {
        throw new ProsecutionConflictError(CODE.arrestAlreadyRequested, `Arrest of ${suspect.suspectId} is already requested.`);
      }
      if (suspect.custody === 'arrested') {
        throw new ProsecutionRuleError(CODE.alreadyInCustody, `Suspect ${suspect.suspectId} is already arrested.`);
      }
      // A suspect at liberty (取保候审、监视居住、在逃) may be proposed for arrest too (no request clock to stop).
      const detention = suspect.custody === 'criminal_detention' ? suspect.detention : null;
      const at = iso(metadata.occurredAt ?? metadata.now);
      return oneEvent(refOf(s), 'ArrestApprovalRequested', {
        requestId: data.requestId,
        suspectId: suspect.suspectId,
        procuratorateId: data.procuratorateId,
        requestedAt: at,
        clocks: [
          ...(detention
            ? [
                {
                  action: 'stop' as const,
                  deadlineId: deadlineId.arrestRequest(s.caseNumber, detention.measureId),
                  rule: RULE.arrestRequest,
                  at,
                  outcome: 'done' as const,
                },
              ]
            : []),
          // The procuratorate's period starts with its receipt (RecordArrestRequestReceipt), not here.
        ],
      });
    },
    RecordArrestRequestReceipt(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      const suspect = suspectOf(s, data.suspectId);
      const request = suspect.arrestRequest;
      if (request?.status !== 'pending') {
        throw new ProsecutionRuleError(CODE.noPendingArrestRequest, `No pending arrest request for ${suspect.suspectId}.`);
      }
      if (request.procuratorateId !== metadata.actor.organisationId) {
        throw new ProsecutionForbiddenError(CODE.wrongProcuratorate, 'Only the procuratorate the request went to can receive it.');
      }
      if (request.receivedAt) {
        throw new ProsecutionConflictError(
          CODE.requestAlreadyReceived,
          `The arrest request for ${suspect.suspectId} was received already.`,
        );
      }
      const at = metadata.occurredAt ?? metadata.now;
      if (request.requestedAt) notBefore(request.requestedAt, at, 'The receipt of the arrest request');
      // Held in criminal detention: 7 days; at liberty (bail, surveillance, at large, released): 15.
      const rule = suspect.custody === 'criminal_detention' ? RULE.arrestDecision : RULE.arrestDecisionAtLiberty;
      return oneEvent(refOf(s), 'ArrestRequestReceived', {
        requestId: request.requestId,
        suspectId: suspect.suspectId,
        procuratorateId: request.procuratorateId,
        receivedAt: iso(at),
        clocks: [
          {
            action: 'start',
            deadlineId: deadlineId.arrestDecision(s.caseNumber, request.requestId),
            rule,
            startedAt: iso(at),
            responsibleOrganisationId: request.procuratorateId,
          },
        ],
      });
    },
    DecideArrestApproval(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      const suspect = suspectOf(s, data.suspectId);
      const request = suspect.arrestRequest;
      if (request?.status !== 'pending') {
        throw new ProsecutionRuleError(CODE.noPendingArrestRequest, `No pending arrest request for ${suspect.suspectId}.`);
      }
      if (request.procuratorateId !== metadata.actor.organisationId) {
        throw new ProsecutionForbiddenError(CODE.wrongProcuratorate, 'Only the procuratorate the request went to can decide it.');
      }
      if (!request.receivedAt) {
        throw new ProsecutionRuleError(
          CODE.requestNotReceived,
          `Record the receipt of the arrest request first (POST /police-cases/${s.caseNumber}/arrest-request-receipt): the period counts from it.`,
        );
      }
      required('reason', data.reason);
      const at = metadata.occurredAt ?? metadata.now;
      notBefore(request.receivedAt, at, 'The arrest decision');
      return oneEvent(refOf(s), 'ArrestApprovalDecided', {
        requestId: request.requestId,
        suspectId: suspect.suspectId,
        procuratorateId: request.procuratorateId,
        outcome: data.outcome,
        reason: data.reason,
        decidedAt: iso(at),
        // 不批准逮捕: a detained suspect is released at once (CPL art. 91).
        releaseRequired: data.outcome === 'not_approved' && suspect.custody === 'criminal_detention',
        clocks: [
          {
            action: 'stop',
            deadlineId: deadlineId.arrestDecision(s.caseNumber, request.requestId),
            rule: request.decisionRule ?? RULE.arrestDecision,
            at: iso(at),
            outcome: 'done',
          },
        ],
      });
    },
  };
}
