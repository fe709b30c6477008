import type { ProsecutionEvent } from '@pingan/contracts';
import { policeCaseDecider } from './police-case.decider.js';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  PoliceCaseNotFoundError,
  ProsecutionConflictError,
  ProsecutionRuleError,
} from './police-case.errors.js';
import {
  given,
  ref,
  STATION,
  BUREAU,
  PROCURATORATE,
  officer,
  AT,
  DECIDED,
  iso,
  by,
  cmd,
  accepted,
  filed,
  suspect,
  detained,
  criminalCase,
  adminCase,
  CASE,
  withData,
  casePeriodStart,
} from './police-case.fixture.js';

// ── Opening ───────────────────────────────────────────────────────────────────
describe('opening a police case (受案)', () => {
  const fromIncident = cmd({
    type: 'OpenCaseFromIncident',
    ...by(officer),
    data: {
      caseNumber: CASE,
      incidentId: 'incident-1',
      hospitalId: ref.hospitalId,
      regionCode: ref.regionCode,
      kind: 'criminal',
      handlingUnitId: STATION,
      summary: 'Relative of a patient struck a nurse in the emergency ward.',
    },
  });

  it('a major incident opens a major case, which expects a designated prosecutor [S0 二(四)3]', () => {
    given([])
      .when(withData(fromIncident, { major: true }))
      .then([{ type: 'CaseAccepted', data: expect.objectContaining({ major: true }) as never }]);
    const major = policeCaseDecider.evolve(policeCaseDecider.initialState(), {
      ...accepted('criminal'),
      data: { ...accepted('criminal').data, major: true },
    } as ProsecutionEvent);
    expect(major).toMatchObject({ major: true, designatedProsecutor: null });
    expect(policeCaseDecider.evolve(policeCaseDecider.initialState(), accepted('criminal'))).toMatchObject({ major: false });
  });

  it('opens from an incident, keeping its case number (the correlation id)', () => {
    given([])
      .when(fromIncident)
      .then([{ ...accepted('criminal'), data: { ...accepted('criminal').data, incidentDisturbanceStopped: false } } as ProsecutionEvent]);
  });

  it('ignores the same incident delivered again', () => {
    given([accepted('criminal')])
      .when(fromIncident)
      .thenNothingHappens();
  });

  it('rejects a different incident under a case number already in use', () => {
    given([accepted('criminal')])
      .when(withData(fromIncident, { incidentId: 'incident-2' }))
      .thenThrows(ProsecutionConflictError, {
        code: CODE.caseAlreadyOpen,
        status: 409,
      });
  });

  it('opens directly, as an administrative case', () => {
    const { incidentId: _ignored, ...header } = fromIncident.data;
    given([])
      .when({ ...fromIncident, type: 'OpenCase', data: { ...header, kind: 'administrative' } })
      .then([
        {
          type: 'CaseAccepted',
          data: {
            ...accepted('administrative').data,
            origin: { source: 'direct' },
            clocks: [casePeriodStart()],
          } as never,
        },
      ]);
  });

  it('rejects opening a case that is already open', () => {
    const { incidentId: _ignored, ...header } = fromIncident.data;
    given([accepted()])
      .when({ ...fromIncident, type: 'OpenCase', data: header })
      .thenThrows(ProsecutionConflictError, { code: CODE.caseAlreadyOpen });
  });

  it('needs a handling unit', () => {
    given([])
      .when(withData(fromIncident, { handlingUnitId: ' ' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  it('answers 404 for any other command on a case that does not exist', () => {
    given([])
      .when({ type: 'AddSuspect', ...by(officer), data: { caseNumber: CASE, suspectId: 's', name: 'n' } })
      .thenThrows(PoliceCaseNotFoundError, {
        code: CODE.caseNotFound,
        status: 404,
      });
  });
});

describe('filing (立案) and conversion', () => {
  const file = cmd({ type: 'FileCriminalCase', ...by(officer), data: { caseNumber: CASE, filingUnitId: BUREAU } });

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
    data: { caseNumber: CASE, reason: 'Injury assessed as minor harm (轻伤二级).' },
  });

  it('converts an administrative case to a criminal one [S2 二(六)]', () => {
    given(adminCase)
      .when(convert)
      .then([
        {
          type: 'CaseConvertedToCriminal',
          data: { ...ref, reason: convert.data.reason, convertedAt: iso(AT) },
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
        data: {
          caseNumber: CASE,
          measureId: 'm',
          suspectId: 'suspect-1',
          measure: 'criminal_detention',
          decidedAt: DECIDED,
          decidingUnitId: BUREAU,
        },
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
        data: {
          caseNumber: CASE,
          decisionId: 'p',
          suspectId: 'suspect-1',
          penalty: { kind: 'warning' },
          decidedAt: DECIDED,
          decidingUnitId: STATION,
        },
      })
      .thenThrows(ProsecutionRuleError, { code: CODE.caseNotAdministrative });
  });

  it('rejects converting a case that is already criminal (no downgrading either way here)', () => {
    given(criminalCase).when(convert).thenThrows(ProsecutionRuleError, { code: CODE.caseNotAdministrative });
  });

  it('needs a reason to convert', () => {
    given(adminCase)
      .when(withData(convert, { reason: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});

describe('suspects, notes and transfer between units', () => {
  it('adds suspects, several per case', () => {
    given(criminalCase)
      .when({ type: 'AddSuspect', ...by(officer), data: { caseNumber: CASE, suspectId: 'suspect-2', name: '李某' } })
      .then([suspect('suspect-2')]);
  });

  it('rejects the same suspect twice', () => {
    given(criminalCase)
      .when({ type: 'AddSuspect', ...by(officer), data: { caseNumber: CASE, suspectId: 'suspect-1', name: '张某' } })
      .thenThrows(ProsecutionConflictError, { code: CODE.suspectAlreadyAdded });
  });

  it('needs a suspect name', () => {
    given(criminalCase)
      .when({ type: 'AddSuspect', ...by(officer), data: { caseNumber: CASE, suspectId: 'suspect-2', name: '' } })
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const note = cmd({
    type: 'AddInvestigationNote',
    ...by(officer),
    data: { caseNumber: CASE, noteId: 'note-1', text: 'CCTV from ward 3 secured.' },
  });
  const noteAdded: ProsecutionEvent = {
    type: 'InvestigationNoteAdded',
    data: {
      ...ref,
      noteId: 'note-1',
      text: note.data.text,
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
      .when(withData(note, { text: ' ' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const transfer = cmd({
    type: 'TransferCase',
    ...by(officer),
    data: { caseNumber: CASE, toUnitId: BUREAU, reason: 'Serious injury: bureau criminal investigation team.' },
  });

  it('transfers the case to another unit, which then hands it on for prosecution', () => {
    const moved: ProsecutionEvent = {
      type: 'CaseTransferred',
      data: {
        ...ref,
        fromUnitId: STATION,
        toUnitId: BUREAU,
        reason: transfer.data.reason,
        transferredAt: iso(AT),
      },
    };
    given(criminalCase).when(transfer).then([moved]);
    given([accepted(), filed, suspect(), moved])
      .when({
        type: 'TransferForProsecution',
        ...by(officer),
        data: { caseNumber: CASE, suspectIds: ['suspect-1'], procuratorateId: PROCURATORATE },
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
      .when(withData(transfer, { toUnitId: STATION }))
      .thenThrows(ProsecutionRuleError, { code: CODE.transferToSameUnit });
    given(criminalCase)
      .when(withData(transfer, { reason: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });
});
