import type { IncidentEvent } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { incidentDecider, type ReportedIncident } from '../domain/index.js';
import { reportFormHtml } from './report-form.html.js';
import { fieldLines, reportFormOf, type FormSection, type ReportFormFacts } from './report-form.js';

/** A major incident at 万州区中心医院 on 22 Nov 2026, Beijing time. */
const ref = { caseNumber: '500101-20261122-0003', hospitalId: 'hosp-a', regionCode: '500101' };
const s = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00+08:00`).toISOString();
const counts = (deaths = 0, seriousInjuries = 0, lightInjuries = 0, slightInjuries = 0) => ({
  deaths,
  seriousInjuries,
  lightInjuries,
  slightInjuries,
});
const classification = {
  categories: ['assault_on_staff' as const, 'carrying_weapons' as const],
  casualties: { staff: counts(0, 1, 1, 0), patients: counts(0, 0, 0, 2), perpetrators: counts(), bystanders: counts() },
  massIncident: false,
  weaponsInvolved: true,
  seriousInjuryPendingAppraisal: false,
};

const HISTORY: IncidentEvent[] = [
  {
    type: 'IncidentReported',
    data: {
      ...ref,
      channel: 'hospital_report',
      intake: {
        channel: 'hospital_report',
        location: '急诊科抢救室',
        partiesCount: 1,
        behaviour: '持刀砍伤值班医生 <b>并</b> 威胁护士',
        anyoneInjured: true,
        description: '患者家属因候诊不满持刀行凶',
      },
      occurredAt: s('02:55'),
      reportedAt: s('03:00'),
      reportedByOrganisationId: 'hosp-a',
      hasPoliceOffice: true,
      classification,
      major: true,
      escalationAddressees: { 'health:county': 'hc-wz', 'health:city': 'hc-city', 'political_legal:local': 'zfw-wz' },
    },
  },
  { type: 'PoliceDispatched', data: { ...ref, dispatchedAt: s('03:01'), unitOrganisationId: 'station-wz' } },
  { type: 'PoliceArrived', data: { ...ref, dispatchedAt: s('03:01'), arrivedAt: '2026-11-21T19:03:30.000Z' } },
  { type: 'DisturbanceStopped', data: { ...ref, stoppedAt: s('03:05') } },
  {
    type: 'EscalationSubmitted',
    data: { ...ref, chain: 'health', level: 'county', submittedAt: s('03:00'), submittedByOrganisationId: 'hosp-a', major: true },
  },
  {
    type: 'EscalationAcknowledged',
    data: { ...ref, chain: 'health', level: 'county', acknowledgedAt: s('03:10'), organisationId: 'hc-wz', major: true },
  },
  {
    type: 'EscalationForwarded',
    data: { ...ref, chain: 'health', fromLevel: 'county', toLevel: 'city', forwardedAt: s('03:20'), organisationId: 'hc-wz', major: true },
  },
  {
    type: 'EscalationSubmitted',
    data: { ...ref, chain: 'political_legal', level: 'local', submittedAt: s('03:00'), submittedByOrganisationId: 'hosp-a', major: true },
  },
];

const NAMES: Record<string, string> = {
  'hosp-a': '重庆市万州区中心医院',
  'station-wz': '万州区公安局高笋塘派出所',
  'hc-wz': '万州区卫生健康委员会',
  'hc-city': '重庆市卫生健康委员会',
  'zfw-wz': '中共万州区委政法委员会',
};

const facts = (history: IncidentEvent[] = HISTORY, limit = 3): ReportFormFacts => ({
  incident: fold(incidentDecider, history) as ReportedIncident,
  history,
  name: (id) => NAMES[id] ?? id,
  regionName: '重庆市万州区',
  arrivalLimitMinutes: limit,
  printedAt: new Date('2026-11-22T01:00:00Z'),
});

const section = (sections: FormSection[], heading: string) => sections.find((x) => x.heading.includes(heading))!;
const field = (s: FormSection, label: string) => (s.kind === 'fields' ? s.fields.find((f) => f.label === label)?.value : undefined);

describe('the incident report form (涉医案事件信息报送表)', () => {
  it('names the reporting unit and region, in Beijing time', () => {
    const form = reportFormOf(facts());
    expect(form).toMatchObject({
      title: '涉医案事件信息报送表',
      caseNumber: ref.caseNumber,
      reportingUnit: '重庆市万州区中心医院',
      regionName: '重庆市万州区',
      printedAt: '2026-11-22 09:00',
      timeZone: '时间均为北京时间 UTC+8',
      signature: ['填报人：', '审核人：', '单位盖章：', '日期：　　年　　月　　日'],
    });
    const basics = section(form.sections, '基本情况');
    expect(field(basics, '发生时间')).toBe('2026-11-22 02:55');
    expect(field(basics, '发生地点')).toBe('急诊科抢救室');
    expect(field(basics, '事件类别')).toBe('暴力伤医、携带管制器具、危险物品');
    expect(field(basics, '重大涉医案事件')).toMatch(/^是/);
    expect(field(basics, '携带凶器')).toBe('是');
  });

  it('counts casualties by group and grade, with a total', () => {
    const table = section(reportFormOf(facts()).sections, '人员伤亡');
    expect(table).toMatchObject({
      columns: ['人员类别', '死亡', '重伤', '轻伤', '轻微伤'],
      rows: [
        ['医务人员', '0', '1', '1', '0'],
        ['患方', '0', '0', '0', '2'],
        ['行为人', '0', '0', '0', '0'],
        ['其他人员', '0', '0', '0', '0'],
        ['合计', '0', '1', '1', '2'],
      ],
    });
  });

  it('measures the arrival against the limit that applies', () => {
    const onTime = section(reportFormOf(facts()).sections, '公安处警');
    expect(field(onTime, '出警单位')).toBe('万州区公安局高笋塘派出所');
    expect(field(onTime, '到场时限')).toBe('3分钟（医院设有警务室）');
    expect(field(onTime, '到场用时')).toBe('2分30秒，按时到场');
    const late = section(reportFormOf(facts(HISTORY, 2)).sections, '公安处警');
    expect(field(late, '到场用时')).toBe('2分30秒，超时到场');
    const none = section(reportFormOf(facts(HISTORY.slice(0, 1))).sections, '公安处警');
    expect(field(none, '到场用时')).toBe('尚未出警');
  });

  it('lists the measures taken in order', () => {
    expect(section(reportFormOf(facts()).sections, '处置措施')).toMatchObject({
      rows: [
        ['2026-11-22 03:01', '万州区公安局高笋塘派出所出警'],
        ['2026-11-22 03:03', '民警到达现场'],
        ['2026-11-22 03:05', '违法行为已制止'],
      ],
    });
  });

  it('shows every level the report reached, who acknowledged it and when', () => {
    expect(section(reportFormOf(facts()).sections, '信息报送')).toMatchObject({
      rows: [
        ['卫生健康系统', '万州区卫生健康委员会', '2026-11-22 03:00', '2026-11-22 03:10', '万州区卫生健康委员会', '已转报'],
        ['卫生健康系统', '重庆市卫生健康委员会', '2026-11-22 03:20', '—', '—', '待签收'],
        ['公安系统', '—', '—', '—', '—', '未报送'],
        ['政法综治', '中共万州区委政法委员会', '2026-11-22 03:00', '—', '—', '待签收'],
      ],
    });
  });

  it('puts two short fields on a line, a wide one across it', () => {
    const lines = fieldLines([
      { label: 'a', value: '1' },
      { label: 'b', value: '2' },
      { label: 'c', value: '3' },
      { label: 'd', value: '4', wide: true },
    ]);
    expect(lines.map((line) => line.map((f) => f.label))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('prints as a standalone A4 page with every value escaped', () => {
    const html = reportFormHtml(reportFormOf(facts()));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('持刀砍伤值班医生 &lt;b&gt;并&lt;/b&gt; 威胁护士');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('重庆市万州区中心医院');
    expect(html).toContain('单位盖章');
  });
});
