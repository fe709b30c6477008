import type { EventEnvelope } from '@pingan/contracts';
import { POLICE_MONTHLY_COLUMNS, policeFactOf, policeMonthlyReturn, type PoliceFactRow } from './police-monthly.js';

const now = new Date('2026-12-01T00:00:00Z');
const fact = (case_number: string, type: string, unit_id: string | null, kind: string | null = null, persons = 1): PoliceFactRow => ({
  case_number,
  type,
  unit_id,
  kind,
  persons,
});
const entry = (unit: string, state: string, due: string, completed: string | null = null, rule = 'ministry-system-entry') => ({
  responsible_organisation_id: unit,
  rule,
  clock: null,
  state,
  due_at: due,
  completed_at: completed,
});
const envelope = (type: string, data: Record<string, unknown>, context = 'prosecution'): EventEnvelope =>
  ({ type, context, data, occurredAt: '2026-12-05T00:00:00.000Z' }) as unknown as EventEnvelope;

describe('police monthly return', () => {
  it('counts per police unit and in total: cases by kind, filings, penalties, measures, arrests, prosecutions, ministry entries', () => {
    const report = policeMonthlyReturn(
      {
        month: '2026-11',
        region: '500101',
        unit: '万州区公安局',
        organisation: (id) => ({ s1: '甲派出所', s2: '乙派出所' })[id] ?? id,
        now,
      },
      [
        fact('c1', 'CaseAccepted', 's1', 'criminal'),
        fact('c1', 'CriminalCaseFiled', 's1'),
        fact('c1', 'CompulsoryMeasureImposed', 's1', 'criminal_detention'),
        fact('c1', 'ArrestApprovalRequested', null),
        fact('c1', 'ArrestApprovalDecided', null, 'approved'), // the procuratorate's: counted for the case's unit
        fact('c1', 'CaseTransferredForProsecution', 's1', null, 2),
        fact('c1', 'SuspectsIndicted', null, null, 2),
        fact('c2', 'CaseAccepted', 's2', 'administrative'),
        fact('c2', 'AdministrativePenaltyDecided', 's2', 'fine'),
        fact('c2', 'AdministrativePenaltyDecided', 's2', 'administrative_detention'),
        fact('c2', 'CaseConvertedToCriminal', null),
        fact('c3', 'CaseTransferred', 's2'), // moves a case, counts nothing
        fact('c3', 'ArrestApprovalDecided', null, 'not_approved'),
      ],
      { c1: 's1', c2: 's2', c3: 's2' },
      [
        entry('s1', 'met', '2026-11-13T16:00:00Z'),
        entry('s2', 'running', '2026-11-13T16:00:00Z'), // overdue, not yet swept: late
        entry('s2', 'breached', '2026-11-20T16:00:00Z'), // swept late
        entry('s2', 'cancelled', '2026-11-20T16:00:00Z'),
        entry('s1', 'met', '2026-11-20T16:00:00Z', null, 'arrest-request-3d'), // another clock
      ],
    );
    const col = (header: string) => POLICE_MONTHLY_COLUMNS.findIndex((c) => c.header === header);
    const s1 = report.rows.find((r) => r[1] === '甲派出所')!;
    const s2 = report.rows.find((r) => r[1] === '乙派出所')!;
    const pick = (row: readonly unknown[], ...headers: string[]) => headers.map((h) => row[col(h)]);
    expect(pick(s1, '受理案件', '其中：刑事案件', '其中：治安案件', '刑事立案', '强制措施：刑事拘留（人次）')).toEqual([1, 1, 0, 1, 1]);
    expect(pick(s1, '提请批准逮捕（人）', '批准逮捕（人）', '移送审查起诉（人）', '提起公诉（人）')).toEqual([1, 1, 2, 2]);
    expect(pick(s1, '部级系统应录入', '按时录入', '超时录入', '录入按时率')).toEqual([1, 1, 0, 1]);
    expect(pick(s2, '受理案件', '其中：治安案件', '治安转刑事', '治安处罚：罚款（人次）', '治安处罚：行政拘留（人次）')).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(pick(s2, '批准逮捕（人）', '部级系统应录入', '按时录入', '超时录入', '录入按时率')).toEqual([0, 2, 0, 2, 0]);
    expect(report.rows.map((r) => r[0])).toEqual([1, 2]);
    expect(report.totals).toEqual([
      '合计', '2 个办案单位', 2, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 2, 2, 3, 1, 2, 0.3333,
    ]); // prettier-ignore
    expect(report.columns).toHaveLength(23);
    expect(report.title).toBe('公安机关打击涉医违法犯罪专项行动统计表');
  });

  it('files each prosecution event’s fact in the Shanghai month of the act, with the unit it names', () => {
    expect(
      policeFactOf(envelope('CaseAccepted', { handlingUnitId: 's1', kind: 'criminal', acceptedAt: '2026-11-30T17:00:00.000Z' })),
    ).toEqual({
      type: 'CaseAccepted',
      unitId: 's1',
      kind: 'criminal',
      persons: 1,
      at: new Date('2026-11-30T17:00:00.000Z'),
      month: '2026-12',
    });
    expect(policeFactOf(envelope('SuspectsIndicted', { suspectIds: ['a', 'b'], indictedAt: '2026-11-28T00:00:00.000Z' }))).toMatchObject({
      unitId: null,
      persons: 2,
      month: '2026-11',
    });
    expect(
      policeFactOf(envelope('AdministrativePenaltyDecided', { decidingUnitId: 's2', penalty: { kind: 'fine', amountYuan: 200 } })),
    ).toMatchObject({ unitId: 's2', kind: 'fine', month: '2026-12' }); // no decision instant: the event's
    expect(policeFactOf(envelope('InvestigationNoteAdded', { text: 'x' }))).toBeNull();
    expect(policeFactOf(envelope('CaseAccepted', { kind: 'criminal' }, 'incidents'))).toBeNull();
  });
});
