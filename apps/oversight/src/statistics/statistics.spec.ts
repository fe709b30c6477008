import { clockOutcome, computeStatistics, periodWords, statisticsReturn, ALL_SECTIONS } from './statistics.js';

const now = new Date('2026-11-20T00:00:00Z');
const clock = (
  state: string,
  due: string,
  completed: string | null = null,
  rule = 'police-arrival',
  c: string | null = 'police_arrival',
) => ({
  rule,
  clock: c,
  state,
  due_at: due,
  completed_at: completed,
});

describe('statistics', () => {
  it('counts a clock done late, or overdue and not yet swept, as breached', () => {
    expect(clockOutcome(clock('met', '2026-11-10T00:00:00Z'), now)).toBe('met');
    expect(clockOutcome(clock('warned', '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'), now)).toBe('breached');
    expect(clockOutcome(clock('running', '2026-11-19T00:00:00Z'), now)).toBe('breached');
    expect(clockOutcome(clock('paused', '2026-11-19T00:00:00Z'), now)).toBe('open');
    expect(clockOutcome(clock('running', '2026-11-21T00:00:00Z'), now)).toBe('open');
  });

  it('counts a lapsed window (mediation run out) neither as met nor as breached', () => {
    expect(clockOutcome(clock('lapsed', '2026-11-10T00:00:00Z', null, 'peoples-mediation', null), now)).toBe('lapsed');
    const stats = computeStatistics(
      { month: '2026-11', region: '500101', sections: ALL_SECTIONS, now },
      [],
      [clock('lapsed', '2026-11-10T00:00:00Z', null, 'peoples-mediation', null), clock('met', '2026-11-10T00:00:00Z', null, 'peoples-mediation', null)],
      [],
    );
    expect(stats.deadlines!['peoples-mediation']).toEqual({ met: 1, breached: 0, cancelled: 0, open: 0, lapsed: 1, rate: 1 });
  });

  it('computes figures and rows', () => {
    const stats = computeStatistics(
      { month: '2026-11', region: '500101', sections: ALL_SECTIONS, now },
      [
        { case_number: 'c1', hospital_id: 'h1', categories: ['assault_on_staff'], incident_outcome: null, major: true },
        { case_number: 'c2', hospital_id: 'h1', categories: ['other'], incident_outcome: null, major: false },
      ],
      [
        clock('met', '2026-11-10T00:00:00Z'),
        clock('breached', '2026-11-10T00:00:00Z'),
        clock('met', '2026-11-10T00:00:00Z', null, 'national-report', 'national_report'),
      ],
      [
        { area: 'mediation', outcome: 'agreed' },
        { area: 'penalty', outcome: 'fine' },
      ],
    );
    expect(stats.responseTime).toEqual({ met: 1, breached: 1, cancelled: 0, open: 0, rate: 0.5 });
    expect(stats.deadlines!['national-report'].rate).toBe(1);
    expect(stats.penalties).toEqual({ fine: 1 });
    expect(stats.incidents).toMatchObject({ total: 2, major: 1 });
    // The return: words, not codes; hospitals by name; the month's incidents as the 合计.
    const report = statisticsReturn(stats, {
      unit: '万州区卫生健康委员会',
      organisation: (id) => (id === 'h1' ? '万州区人民医院' : id),
      now,
    });
    const items = report.rows.map((r) => r.slice(1, 5));
    expect(items).toContainEqual(['按类别', '暴力伤医', 1, null]);
    expect(items).toContainEqual(['涉医案事件', '其中：重大事件', 1, null]);
    expect(items).toContainEqual(['按医疗机构', '万州区人民医院', 2, null]);
    expect(items).toContainEqual(['按处置结果', '办理中', 2, null]);
    expect(items).toContainEqual(['民警到场时限', '按时', 1, 0.5]);
    expect(items).toContainEqual(['医疗纠纷调解', '达成调解协议', 1, null]);
    expect(items).toContainEqual(['行政处罚', '罚款', 1, null]);
    expect(report.rows.map((r) => r[0])).toEqual(report.rows.map((_, i) => i + 1));
    expect(report.totals).toEqual(['合计', '涉医案事件（起）', null, 2, null]);
    expect(report.particulars).toEqual([
      '填报单位：万州区卫生健康委员会',
      expect.stringMatching(/^统计区域：.+（500101）$/),
      '统计期间：2026年11月1日至2026年11月30日',
      '制表时间：2026-11-20 08:00（北京时间）',
    ]);
    expect(periodWords('2028-02')).toBe('2028年2月1日至2028年2月29日');
  });
});
