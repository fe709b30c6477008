import type { IncidentClassification } from '@pingan/contracts';
import type { IncidentCommand } from './incident.commands.js';
import { IncidentRuleError, IncidentValidationError } from './incident.errors.js';
import {
  CASE,
  counts,
  given,
  minor,
  others,
  ref,
  report110,
  reportClocksStarted,
  reported,
  s,
  security,
  t,
  wentUp,
} from './incident.decider.fixtures.js';

/** A knife-less assault: a nurse punched, nobody appraised yet, but a serious injury is suspected. */
const suspected: IncidentClassification = {
  categories: ['assault_on_staff'],
  casualties: { staff: counts(), patients: counts(), ...others },
  massIncident: false,
  weaponsInvolved: false,
  seriousInjuryPendingAppraisal: true,
};

const appraise = (grade: string, group = 'staff', at = '15:00'): IncidentCommand =>
  ({
    type: 'RecordInjuryAppraisal',
    data: { group, grade, appraisalReference: '渝公鉴（法）字〔2026〕101号', appraisedAt: t(at) },
    metadata: { actor: security, now: t(at) },
  }) as IncidentCommand;

const cancelled = (clock: 'national_report' | 'county_forward', at: string) => ({
  type: 'IncidentClockCancelled' as const,
  data: { ...ref, deadlineId: `${CASE}:${clock}:1`, clock, cancelledAt: s(at), reason: 'no_longer_major' as const },
});

describe('injury grades (重伤, 轻伤, 轻微伤 kept apart)', () => {
  it('轻伤 alone is not major: no report clocks, the grade is kept as 轻伤', () => {
    const light: IncidentClassification = { ...minor, casualties: { ...minor.casualties, staff: counts(0, 0, 1, 0) } };
    given([])
      .when(report110({ classification: light }))
      .then([reported({ classification: light })]);
  });

  it('a suspected serious injury pending appraisal is major: the report clocks start and the report goes up', () => {
    given([])
      .when(report110({ classification: suspected }))
      .then([reported({ classification: suspected }), ...reportClocksStarted('reported_major'), ...wentUp(s('10:02'))]);
  });

  describe('the appraisal re-classifies', () => {
    const pending = [reported({ classification: suspected }), ...reportClocksStarted('reported_major'), ...wentUp(s('10:02'))];

    it('轻微伤: no longer major; the running report clocks are cancelled (neither met nor breached)', () => {
      const after = {
        ...suspected,
        casualties: { ...suspected.casualties, staff: counts(0, 0, 0, 1) },
        seriousInjuryPendingAppraisal: false,
      };
      given(pending)
        .when(appraise('slight'))
        .then([
          {
            type: 'InjuryAppraised',
            data: {
              ...ref,
              group: 'staff',
              grade: 'slight',
              appraisalReference: '渝公鉴（法）字〔2026〕101号',
              appraisedAt: s('15:00'),
              before: suspected,
              after,
              majorBefore: true,
              majorAfter: false,
            },
          },
          cancelled('national_report', '15:00'),
          cancelled('county_forward', '15:00'),
        ]);
    });

    it('重伤: confirmed major; the clocks keep running', () => {
      const after = { ...suspected, casualties: { ...suspected.casualties, staff: counts(0, 1) }, seriousInjuryPendingAppraisal: false };
      given(pending)
        .when(appraise('serious'))
        .then([
          {
            type: 'InjuryAppraised',
            data: {
              ...ref,
              group: 'staff',
              grade: 'serious',
              appraisalReference: '渝公鉴（法）字〔2026〕101号',
              appraisedAt: s('15:00'),
              before: suspected,
              after,
              majorBefore: true,
              majorAfter: true,
            },
          },
        ]);
    });

    it('轻伤 of a perpetrator: counted in that group, no longer major', () => {
      given(pending)
        .when(appraise('light', 'perpetrators'))
        .then([
          {
            type: 'InjuryAppraised',
            data: {
              ...ref,
              group: 'perpetrators',
              grade: 'light',
              appraisalReference: '渝公鉴（法）字〔2026〕101号',
              appraisedAt: s('15:00'),
              before: suspected,
              after: {
                ...suspected,
                casualties: { ...suspected.casualties, perpetrators: counts(0, 0, 1) },
                seriousInjuryPendingAppraisal: false,
              },
              majorBefore: true,
              majorAfter: false,
            },
          },
          cancelled('national_report', '15:00'),
          cancelled('county_forward', '15:00'),
        ]);
    });

    it('is rejected when no serious injury is awaiting appraisal', () => {
      given([reported()]).when(appraise('slight')).thenThrows(IncidentRuleError, { code: 'INCIDENT.NO_APPRAISAL_PENDING' });
    });

    it('is rejected with an unknown grade or group, naming the field', () => {
      given(pending).when(appraise('fatal')).thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
      given(pending).when(appraise('slight', 'visitors')).thenThrows(IncidentValidationError, { code: 'INCIDENT.INVALID_INPUT' });
    });
  });
});
