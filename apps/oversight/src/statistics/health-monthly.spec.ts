import { HEALTH_MONTHLY_COLUMNS, healthMonthlyReturn, isNationalReportClock } from './health-monthly.js';

const now = new Date('2026-12-01T00:00:00Z');
const clock = (hospital_id: string, state: string, due: string, completed: string | null = null, c: string | null = 'national_report') => ({
  hospital_id,
  rule: 'national-report-12h',
  clock: c,
  state,
  due_at: due,
  completed_at: completed,
});

describe('health commission monthly return', () => {
  it('counts per hospital and in total: categories, major, 12-hour reports, mediation outcomes', () => {
    const report = healthMonthlyReturn(
      {
        month: '2026-11',
        region: '500101',
        unit: '万州区卫生健康委员会',
        organisation: (id) => ({ h1: '甲医院', h2: '乙医院' })[id] ?? id,
        now,
      },
      [
        { case_number: 'c1', hospital_id: 'h1', categories: ['assault_on_staff'], major: true },
        { case_number: 'c2', hospital_id: 'h1', categories: ['other', 'crowd_disturbance'], major: false },
        { case_number: 'c3', hospital_id: 'h2', categories: [], major: false },
      ],
      [
        clock('h1', 'met', '2026-11-10T12:00:00Z'),
        clock('h1', 'running', '2026-11-11T12:00:00Z'), // overdue, not yet swept: late
        clock('h2', 'cancelled', '2026-11-11T12:00:00Z'), // no longer major: not due
        clock('h2', 'met', '2026-11-11T12:00:00Z', null, 'police_arrival'), // another clock
      ],
      [
        { hospital_id: 'h1', outcome: 'agreed' },
        { hospital_id: 'h2', outcome: 'failed:expired' },
      ],
    );
    const col = (header: string) => HEALTH_MONTHLY_COLUMNS.findIndex((c) => c.header === header);
    const h1 = report.rows.find((r) => r[1] === '甲医院')!;
    expect([h1[col('案事件总数')], h1[col('暴力伤医')], h1[col('聚众滋事')], h1[col('其他')], h1[col('其中：重大事件')]]).toEqual([
      2, 1, 1, 1, 1,
    ]);
    expect([h1[col('12小时报告应报数')], h1[col('按时报告')], h1[col('超时报告')], h1[col('12小时报告按时率')]]).toEqual([2, 1, 1, 0.5]);
    expect([h1[col('调解成功')], h1[col('调解不成')]]).toEqual([1, 0]);
    const h2 = report.rows.find((r) => r[1] === '乙医院')!;
    expect([h2[col('12小时报告应报数')], h2[col('12小时报告按时率')], h2[col('调解不成')]]).toEqual([0, null, 1]);
    expect(report.totals).toEqual(['合计', '2 家医疗机构', 3, 1, 0, 0, 1, 0, 0, 0, 1, 1, 2, 1, 1, 0.5, 1, 1]);
    expect(report.columns).toHaveLength(18);
    expect(isNationalReportClock({ rule: 'national-report-12h', clock: null, state: 'met', due_at: now, completed_at: null })).toBe(true);
  });
});
