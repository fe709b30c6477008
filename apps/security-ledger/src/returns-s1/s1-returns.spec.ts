import { regionName } from '@pingan/access';
import { emptyProfile, type SecurityProfile } from '../domain/security-profile.js';
import { evaluateHospital, evaluateRegion, type HospitalFacts } from '../domain/standards.js';
import type { LedgerItem, RegionLedger } from '../ledger/export/ledger-return.js';
import { capabilityReturn, coverageLines, guardsRequired, policeOfficeReturn, type S1ReturnInput } from './s1-returns.js';

const AS_OF = '2026-12-03';
const NOW = new Date('2026-12-03T02:30:00Z');

type Hospital = { id: string; name: string; facts: HospitalFacts; profile?: SecurityProfile };

/** The ledger as RegionLedgerHandler answers it, from the same pure evaluations. */
function ledgerOf(regionCode: string, hospitals: Hospital[]): S1ReturnInput {
  const items: LedgerItem[] = hospitals.map(({ id, name, facts, profile }) => {
    const evaluation = profile ? evaluateHospital(facts, profile, AS_OF) : null;
    return {
      hospitalId: id,
      name,
      regionCode: facts.regionCode,
      regionName: regionName(facts.regionCode),
      level: facts.level,
      ownership: facts.ownership,
      compliance: evaluation?.compliance ?? 'not_filed',
      revision: profile ? 1 : 0,
      filedAt: profile ? NOW.toISOString() : null,
      counts: evaluation?.counts ?? null,
      requirements: evaluation?.requirements ?? [],
      gaps: [],
      // No inspections in these returns' fixtures.
      openItems: 0,
      overdueItems: 0,
      lateItems: 0,
      lastInspectedAt: null,
      lastInspectionOn: null,
    };
  });
  const ledger: RegionLedger = {
    regionCode,
    regionName: regionName(regionCode),
    asOf: AS_OF,
    summary: { hospitals: items.length, compliant: 0, non_compliant: 0, incomplete: 0, not_filed: 0 },
    regionRequirements: evaluateRegion(
      regionCode,
      hospitals.map((h) => ({ facts: h.facts, hasPoliceOffice: h.profile?.policeOffice?.present ?? null })),
    ),
    items,
  };
  const profiles = Object.fromEntries(hospitals.flatMap((h) => (h.profile ? [[h.id, h.profile]] : [])));
  return { ledger, profiles, unit: '重庆市万州区卫生健康委员会', now: NOW };
}

const office = (present: boolean, fullTimeOfficers = 0, partTimeOfficers = 0, auxiliaries = 0, guards = 0) => ({
  present,
  fullTimeOfficers,
  partTimeOfficers,
  auxiliaries,
  guards,
});
const privateTwo = (id: string, hasOffice: boolean | null): Hospital => ({
  id,
  name: `民营${id}`,
  facts: { regionCode: '500101', level: '二级', ownership: 'private' },
  profile: hasOffice === null ? undefined : { ...emptyProfile(), policeOffice: office(hasOffice, 0, 1, 2, 6) },
});

describe('guardsRequired', () => {
  it('takes the highest criterion of every guards standard of the region (就高不就低)', () => {
    // Given 1,000 staff (3 % → 30), 1,210 beds (÷20 → 61), 6,500 outpatients (3 ‰ → 20) in 重庆
    const p = { ...emptyProfile(), onDutyMedicalStaff: 1000, openBeds: 1210, dailyOutpatients: 6500 };
    // Then the beds govern, rounded up
    expect(guardsRequired('500101', p)).toBe(61);
  });

  it('is not known while a figure a criterion needs is not filed', () => {
    expect(guardsRequired('500101', { ...emptyProfile(), onDutyMedicalStaff: 1000, openBeds: 1210 })).toBeNull();
  });
});

