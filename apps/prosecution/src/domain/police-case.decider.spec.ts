import type { Actor, CriminalSentence, PoliceCaseRef, ProsecutionEvent } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import { DEFAULT_PROSECUTION_POLICY } from './deadline-rules.js';
import type { PoliceCaseCommand } from './police-case.commands.js';
import { createPoliceCaseDecider, policeCaseDecider } from './police-case.decider.js';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  PoliceCaseNotFoundError,
  ProsecutionConflictError,
  ProsecutionForbiddenError,
  ProsecutionRuleError,
} from './police-case.errors.js';

const given = deciderSpec(policeCaseDecider);

// ── Fixtures ───────────────────────────────────────────────────────────────────
const CASE = 'A5001032025030300017';
const ref: PoliceCaseRef = {
  caseNumber: CASE,
  hospitalId: 'hospital-1',
  regionCode: '500103',
};
const STATION = 'police-station-1';
const BUREAU = 'police-bureau-1';
const PROCURATORATE = 'procuratorate-1';
const COURT = 'court-1';
const APPEAL_COURT = 'court-intermediate-1';
const HEALTH_COMMISSION = 'health-commission-cq';

const officer: Actor = {
  userId: 'officer-1',
  organisationId: STATION,
  role: 'police_officer',
};
const prosecutor: Actor = {
  userId: 'prosecutor-1',
  organisationId: PROCURATORATE,
  role: 'prosecutor',
};
const judge: Actor = {
  userId: 'judge-1',
  organisationId: COURT,
  role: 'judge',
};
const supervisor: Actor = {
  userId: 'inspector-1',
  organisationId: HEALTH_COMMISSION,
  role: 'health_official',
};

const t = (iso: string): Date => new Date(iso);
const AT = t('2025-03-03T02:00:00.000Z');
const DECIDED = t('2025-03-03T01:00:00.000Z');
const iso = (date: Date): string => date.toISOString();

// Builders for commands: fill the envelope fields, let each test say only what matters.
const by = (actor: Actor, at: Date = AT) => ({ at, actor, caseNumber: CASE });
const cmd = <C extends PoliceCaseCommand>(command: C): C => command;

const accepted = (kind: 'administrative' | 'criminal' = 'criminal'): ProsecutionEvent => ({
  type: 'CaseAccepted',
  data: {
    ...ref,
    kind,
    origin: { source: 'incident', incidentId: 'incident-1' },
    handlingUnitId: STATION,
    acceptedAt: iso(AT),
    summary: 'Relative of a patient struck a nurse in the emergency ward.',
  },
});
const filed: ProsecutionEvent = {
  type: 'CriminalCaseFiled',
  data: { ...ref, filingUnitId: BUREAU, filedAt: iso(AT) },
};
// The name is checked by the decider but kept out of the event (personal data).
const suspect = (suspectId = 'suspect-1'): ProsecutionEvent => ({
  type: 'SuspectAdded',
  data: { ...ref, suspectId, addedAt: iso(AT) },
});
const measure = (
  measureId: string,
  kind: 'summons' | 'bail' | 'residential_surveillance' | 'criminal_detention' | 'arrest',
  custodyAfter: 'none' | 'criminal_detention' | 'arrested',
  suspectId = 'suspect-1',
): ProsecutionEvent => ({
  type: 'CompulsoryMeasureImposed',
  data: {
    ...ref,
    measureId,
    suspectId,
    measure: kind,
    decidedAt: iso(DECIDED),
    decidingUnitId: BUREAU,
    custodyAfter,
    clocks: [],
  },
});
const detained = (suspectId = 'suspect-1', measureId = `detention-${suspectId}`) =>
  measure(measureId, 'criminal_detention', 'criminal_detention', suspectId);
const requested = (suspectId = 'suspect-1', requestId = `request-${suspectId}`): ProsecutionEvent => ({
  type: 'ArrestApprovalRequested',
  data: {
    ...ref,
    requestId,
    suspectId,
    procuratorateId: PROCURATORATE,
    requestedAt: iso(AT),
    clocks: [],
  },
});
const arrestDecided = (outcome: 'approved' | 'not_approved', suspectId = 'suspect-1'): ProsecutionEvent => ({
  type: 'ArrestApprovalDecided',
  data: {
    ...ref,
    requestId: `request-${suspectId}`,
    suspectId,
    procuratorateId: PROCURATORATE,
    outcome,
    reason: 'r',
    decidedAt: iso(AT),
    releaseRequired: outcome === 'not_approved',
    clocks: [],
  },
});
const transferred = (suspectIds = ['suspect-1'], inCustody = true): ProsecutionEvent => ({
  type: 'CaseTransferredForProsecution',
  data: {
    ...ref,
    suspectIds,
    procuratorateId: PROCURATORATE,
    transferringUnitId: STATION,
    inCustody,
    transferredAt: iso(AT),
    clocks: [],
  },
});
const indicted = (suspectIds = ['suspect-1'], courtId = COURT): ProsecutionEvent => ({
  type: 'SuspectsIndicted',
  data: {
    ...ref,
    suspectIds,
    procuratorateId: PROCURATORATE,
    courtId,
    indictedAt: iso(AT),
    clocks: [],
  },
});
const trialStarted = (defendantIds = ['suspect-1']): ProsecutionEvent => ({
  type: 'FirstInstanceTrialStarted',
  data: { ...ref, courtId: COURT, defendantIds, startedAt: iso(AT) },
});
const threeYears: CriminalSentence = {
  principal: 'fixed_term_imprisonment',
  termMonths: 36,
};
const verdictDelivered = (sentence: CriminalSentence = threeYears): ProsecutionEvent => ({
  type: 'FirstInstanceVerdictDelivered',
  data: {
    ...ref,
    courtId: COURT,
    suspectId: 'suspect-1',
    verdict: 'guilty',
    sentence,
    deliveredAt: iso(AT),
  },
});
const appealed: ProsecutionEvent = {
  type: 'AppealFiled',
  data: {
    ...ref,
    suspectId: 'suspect-1',
    appellant: 'defendant',
    filedAt: iso(AT),
  },
};
const supervised: ProsecutionEvent = {
  type: 'ListedSupervisionStarted',
  data: {
    ...ref,
    supervisorOrganisationId: HEALTH_COMMISSION,
    supervisorKind: 'health_commission',
    requirements: 'Report weekly; conclude within 60 days.',
    dueAt: '2025-05-02T16:00:00.000Z',
    startedAt: iso(AT),
  },
};

