import type { ProsecutionEvent } from '@pingan/contracts';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  ProsecutionConflictError,
  ProsecutionForbiddenError,
  ProsecutionRuleError,
} from './police-case.errors.js';
import {
  given,
  ref,
  STATION,
  HEALTH_COMMISSION,
  officer,
  supervisor,
  t,
  AT,
  iso,
  by,
  cmd,
  supervised,
  criminalCase,
  CASE,
  withData,
  withActor,
} from './police-case.fixture.js';

describe('listed supervision (挂牌督办) [S0 二(四)3]', () => {
  const put = cmd({
    type: 'PutUnderListedSupervision',
    ...by(supervisor),
    data: {
      caseNumber: CASE,
      supervisorKind: 'health_commission',
      requirements: 'Report weekly; conclude within 60 days.',
      dueAt: t('2025-05-02T16:00:00.000Z'),
    },
  });

  it('puts a case under listed supervision by the acting superior body, with a due date', () => {
    given(criminalCase).when(put).then([supervised]);
  });

  it('rejects listing twice, a due date in the past, no requirements', () => {
    given([...criminalCase, supervised])
      .when(put)
      .thenThrows(ProsecutionConflictError, { code: CODE.alreadySupervised });
    given(criminalCase)
      .when(withData(put, { dueAt: AT }))
      .thenThrows(ProsecutionRuleError, { code: CODE.supervisionDueInPast });
    given(criminalCase)
      .when(withData(put, { requirements: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const progress = cmd({
    type: 'ReportSupervisionProgress',
    ...by(officer),
    data: { caseNumber: CASE, report: 'Suspect arrested; evidence fixed.' },
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
            report: progress.data.report,
            reportedAt: iso(AT),
          },
        },
      ]);
  });

  it('rejects a progress report on a case not under supervision, or an empty one', () => {
    given(criminalCase).when(progress).thenThrows(ProsecutionRuleError, { code: CODE.notSupervised });
    given([...criminalCase, supervised])
      .when(withData(progress, { report: '' }))
      .thenThrows(InvalidPoliceCaseCommandError, { code: CODE.invalidCommand });
  });

  const remove = cmd({
    type: 'RemoveListedSupervision',
    ...by(supervisor),
    data: { caseNumber: CASE, reason: 'Case concluded with a final judgement.' },
  });
  const removed: ProsecutionEvent = {
    type: 'ListedSupervisionRemoved',
    data: {
      ...ref,
      supervisorOrganisationId: HEALTH_COMMISSION,
      reason: remove.data.reason,
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
      .when(withData(remove, { reason: '  ' }))
      .thenThrows(ProsecutionRuleError, { code: CODE.removalReasonRequired });
  });

  it('rejects removal by anyone but the supervising body, and of a case not under supervision', () => {
    given([...criminalCase, supervised])
      .when(withActor(remove, officer))
      .thenThrows(ProsecutionForbiddenError, { code: CODE.notSupervisor });
    given(criminalCase).when(remove).thenThrows(ProsecutionRuleError, { code: CODE.notSupervised });
  });
});
