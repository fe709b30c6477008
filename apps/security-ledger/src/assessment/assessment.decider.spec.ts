import type { Actor, AssessmentSheet, SecurityLedgerEvent } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import { emptyProfile } from '../domain/security-profile.js';
import type { RecordSecurityAssessment, SetAssessmentSheet } from './assessment.commands.js';
import { assessmentSheetDecider } from './assessment-sheet.decider.js';
import { securityAssessmentDecider } from './assessment.decider.js';
import { AssessmentError } from './assessment.errors.js';

const commission: Actor = { userId: 'u-hc', organisationId: 'hc-1', role: 'health_commission_official' };
const admin: Actor = { userId: 'u-admin', organisationId: 'it-1', role: 'system_administrator' };
const police: Actor = { userId: 'u-p', organisationId: 'ps-1', role: 'station_chief' };
const t0 = new Date('2026-12-01T02:00:00Z');

const sheet: AssessmentSheet = {
  title: '万州区平安医院考评评分表',
  total: 20,
  items: [
    { id: 'guards', kind: 'guards', title: '保安员配备', points: 15, source: '国卫医发〔2021〕28号 二(一)2' },
    { id: 'ins', kind: 'liability_insurance', title: '医疗责任保险', points: 5, source: null },
  ],
  bands: [
    { grade: '合格', minScore: 10 },
    { grade: '优秀', minScore: 18 },
  ],
};
const stored = { ...sheet, bands: [sheet.bands[1]!, sheet.bands[0]!] };

describe('a region’s scoring sheet', () => {
  const given = deciderSpec(assessmentSheetDecider);
  const put = (actor: Actor, extra: Partial<SetAssessmentSheet['data']> = {}): SetAssessmentSheet => ({
    type: 'SetAssessmentSheet',
    data: { regionCode: '500101', setterOrganisationId: actor.organisationId, setterRegion: '500100', sheet, ...extra },
    metadata: { actor, now: t0 },
  });
  const wasSet = (version: number, s: AssessmentSheet = stored, setBy = 'hc-1'): SecurityLedgerEvent => ({
    type: 'AssessmentSheetSet',
    data: { regionCode: '500101', version, sheet: s, setBy, setAt: t0.toISOString() },
  });

  it('is set by the commission for a region within its own, bands kept highest first', () => {
    given([])
      .when(put(commission))
      .then([wasSet(1)]);
  });

  it('is set by a system administrator for any region', () => {
    given([])
      .when(put(admin, { setterRegion: null }))
      .then([wasSet(1, stored, 'it-1')]);
  });

  it('records nothing when the same sheet is put again, and the next version when it changes', () => {
    given([wasSet(1)])
      .when(put(commission))
      .thenNothingHappens();
    // As read back from the database, keys in another order: still the same sheet.
    const reordered = JSON.parse(
      JSON.stringify({ bands: stored.bands, items: stored.items, total: stored.total, title: stored.title }),
    ) as AssessmentSheet;
    given([wasSet(1, reordered)])
      .when(put(commission))
      .thenNothingHappens();
    const changed = { ...sheet, title: '新表' };
    given([wasSet(1)])
      .when(put(commission, { sheet: changed }))
      .then([wasSet(2, { ...stored, title: '新表' })]);
  });

  it('refuses police, and a commission for a region outside its own', () => {
    given([]).when(put(police)).thenThrows(AssessmentError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([])
      .when(put(commission, { setterRegion: '500102' }))
      .thenThrows(AssessmentError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
  });

  it('refuses an invalid sheet with each field named', () => {
    given([])
      .when(put(commission, { sheet: { ...sheet, total: 25 } }))
      .thenThrows(AssessmentError, {
        code: 'SECURITY_LEDGER.INVALID_ASSESSMENT_SHEET',
        errors: [{ field: 'total', code: 'TOTAL_MISMATCH', message: 'the items add up to 20, not 25' }],
      } as Partial<AssessmentError>);
  });
});

describe('recording an assessment', () => {
  const given = deciderSpec(securityAssessmentDecider);
  const hospital = (hospitalId: string, guards: 'met' | 'not_met', insured: boolean | null) => ({
    hospitalId,
    regionCode: '500101',
    level: '三级' as const,
    ownership: 'public' as const,
    compliance: guards === 'met' ? ('compliant' as const) : ('non_compliant' as const),
    revision: 1,
    filed: true,
    requirements: [{ kind: 'guards' as const, status: guards, figure: guards === 'met' ? '足额' : '不足' }],
    profile: { ...emptyProfile(), liabilityInsurance: insured },
  });
  const record = (actor: Actor = commission, extra: Partial<RecordSecurityAssessment['data']> = {}): RecordSecurityAssessment => ({
    type: 'RecordSecurityAssessment',
    data: {
      assessmentId: 'a-1',
      year: 2026,
      regionCode: '500101',
      commissionId: 'hc-1',
      commissionRegion: '500100',
      sheet: { ...stored, origin: '500101', version: 1 },
      hospitals: [hospital('hosp-2', 'not_met', null), hospital('hosp-1', 'met', true)],
      ...extra,
    },
    metadata: { actor, now: t0 },
  });
  const base = { regionCode: '500101', level: '三级' as const, ownership: 'public' as const, revision: 1 };
  const recorded: SecurityLedgerEvent = {
    type: 'SecurityAssessmentRecorded',
    data: {
      assessmentId: 'a-1',
      year: 2026,
      regionCode: '500101',
      commissionId: 'hc-1',
      asOf: '2026-12-01',
      sheet: { ...stored, origin: '500101', version: 1 },
      hospitals: [
        {
          hospitalId: 'hosp-1',
          ...base,
          compliance: 'compliant',
          scores: [
            { itemId: 'guards', status: 'met', score: 15, figure: '足额' },
            { itemId: 'ins', status: 'met', score: 5, figure: '已参加医疗责任保险' },
          ],
          total: 20,
          grade: '优秀',
        },
        {
          hospitalId: 'hosp-2',
          ...base,
          compliance: 'non_compliant',
          scores: [
            { itemId: 'guards', status: 'not_met', score: 0, figure: '不足' },
            { itemId: 'ins', status: 'unknown', score: 0, figure: '未填报医疗责任保险情况' },
          ],
          total: 0,
          grade: null,
        },
      ],
      recordedAt: t0.toISOString(),
    },
  };

  it('scores each hospital per item with the sheet as it stood, totals and grades them', () => {
    given([]).when(record()).then([recorded]);
  });

  it('refuses police, a region outside the commission’s, a second recording of the same id', () => {
    given([]).when(record(police)).thenThrows(AssessmentError, { code: 'SECURITY_LEDGER.NOT_AUTHORISED' });
    given([])
      .when(record(commission, { regionCode: '500200' }))
      .thenThrows(AssessmentError, { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE' });
    given([recorded]).when(record()).thenThrows(AssessmentError, { code: 'SECURITY_LEDGER.ASSESSMENT_EXISTS' });
  });

  it('refuses a year not yet come or before the ledger, and a region without hospitals', () => {
    for (const year of [2027, 1999, 2026.5])
      given([]).when(record(commission, { year })).thenThrows(AssessmentError, { code: 'SECURITY_LEDGER.INVALID_ASSESSMENT' });
    given([])
      .when(record(commission, { hospitals: [] }))
      .thenThrows(AssessmentError, {
        code: 'SECURITY_LEDGER.INVALID_ASSESSMENT',
        errors: [{ field: 'region', code: 'NO_HOSPITALS', message: 'no hospital in the region' }],
      } as Partial<AssessmentError>);
  });
});