const criminalCase = [accepted('criminal'), suspect()];
const adminCase = [accepted('administrative'), suspect()];
const inDetention = [...criminalCase, detained()];
const underReview = [
  accepted('criminal'),
  filed,
  suspect(),
  detained(),
  requested(),
  arrestDecided('approved'),
  measure('arrest-1', 'arrest', 'arrested'),
  transferred(),
];
const onTrial = [...underReview, indicted(), trialStarted()];

// ── Opening ───────────────────────────────────────────────────────────────────
describe('opening a police case (受案)', () => {
  const fromIncident = cmd({
    type: 'OpenCaseFromIncident',
    ...by(officer),
    incidentId: 'incident-1',
    hospitalId: ref.hospitalId,
    regionCode: ref.regionCode,
    kind: 'criminal',
    handlingUnitId: STATION,
    summary: 'Relative of a patient struck a nurse in the emergency ward.',
  });

  it('opens from an incident, keeping its case number (the correlation id)', () => {
    given([])
      .when(fromIncident)
      .then([accepted('criminal')]);
  });

  it('ignores the same incident delivered again', () => {
    given([accepted('criminal')])
      .when(fromIncident)
      .thenNothingHappens();
  });

  it('rejects a different incident under a case number already in use', () => {
    given([accepted('criminal')])
      .when({ ...fromIncident, incidentId: 'incident-2' })
      .thenThrows(ProsecutionConflictError, {
        code: CODE.caseAlreadyOpen,
        status: 409,
      });
  });

  it('opens directly, as an administrative case', () => {
    const { incidentId: _ignored, ...header } = fromIncident;
    given([])
      .when({ ...header, type: 'OpenCase', kind: 'administrative' })
      .then([
        {
          type: 'CaseAccepted',
          data: {
            ...accepted('administrative').data,
            origin: { source: 'direct' },
          } as never,
        },
      ]);
  });

  it('rejects opening a case that is already open', () => {
    const { incidentId: _ignored, ...header } = fromIncident;
    given([accepted()])
      .when({ ...header, type: 'OpenCase' })
      .thenThrows(ProsecutionConflictError, { code: CODE.caseAlreadyOpen });
  });

  it('needs a handling unit', () => {
    given([])
      .when({ ...fromIncident, handlingUnitId: ' ' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  it('answers 404 for any other command on a case that does not exist', () => {
    given([])
      .when({ type: 'AddSuspect', ...by(officer), suspectId: 's', name: 'n' })
      .thenThrows(PoliceCaseNotFoundError, {
        code: CODE.caseNotFound,
        status: 404,
      });
  });
});

describe('filing (立案) and conversion', () => {
  const file = cmd({
    type: 'FileCriminalCase',
    ...by(officer),
    filingUnitId: BUREAU,
  });

  it('files a criminal case', () => {
    given([accepted('criminal')])
      .when(file)
      .then([filed]);
  });

  it('rejects filing an administrative case', () => {
    given([accepted('administrative')])
      .when(file)
      .thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });

  it('rejects filing twice', () => {
    given([accepted('criminal'), filed])
      .when(file)
      .thenThrows(ProsecutionConflictError, { code: CODE.caseAlreadyFiled });
  });

  const convert = cmd({
    type: 'ConvertToCriminalCase',
    ...by(officer),
    reason: 'Injury assessed as minor harm (轻伤二级).',
  });

  it('converts an administrative case to a criminal one [S2 二(六)]', () => {
    given(adminCase)
      .when(convert)
      .then([
        {
          type: 'CaseConvertedToCriminal',
          data: { ...ref, reason: convert.reason, convertedAt: iso(AT) },
        },
      ]);
  });

  it('after conversion, takes compulsory measures and refuses penalties', () => {
    const converted = [
      ...adminCase,
      {
        type: 'CaseConvertedToCriminal',
        data: { ...ref, reason: 'x', convertedAt: iso(AT) },
      } as const,
    ];
    given(converted)
      .when({
        type: 'ImposeCompulsoryMeasure',
        ...by(officer),
        measureId: 'm',
        suspectId: 'suspect-1',
        measure: 'criminal_detention',
        decidedAt: DECIDED,
        decidingUnitId: BUREAU,
      })
      .then([
        {
          ...detained('suspect-1', 'm'),
          data: {
            ...detained('suspect-1', 'm').data,
            clocks: expect.any(Array),
          },
        } as never,
      ]);
    given(converted)
      .when({
        type: 'DecideAdministrativePenalty',
        ...by(officer),
        decisionId: 'p',
        suspectId: 'suspect-1',
        penalty: { kind: 'warning' },
        decidedAt: DECIDED,
        decidingUnitId: STATION,
      })
      .thenThrows(ProsecutionRuleError, { code: CODE.caseNotAdministrative });
  });

  it('rejects converting a case that is already criminal (no downgrading either way here)', () => {
    given(criminalCase).when(convert).thenThrows(ProsecutionRuleError, { code: CODE.caseNotAdministrative });
  });

  it('needs a reason to convert', () => {
    given(adminCase)
      .when({ ...convert, reason: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

describe('suspects, notes and transfer between units', () => {
  it('adds suspects, several per case', () => {
    given(criminalCase)
      .when({
        type: 'AddSuspect',
        ...by(officer),
        suspectId: 'suspect-2',
        name: '李某',
      })
      .then([suspect('suspect-2')]);
  });

  it('rejects the same suspect twice', () => {
    given(criminalCase)
      .when({
        type: 'AddSuspect',
        ...by(officer),
        suspectId: 'suspect-1',
        name: '张某',
      })
      .thenThrows(ProsecutionConflictError, { code: CODE.suspectAlreadyAdded });
  });

  it('needs a suspect name', () => {
    given(criminalCase)
      .when({
        type: 'AddSuspect',
        ...by(officer),
        suspectId: 'suspect-2',
        name: '',
      })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const note = cmd({
    type: 'AddInvestigationNote',
    ...by(officer),
    noteId: 'note-1',
    text: 'CCTV from ward 3 secured.',
  });
  const noteAdded: ProsecutionEvent = {
    type: 'InvestigationNoteAdded',
    data: {
      ...ref,
      noteId: 'note-1',
      text: note.text,
      authorUserId: officer.userId,
      writtenAt: iso(AT),
    },
  };

  it('adds an investigation note, by its author', () => {
    given(criminalCase).when(note).then([noteAdded]);
  });

  it('rejects the same note twice, and an empty one', () => {
    given([...criminalCase, noteAdded])
      .when(note)
      .thenThrows(ProsecutionConflictError, { code: CODE.noteAlreadyAdded });
    given(criminalCase)
      .when({ ...note, text: ' ' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const transfer = cmd({
    type: 'TransferCase',
    ...by(officer),
    toUnitId: BUREAU,
    reason: 'Serious injury: bureau criminal investigation team.',
  });

  it('transfers the case to another unit, which then hands it on for prosecution', () => {
    const moved: ProsecutionEvent = {
      type: 'CaseTransferred',
      data: {
        ...ref,
        fromUnitId: STATION,
        toUnitId: BUREAU,
        reason: transfer.reason,
        transferredAt: iso(AT),
      },
    };
    given(criminalCase).when(transfer).then([moved]);
    given([accepted(), filed, suspect(), moved])
      .when({
        type: 'TransferForProsecution',
        ...by(officer),
        suspectIds: ['suspect-1'],
        procuratorateId: PROCURATORATE,
      })
      .then([
        {
          type: 'CaseTransferredForProsecution',
          data: expect.objectContaining({
            transferringUnitId: BUREAU,
          }) as never,
        },
      ]);
  });

  it('rejects a transfer to the unit that already handles it, or without a reason', () => {
    given(criminalCase)
      .when({ ...transfer, toUnitId: STATION })
      .thenThrows(ProsecutionRuleError, { code: CODE.transferToSameUnit });
    given(criminalCase)
      .when({ ...transfer, reason: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

// ── Decisions and measures, ministry-system entry ─────────────────────────────
describe('administrative penalty decisions (治安处罚决定)', () => {
  const penalty = cmd({
    type: 'DecideAdministrativePenalty',
    ...by(officer),
    decisionId: 'penalty-1',
    suspectId: 'suspect-1',
    penalty: { kind: 'administrative_detention', days: 10 },
    decidedAt: DECIDED,
    decidingUnitId: BUREAU,
  });

  it('records the decision and starts the 3-working-day ministry-entry clock from its date [S1 六(二)]', () => {
    given(adminCase)
      .when(penalty)
      .then([
        {
          type: 'AdministrativePenaltyDecided',
          data: {
            ...ref,
            decisionId: 'penalty-1',
            suspectId: 'suspect-1',
            penalty: { kind: 'administrative_detention', days: 10 },
            decidedAt: iso(DECIDED),
            decidingUnitId: BUREAU,
            clocks: [
              {
                action: 'start',
                deadlineId: `${CASE}:ministry-system-entry:penalty-1`,
                rule: 'ministry-system-entry',
                startedAt: iso(DECIDED),
                responsibleOrganisationId: BUREAU,
              },
            ],
          },
        },
      ]);
  });

  it('takes warnings and fines too', () => {
    given(adminCase)
      .when({ ...penalty, penalty: { kind: 'warning' } })
      .then([expect.objectContaining({ type: 'AdministrativePenaltyDecided' })]);
    given(adminCase)
      .when({ ...penalty, penalty: { kind: 'fine', amountYuan: 500 } })
      .then([expect.objectContaining({ type: 'AdministrativePenaltyDecided' })]);
  });

  it('rejects a penalty decision on a criminal case', () => {
    given(criminalCase).when(penalty).thenThrows(ProsecutionRuleError, {
      code: CODE.caseNotAdministrative,
      status: 422,
    });
  });

  it('rejects an unknown suspect, a repeated decision id, a decision dated in the future', () => {
    given(adminCase)
      .when({ ...penalty, suspectId: 'nobody' })
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotFound });
    given([
      ...adminCase,
      {
        type: 'AdministrativePenaltyDecided',
        data: {
          ...ref,
          decisionId: 'penalty-1',
          suspectId: 'suspect-1',
          penalty: { kind: 'warning' },
          decidedAt: iso(DECIDED),
          decidingUnitId: BUREAU,
          clocks: [],
        },
      },
    ])
      .when(penalty)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.decisionAlreadyRecorded,
      });
    given(adminCase)
      .when({ ...penalty, decidedAt: t('2025-03-04T00:00:00Z') })
      .thenThrows(ProsecutionRuleError, { code: CODE.decisionInFuture });
  });

  it('rejects a fine of nothing and detention beyond the lawful maximum (20 days)', () => {
    given(adminCase)
      .when({ ...penalty, penalty: { kind: 'fine', amountYuan: 0 } })
      .thenThrows(ProsecutionRuleError, { code: CODE.penaltyOutOfRange });
    given(adminCase)
      .when({
        ...penalty,
        penalty: { kind: 'administrative_detention', days: 21 },
      })
      .thenThrows(ProsecutionRuleError, { code: CODE.penaltyOutOfRange });
  });
});

describe('criminal compulsory measures (刑事强制措施)', () => {
  const impose = (measureKind: 'summons' | 'bail' | 'residential_surveillance' | 'criminal_detention' | 'arrest', measureId = 'm-1') =>
    cmd({
      type: 'ImposeCompulsoryMeasure',
      ...by(officer),
      measureId,
      suspectId: 'suspect-1',
      measure: measureKind,
      decidedAt: DECIDED,
      decidingUnitId: BUREAU,
    });
  const entryClock = (measureId: string) => ({
    action: 'start' as const,
    deadlineId: `${CASE}:ministry-system-entry:${measureId}`,
    rule: 'ministry-system-entry',
    startedAt: iso(DECIDED),
    responsibleOrganisationId: BUREAU,
  });

  it('criminal detention starts the ministry-entry clock and the 3-day arrest-request clock', () => {
    given(criminalCase)
      .when(impose('criminal_detention'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: {
            ...ref,
            measureId: 'm-1',
            suspectId: 'suspect-1',
            measure: 'criminal_detention',
            decidedAt: iso(DECIDED),
            decidingUnitId: BUREAU,
            custodyAfter: 'criminal_detention',
            clocks: [
              entryClock('m-1'),
              {
                action: 'start',
                deadlineId: `${CASE}:arrest-request:m-1`,
                rule: 'arrest-request',
                startedAt: iso(DECIDED),
                responsibleOrganisationId: STATION,
              },
            ],
          },
        },
      ]);
  });

  it('summons leaves the suspect free and starts only the ministry-entry clock', () => {
    given(criminalCase)
      .when(impose('summons'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            custodyAfter: 'none',
            clocks: [entryClock('m-1')],
          }) as never,
        },
      ]);
  });

  it('bail of a detained suspect ends the detention and the duty to request arrest (moot)', () => {
    given(inDetention)
      .when(impose('bail', 'bail-1'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            custodyAfter: 'none',
            clocks: [
              entryClock('bail-1'),
              {
                action: 'stop',
                deadlineId: `${CASE}:arrest-request:detention-suspect-1`,
                rule: 'arrest-request',
                at: iso(DECIDED),
                outcome: 'moot',
              },
            ],
          }) as never,
        },
      ]);
  });

  it('residential surveillance of a free suspect stops nothing', () => {
    given(criminalCase)
      .when(impose('residential_surveillance'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            clocks: [entryClock('m-1')],
          }) as never,
        },
      ]);
  });

  it('arrest after the procuratorate approved it', () => {
    given([...inDetention, requested(), arrestDecided('approved')])
      .when(impose('arrest', 'arrest-1'))
      .then([
        {
          type: 'CompulsoryMeasureImposed',
          data: expect.objectContaining({
            measure: 'arrest',
            custodyAfter: 'arrested',
          }) as never,
        },
      ]);
  });

  it('rejects an arrest without approval, and a second arrest on the same approval', () => {
    given(inDetention).when(impose('arrest')).thenThrows(ProsecutionRuleError, { code: CODE.arrestNotApproved });
    given([...inDetention, requested()])
      .when(impose('arrest'))
      .thenThrows(ProsecutionRuleError, { code: CODE.arrestNotApproved });
    given(underReview).when(impose('arrest', 'arrest-2')).thenThrows(ProsecutionRuleError, { code: CODE.arrestNotApproved });
  });

  it('rejects detention or summons of a suspect already held', () => {
    given(inDetention).when(impose('criminal_detention', 'm-2')).thenThrows(ProsecutionRuleError, { code: CODE.alreadyInCustody });
    given(inDetention).when(impose('summons', 'm-2')).thenThrows(ProsecutionRuleError, { code: CODE.alreadyInCustody });
  });

  it('rejects a compulsory measure on an administrative case', () => {
    given(adminCase).when(impose('criminal_detention')).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });

  it('rejects a repeated measure id and a date in the future', () => {
    given(inDetention).when(impose('bail', 'detention-suspect-1')).thenThrows(ProsecutionConflictError, {
      code: CODE.decisionAlreadyRecorded,
    });
    given(criminalCase)
      .when({ ...impose('summons'), decidedAt: t('2025-03-03T02:00:01Z') })
      .thenThrows(ProsecutionRuleError, { code: CODE.decisionInFuture });
  });
});

describe('ministry-system entry (录入公安部专门信息系统)', () => {
  const entry = cmd({
    type: 'RecordMinistrySystemEntry',
    ...by(officer),
    decisionId: 'detention-suspect-1',
    referenceNumber: 'MPS-2025-000123',
  });
  const recorded: ProsecutionEvent = {
    type: 'MinistrySystemEntryRecorded',
    data: {
      ...ref,
      decisionId: 'detention-suspect-1',
      suspectId: 'suspect-1',
      referenceNumber: 'MPS-2025-000123',
      recordedAt: iso(AT),
      clocks: [
        {
          action: 'stop',
          deadlineId: `${CASE}:ministry-system-entry:detention-suspect-1`,
          rule: 'ministry-system-entry',
          at: iso(AT),
          outcome: 'done',
        },
      ],
    },
  };

  it('records the entry with the system reference and stops the clock', () => {
    given(inDetention).when(entry).then([recorded]);
  });

  it('rejects an entry recorded twice', () => {
    given([...inDetention, recorded])
      .when(entry)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.entryAlreadyRecorded,
        status: 409,
      });
  });

  it('rejects an entry for an unknown decision, or without a reference', () => {
    given(inDetention)
      .when({ ...entry, decisionId: 'nope' })
      .thenThrows(ProsecutionRuleError, { code: CODE.entryUnknownDecision });
    given(inDetention)
      .when({ ...entry, referenceNumber: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

// ── Procuratorate ─────────────────────────────────────────────────────────────
describe('arrest-request period and its lawful extensions [law: CPL art. 91]', () => {
  const extend = (ground: 'special_circumstances' | 'roving' | 'serial' | 'gang', days: number) =>
    cmd({
      type: 'ExtendArrestRequestPeriod',
      ...by(officer),
      suspectId: 'suspect-1',
      ground,
      explanation: 'Witnesses still being traced.',
      days,
    });
  const extended = (ground: 'special_circumstances' | 'roving' | 'serial' | 'gang', days: number, total: number): ProsecutionEvent => ({
    type: 'ArrestRequestPeriodExtended',
    data: {
      ...ref,
      suspectId: 'suspect-1',
      detentionMeasureId: 'detention-suspect-1',
      ground,
      explanation: 'Witnesses still being traced.',
      days,
      totalExtensionDays: total,
      extendedAt: iso(AT),
      clocks: [
        {
          action: 'extend',
          deadlineId: `${CASE}:arrest-request:detention-suspect-1`,
          rule: 'arrest-request',
          by: { unit: 'calendar_days', amount: days },
          reason: `${ground}: Witnesses still being traced.`,
        },
      ],
    },
  });

  it('extends by 1 to 4 days in special circumstances, with the reason on the clock', () => {
    given(inDetention)
      .when(extend('special_circumstances', 2))
      .then([extended('special_circumstances', 2, 2)]);
    given([...inDetention, extended('special_circumstances', 2, 2)])
      .when(extend('special_circumstances', 2))
      .then([extended('special_circumstances', 2, 4)]);
  });

  it('rejects an extension beyond 4 days in special circumstances', () => {
    given([...inDetention, extended('special_circumstances', 3, 3)])
      .when(extend('special_circumstances', 2))
      .thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
    given(inDetention).when(extend('special_circumstances', 5)).thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
  });

  it('extends up to 30 days in all for roving, serial or gang suspects, and no further', () => {
    given(inDetention)
      .when(extend('gang', 27))
      .then([extended('gang', 27, 27)]);
    given([...inDetention, extended('special_circumstances', 4, 4)])
      .when(extend('roving', 23))
      .then([extended('roving', 23, 27)]);
    given(inDetention).when(extend('serial', 28)).thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
  });

  it('takes its limits from the policy (they are [law] defaults)', () => {
    const strict = deciderSpec(
      createPoliceCaseDecider({
        ...DEFAULT_PROSECUTION_POLICY,
        arrestRequest: {
          ...DEFAULT_PROSECUTION_POLICY.arrestRequest,
          specialCircumstancesMaxExtensionDays: 1,
        },
      }),
    );
    strict(inDetention).when(extend('special_circumstances', 2)).thenThrows(ProsecutionRuleError, { code: CODE.extensionBeyondMaximum });
  });

  it('rejects an extension without criminal detention, after the request, with no explanation or no days', () => {
    given(criminalCase).when(extend('gang', 1)).thenThrows(ProsecutionRuleError, { code: CODE.noCriminalDetention });
    given([...inDetention, requested()])
      .when(extend('gang', 1))
      .thenThrows(ProsecutionConflictError, {
        code: CODE.arrestAlreadyRequested,
      });
    given(inDetention)
      .when({ ...extend('gang', 1), explanation: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
    given(inDetention).when(extend('gang', 0)).thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  it('rejects an extension on an administrative case', () => {
    given(adminCase).when(extend('gang', 1)).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });
});

describe('request to approve arrest (提请批准逮捕) and the decision', () => {
  const request = cmd({
    type: 'RequestArrestApproval',
    ...by(officer),
    requestId: 'request-suspect-1',
    suspectId: 'suspect-1',
    procuratorateId: PROCURATORATE,
  });

  it('stops the arrest-request clock and starts the 7-day decision clock of the procuratorate', () => {
    given(inDetention)
      .when(request)
      .then([
        {
          type: 'ArrestApprovalRequested',
          data: {
            ...ref,
            requestId: 'request-suspect-1',
            suspectId: 'suspect-1',
            procuratorateId: PROCURATORATE,
            requestedAt: iso(AT),
            clocks: [
              {
                action: 'stop',
                deadlineId: `${CASE}:arrest-request:detention-suspect-1`,
                rule: 'arrest-request',
                at: iso(AT),
                outcome: 'done',
              },
              {
                action: 'start',
                deadlineId: `${CASE}:arrest-decision:request-suspect-1`,
                rule: 'arrest-decision',
                startedAt: iso(AT),
                responsibleOrganisationId: PROCURATORATE,
              },
            ],
          },
        },
      ]);
  });

  it('rejects an arrest request without criminal detention', () => {
    given(criminalCase).when(request).thenThrows(ProsecutionRuleError, { code: CODE.noCriminalDetention });
    given([...inDetention, measure('bail-1', 'bail', 'none')])
      .when(request)
      .thenThrows(ProsecutionRuleError, { code: CODE.noCriminalDetention });
  });

  it('rejects a second request while one is pending', () => {
    given([...inDetention, requested()])
      .when(request)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.arrestAlreadyRequested,
      });
  });

  it('rejects an arrest request on an administrative case', () => {
    given(adminCase).when(request).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });

  const decideArrest = cmd({
    type: 'DecideArrestApproval',
    ...by(prosecutor),
    suspectId: 'suspect-1',
    outcome: 'approved',
    reason: 'Evidence sufficient.',
  });

  it('approves, stopping the decision clock', () => {
    given([...inDetention, requested()])
      .when(decideArrest)
      .then([
        {
          type: 'ArrestApprovalDecided',
          data: {
            ...ref,
            requestId: 'request-suspect-1',
            suspectId: 'suspect-1',
            procuratorateId: PROCURATORATE,
            outcome: 'approved',
            reason: 'Evidence sufficient.',
            decidedAt: iso(AT),
            releaseRequired: false,
            clocks: [
              {
                action: 'stop',
                deadlineId: `${CASE}:arrest-decision:request-suspect-1`,
                rule: 'arrest-decision',
                at: iso(AT),
                outcome: 'done',
              },
            ],
          },
        },
      ]);
  });

  it('not approved: the detained suspect must be released, and cannot be requested again without new detention', () => {
    given([...inDetention, requested()])
      .when({
        ...decideArrest,
        outcome: 'not_approved',
        reason: 'Insufficient evidence.',
      })
      .then([
        {
          type: 'ArrestApprovalDecided',
          data: expect.objectContaining({
            outcome: 'not_approved',
            releaseRequired: true,
          }) as never,
        },
      ]);
    given([...inDetention, requested(), arrestDecided('not_approved')])
      .when({ ...request, requestId: 'request-2' })
      .thenThrows(ProsecutionRuleError, { code: CODE.noCriminalDetention });
  });

  it('rejects a decision before any request, and a second decision', () => {
    given(inDetention).when(decideArrest).thenThrows(ProsecutionRuleError, { code: CODE.noPendingArrestRequest });
    given([...inDetention, requested(), arrestDecided('approved')])
      .when(decideArrest)
      .thenThrows(ProsecutionRuleError, { code: CODE.noPendingArrestRequest });
  });

  it('rejects a decision by a procuratorate the request did not go to', () => {
    given([...inDetention, requested()])
      .when({
        ...decideArrest,
        actor: { ...prosecutor, organisationId: 'procuratorate-2' },
      })
      .thenThrows(ProsecutionForbiddenError, {
        code: CODE.wrongProcuratorate,
        status: 403,
      });
  });

  it('needs a reason', () => {
    given([...inDetention, requested()])
      .when({ ...decideArrest, reason: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

describe('designated prosecutor for a major case [S0 二(四)3]', () => {
  const designate = cmd({
    type: 'DesignateProsecutor',
    ...by(prosecutor),
    prosecutorUserId: 'prosecutor-7',
    prosecutorName: '王检察官',
  });
  const designated: ProsecutionEvent = {
    type: 'ProsecutorDesignated',
    data: {
      ...ref,
      procuratorateId: PROCURATORATE,
      prosecutorUserId: 'prosecutor-7',
      prosecutorName: '王检察官',
      designatedAt: iso(AT),
    },
  };

  it('designates one of the acting procuratorate’s prosecutors; repeating it changes nothing', () => {
    given(criminalCase).when(designate).then([designated]);
    given([...criminalCase, designated])
      .when(designate)
      .thenNothingHappens();
  });

  it('rejects a designation on an administrative case', () => {
    given(adminCase).when(designate).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
  });
});

describe('prosecution review (审查起诉) [law: CPL art. 172]', () => {
  const beforeTransfer = underReview.slice(0, -1);
  const transfer = cmd({
    type: 'TransferForProsecution',
    ...by(officer),
    suspectIds: ['suspect-1'],
    procuratorateId: PROCURATORATE,
  });

  it('starts the custody variant of the review clock when the suspect is held', () => {
    given(beforeTransfer)
      .when(transfer)
      .then([
        {
          type: 'CaseTransferredForProsecution',
          data: {
            ...ref,
            suspectIds: ['suspect-1'],
            procuratorateId: PROCURATORATE,
            transferringUnitId: STATION,
            inCustody: true,
            transferredAt: iso(AT),
            clocks: [
              {
                action: 'start',
                deadlineId: `${CASE}:prosecution-review`,
                rule: 'prosecution-review-in-custody',
                startedAt: iso(AT),
                responsibleOrganisationId: PROCURATORATE,
              },
            ],
          },
        },
      ]);
  });

  it('starts the ordinary review clock when nobody is held', () => {
    given([accepted(), filed, suspect(), measure('bail-1', 'bail', 'none')])
      .when(transfer)
      .then([
        {
          type: 'CaseTransferredForProsecution',
          data: expect.objectContaining({
            inCustody: false,
            clocks: [expect.objectContaining({ rule: 'prosecution-review' })],
          }) as never,
        },
      ]);
  });

  it('rejects a transfer before filing, a second transfer, an administrative case, unknown or no suspects', () => {
    given(inDetention).when(transfer).thenThrows(ProsecutionRuleError, { code: CODE.caseNotFiled });
    given(underReview).when(transfer).thenThrows(ProsecutionConflictError, { code: CODE.alreadyUnderReview });
    given(adminCase).when(transfer).thenThrows(ProsecutionRuleError, { code: CODE.caseNotCriminal });
    given(beforeTransfer)
      .when({ ...transfer, suspectIds: ['nobody'] })
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotFound });
    given(beforeTransfer)
      .when({ ...transfer, suspectIds: [] })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const extendReview = cmd({
    type: 'ExtendProsecutionReview',
    ...by(prosecutor),
    ground: 'complex',
    explanation: 'Forensic re-examination.',
  });
  const reviewExtended: ProsecutionEvent = {
    type: 'ProsecutionReviewExtended',
    data: {
      ...ref,
      ground: 'complex',
      explanation: 'Forensic re-examination.',
      days: 15,
      extendedAt: iso(AT),
      clocks: [
        {
          action: 'extend',
          deadlineId: `${CASE}:prosecution-review`,
          rule: 'prosecution-review-in-custody',
          by: { unit: 'calendar_days', amount: 15 },
          reason: 'complex: Forensic re-examination.',
        },
      ],
    },
  };

  it('extends the review by 15 days once, for a major or complex case', () => {
    given(underReview).when(extendReview).then([reviewExtended]);
    given([...underReview, reviewExtended])
      .when(extendReview)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.reviewAlreadyExtended,
      });
  });

  it('rejects an extension before transfer, by another procuratorate, or without explanation', () => {
    given(beforeTransfer).when(extendReview).thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given(underReview)
      .when({
        ...extendReview,
        actor: { ...prosecutor, organisationId: 'procuratorate-2' },
      })
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongProcuratorate });
    given(underReview)
      .when({ ...extendReview, explanation: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const indict = cmd({
    type: 'Indict',
    ...by(prosecutor),
    suspectIds: ['suspect-1'],
    courtId: COURT,
  });
  const reviewStop = {
    action: 'stop',
    deadlineId: `${CASE}:prosecution-review`,
    rule: 'prosecution-review-in-custody',
    at: iso(AT),
    outcome: 'done',
  };

  it('indicts, stopping the review clock when nobody is left to decide on', () => {
    given(underReview)
      .when(indict)
      .then([
        {
          type: 'SuspectsIndicted',
          data: {
            ...ref,
            suspectIds: ['suspect-1'],
            procuratorateId: PROCURATORATE,
            courtId: COURT,
            indictedAt: iso(AT),
            clocks: [reviewStop],
          },
        } as ProsecutionEvent,
      ]);
  });

  it('with two suspects, the clock stops only with the second decision', () => {
    const two = [accepted(), filed, suspect(), suspect('suspect-2'), transferred(['suspect-1', 'suspect-2'], false)];
    given(two)
      .when(indict)
      .then([
        {
          type: 'SuspectsIndicted',
          data: expect.objectContaining({ clocks: [] }) as never,
        },
      ]);
    given([...two, indicted()])
      .when({
        type: 'DecideNotToProsecute',
        ...by(prosecutor),
        suspectIds: ['suspect-2'],
        reason: 'Minor role; 相对不起诉.',
      })
      .then([
        {
          type: 'NonProsecutionDecided',
          data: {
            ...ref,
            suspectIds: ['suspect-2'],
            procuratorateId: PROCURATORATE,
            reason: 'Minor role; 相对不起诉.',
            decidedAt: iso(AT),
            clocks: [{ ...reviewStop, rule: 'prosecution-review' }],
          },
        } as ProsecutionEvent,
      ]);
  });

  it('rejects an indictment before transfer, by another procuratorate, of a suspect not under review, or twice', () => {
    given(beforeTransfer).when(indict).thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given(underReview)
      .when({
        ...indict,
        actor: { ...prosecutor, organisationId: 'procuratorate-2' },
      })
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongProcuratorate });
    given([...underReview, suspect('suspect-2')])
      .when({ ...indict, suspectIds: ['suspect-2'] })
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotUnderReview });
    given([...underReview, indicted()])
      .when(indict)
      .thenThrows(ProsecutionRuleError, { code: CODE.notUnderReview });
    given([...underReview, suspect('suspect-2'), { ...transferred(['suspect-1', 'suspect-2']) }, indicted()])
      .when(indict)
      .thenThrows(ProsecutionRuleError, { code: CODE.suspectNotUnderReview });
  });

  it('rejects a decision not to prosecute without reason or naming nobody', () => {
    const notProsecute = cmd({
      type: 'DecideNotToProsecute',
      ...by(prosecutor),
      suspectIds: ['suspect-1'],
      reason: '',
    });
    given(underReview).when(notProsecute).thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
    given(underReview)
      .when({ ...notProsecute, suspectIds: [], reason: 'r' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  it('rejects an indictment naming no court', () => {
    given(underReview)
      .when({ ...indict, courtId: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

// ── Court ─────────────────────────────────────────────────────────────────────
describe('first-instance trial and verdict', () => {
  const startTrial = cmd({ type: 'StartFirstInstanceTrial', ...by(judge) });

  it('starts the trial of the defendants indicted to this court', () => {
    given([...underReview, indicted()])
      .when(startTrial)
      .then([trialStarted()]);
  });

  it('rejects a trial before indictment, at another court, or twice', () => {
    given(underReview).when(startTrial).thenThrows(ProsecutionRuleError, { code: CODE.notIndicted });
    given([...underReview, indicted(['suspect-1'], 'court-2')])
      .when(startTrial)
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongCourt });
    given(onTrial).when(startTrial).thenThrows(ProsecutionConflictError, { code: CODE.trialAlreadyStarted });
  });

  const verdict = cmd({
    type: 'DeliverFirstInstanceVerdict',
    ...by(judge),
    suspectId: 'suspect-1',
    verdict: 'guilty',
    sentence: threeYears,
  });

  it('delivers a verdict and sentence per defendant', () => {
    given(onTrial).when(verdict).then([verdictDelivered()]);
    given(onTrial)
      .when({ ...verdict, verdict: 'not_guilty', sentence: null })
      .then([
        {
          type: 'FirstInstanceVerdictDelivered',
          data: {
            ...ref,
            courtId: COURT,
            suspectId: 'suspect-1',
            verdict: 'not_guilty',
            sentence: null,
            deliveredAt: iso(AT),
          },
        },
      ]);
  });

  it('rejects a verdict before indictment', () => {
    given(underReview).when(verdict).thenThrows(ProsecutionRuleError, { code: CODE.notIndicted });
  });

  it('rejects a verdict before the trial, by another court, or twice', () => {
    given([...underReview, indicted()])
      .when(verdict)
      .thenThrows(ProsecutionRuleError, { code: CODE.trialNotStarted });
    given(onTrial)
      .when({ ...verdict, actor: { ...judge, organisationId: 'court-2' } })
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongCourt });
    given([...onTrial, verdictDelivered()])
      .when(verdict)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.verdictAlreadyDelivered,
      });
  });

  it('rejects a guilty verdict without a sentence, and a not-guilty one with a sentence', () => {
    given(onTrial)
      .when({ ...verdict, sentence: null })
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
    given(onTrial)
      .when({ ...verdict, verdict: 'not_guilty' })
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
  });
});

describe('appeal and final judgement', () => {
  const appeal = cmd({
    type: 'FileAppeal',
    ...by(judge),
    suspectId: 'suspect-1',
    appellant: 'defendant',
  });
  const finalJudgement = cmd({
    type: 'RecordFinalJudgement',
    ...by(judge),
    suspectId: 'suspect-1',
    verdict: 'guilty',
    sentence: threeYears,
  });
  const final: ProsecutionEvent = {
    type: 'FinalJudgementRecorded',
    data: {
      ...ref,
      courtId: COURT,
      suspectId: 'suspect-1',
      verdict: 'guilty',
      sentence: threeYears,
      basis: 'first_instance_not_appealed',
      finalAt: iso(AT),
    },
  };

  it('records an appeal (上诉) against a first-instance verdict', () => {
    given([...onTrial, verdictDelivered()])
      .when(appeal)
      .then([appealed]);
  });

  it('rejects an appeal without a verdict, a second appeal, an appeal after the judgement is final', () => {
    given(onTrial).when(appeal).thenThrows(ProsecutionRuleError, { code: CODE.noVerdict });
    given([...onTrial, verdictDelivered(), appealed])
      .when(appeal)
      .thenThrows(ProsecutionConflictError, { code: CODE.alreadyAppealed });
    given([...onTrial, verdictDelivered(), final])
      .when(appeal)
      .thenThrows(ProsecutionRuleError, { code: CODE.judgementAlreadyFinal });
  });

  it('an unappealed verdict becomes final as delivered', () => {
    given([...onTrial, verdictDelivered()])
      .when(finalJudgement)
      .then([final]);
  });

  it('rejects a final judgement that differs from the unappealed verdict, or recorded by another court', () => {
    given([...onTrial, verdictDelivered()])
      .when({
        ...finalJudgement,
        sentence: { principal: 'fixed_term_imprisonment', termMonths: 24 },
      })
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
    given([...onTrial, verdictDelivered()])
      .when({
        ...finalJudgement,
        actor: { ...judge, organisationId: APPEAL_COURT },
      })
      .thenThrows(ProsecutionForbiddenError, { code: CODE.wrongCourt });
  });

  it('after an appeal, records the second-instance judgement of the appeal court', () => {
    const reduced: CriminalSentence = {
      principal: 'fixed_term_imprisonment',
      termMonths: 30,
    };
    given([...onTrial, verdictDelivered(), appealed])
      .when({
        ...finalJudgement,
        actor: { ...judge, organisationId: APPEAL_COURT },
        sentence: reduced,
      })
      .then([
        {
          type: 'FinalJudgementRecorded',
          data: {
            ...ref,
            courtId: APPEAL_COURT,
            suspectId: 'suspect-1',
            verdict: 'guilty',
            sentence: reduced,
            basis: 'second_instance',
            finalAt: iso(AT),
          },
        },
      ]);
  });

  it('rejects a final judgement without a verdict, twice, or with an inconsistent sentence', () => {
    given(onTrial).when(finalJudgement).thenThrows(ProsecutionRuleError, { code: CODE.noVerdict });
    given([...onTrial, verdictDelivered(), final])
      .when(finalJudgement)
      .thenThrows(ProsecutionConflictError, {
        code: CODE.judgementAlreadyFinal,
      });
    given([...onTrial, verdictDelivered(), appealed])
      .when({ ...finalJudgement, verdict: 'not_guilty' })
      .thenThrows(ProsecutionRuleError, { code: CODE.sentenceMismatch });
  });
});

// ── Listed supervision ────────────────────────────────────────────────────────
describe('listed supervision (挂牌督办) [S0 二(四)3]', () => {
  const put = cmd({
    type: 'PutUnderListedSupervision',
    ...by(supervisor),
    supervisorKind: 'health_commission',
    requirements: 'Report weekly; conclude within 60 days.',
    dueAt: t('2025-05-02T16:00:00.000Z'),
  });

  it('puts a case under listed supervision by the acting superior body, with a due date', () => {
    given(criminalCase).when(put).then([supervised]);
  });

  it('rejects listing twice, a due date in the past, no requirements', () => {
    given([...criminalCase, supervised])
      .when(put)
      .thenThrows(ProsecutionConflictError, { code: CODE.alreadySupervised });
    given(criminalCase)
      .when({ ...put, dueAt: AT })
      .thenThrows(ProsecutionRuleError, { code: CODE.supervisionDueInPast });
    given(criminalCase)
      .when({ ...put, requirements: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const progress = cmd({
    type: 'ReportSupervisionProgress',
    ...by(officer),
    report: 'Suspect arrested; evidence fixed.',
  });

  it('records progress reports as events', () => {
    given([...criminalCase, supervised])
      .when(progress)
      .then([
        {
          type: 'SupervisionProgressReported',
          data: {
            ...ref,
            supervisorOrganisationId: HEALTH_COMMISSION,
            reportingOrganisationId: STATION,
            report: progress.report,
            reportedAt: iso(AT),
          },
        },
      ]);
  });

  it('rejects a progress report on a case not under supervision, or an empty one', () => {
    given(criminalCase).when(progress).thenThrows(ProsecutionRuleError, { code: CODE.notSupervised });
    given([...criminalCase, supervised])
      .when({ ...progress, report: '' })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const remove = cmd({
    type: 'RemoveListedSupervision',
    ...by(supervisor),
    reason: 'Case concluded with a final judgement.',
  });
  const removed: ProsecutionEvent = {
    type: 'ListedSupervisionRemoved',
    data: {
      ...ref,
      supervisorOrganisationId: HEALTH_COMMISSION,
      reason: remove.reason,
      removedAt: iso(AT),
    },
  };

  it('removes supervision with a reason; the case can then be listed again', () => {
    given([...criminalCase, supervised])
      .when(remove)
      .then([removed]);
    given([...criminalCase, supervised, removed])
      .when(put)
      .then([supervised]);
  });

  it('rejects removal without a reason', () => {
    given([...criminalCase, supervised])
      .when({ ...remove, reason: '  ' })
      .thenThrows(ProsecutionRuleError, { code: CODE.removalReasonRequired });
  });

  it('rejects removal by anyone but the supervising body, and of a case not under supervision', () => {
    given([...criminalCase, supervised])
      .when({ ...remove, actor: officer })
      .thenThrows(ProsecutionForbiddenError, { code: CODE.notSupervisor });
    given(criminalCase).when(remove).thenThrows(ProsecutionRuleError, { code: CODE.notSupervised });
  });
});

describe('evolve', () => {
  it('ignores events before acceptance and keeps state immutable', () => {
    const state = policeCaseDecider.initialState();
    expect(policeCaseDecider.evolve(state, suspect())).toBe(state);
    const open = policeCaseDecider.evolve(state, accepted());
    const next = policeCaseDecider.evolve(open, suspect());
    expect(open).toMatchObject({ suspects: {} });
    expect(next).toMatchObject({
      suspects: { 'suspect-1': { custody: 'none' } },
    });
  });
});