describe('附件1 《医疗机构安全防范能力建设统计表》', () => {
  it('shows a hospital that has not filed as 未填报 in every figure, and leaves it out of the sums', () => {
    // Given one hospital that filed only its beds, staff and guards, and one that filed nothing
    const input = ledgerOf('500101', [
      {
        id: 'h1',
        name: '万州区人民医院',
        facts: { regionCode: '500101', level: '三级', ownership: 'public' },
        profile: { ...emptyProfile(), openBeds: 100, onDutyMedicalStaff: 100, dailyOutpatients: 100, guards: 5 },
      },
      { id: 'h2', name: '万州区第二人民医院', facts: { regionCode: '500101', level: '二级', ownership: 'public' } },
    ]);
    // When the return is made
    const report = capabilityReturn(input);
    // Then each part not filed says so, and the 合计 counts only what was filed
    expect(report.rows).toEqual([
      [
        1,
        '万州区人民医院',
        '重庆市万州区',
        '三级',
        '公立',
        5,
        5,
        '未填报',
        '否',
        '未填报',
        '未填报',
        '未填报',
        '未填报',
        '未填报',
        '未填报',
        '未填报',
        '未填报',
        '未填报',
        '未填报',
        '待补充',
      ],
      [2, '万州区第二人民医院', '重庆市万州区', '二级', '公立', ...Array<string>(14).fill('未填报'), '未填报'],
    ]);
    expect(report.totals).toEqual(['合计', '医院2家', null, null, null, 5, 5, 0, 0, 0, 0, null, null, 0, 0, 0, null, 0, 0, null]);
    expect(report.particulars.slice(0, 3)).toEqual([
      '填报单位：重庆市万州区卫生健康委员会',
      '统计区域：重庆市万州区（500101）',
      '统计截至：2026年12月3日',
    ]);
    expect(report.particulars[3]).toBe('制表时间：2026-12-03 10:30（北京时间）');
  });

  it('counts the drill days within 365 days, each day once (as the drills standard reads “regularly”)', () => {
    const input = ledgerOf('500101', [
      {
        id: 'h1',
        name: '万州区人民医院',
        facts: { regionCode: '500101', level: '三级', ownership: 'public' },
        profile: { ...emptyProfile(), drills: ['2026-12-03', '2026-12-03', '2025-12-04', '2025-12-03', '2025-12-02'] },
      },
    ]);
    expect(capabilityReturn(input).rows[0]![18]).toBe(3);
  });
});

describe('附件2 《公安机关驻医院警务室基本情况统计表》', () => {
  it('lists the offices only, and the 80 % rule meets at exactly 4 of 5 private grade-二 hospitals', () => {
    // Given five private grade-二 hospitals of 万州区, four with a "1+2+6" office (part-time officer)
    const input = ledgerOf('500101', [
      privateTwo('a', true),
      privateTwo('b', true),
      privateTwo('c', true),
      privateTwo('d', true),
      privateTwo('e', false),
    ]);
    const report = policeOfficeReturn(input);
    // Then four rows, all meeting "1+2+6", and the region's share met
    expect(report.rows.map((r) => [r[1], r[9]])).toEqual([
      ['民营a', '是'],
      ['民营b', '是'],
      ['民营c', '是'],
      ['民营d', '是'],
    ]);
    expect(report.totals).toEqual(['合计', '警务室4个', null, null, null, 0, 4, 8, 24, 4]);
    expect(coverageLines(input)).toEqual([
      '三级医院：共0家，设警务室0家（—），须全部设立，不适用（国卫医发〔2021〕28号 二(三)1）',
      '二级、三级公立医院：共0家，设警务室0家（—），须全部设立，不适用（渝卫发〔2021〕3号 三(二)）',
      '二级民营医院：共5家，设警务室4家（80%），须不低于80%，达标（渝卫发〔2021〕3号 三(二)）',
    ]);
  });

  it('counts a hospital that has not filed as without an office', () => {
    const input = ledgerOf('500101', [privateTwo('a', true), privateTwo('b', null)]);
    expect(coverageLines(input)[2]).toBe('二级民营医院：共2家，设警务室1家（50%），须不低于80%，未达标（渝卫发〔2021〕3号 三(二)）');
  });

  it('outside 重庆 there is no "1+2+6" standard: 不适用, and only the national grade-三 line', () => {
    const input = ledgerOf('150626', [
      {
        id: 'w',
        name: '乌审旗人民医院',
        facts: { regionCode: '150626', level: '三级', ownership: 'public' },
        profile: { ...emptyProfile(), policeOffice: office(true, 1, 0, 0, 0) },
      },
    ]);
    expect(policeOfficeReturn(input).rows).toEqual([[1, '乌审旗人民医院', regionName('150626'), '三级', '公立', 1, 0, 0, 0, '不适用']]);
    expect(coverageLines(input)).toEqual(['三级医院：共1家，设警务室1家（100%），须全部设立，达标（国卫医发〔2021〕28号 二(三)1）']);
  });
});
