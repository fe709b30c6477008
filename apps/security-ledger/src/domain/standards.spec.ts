import { emptyProfile, type SecurityProfile } from './security-profile.js';
import { STANDARDS, standardsFor } from './standards.data.js';
import { evaluateHospital, evaluateRegion, guardsFor, type HospitalFacts, type RequirementResult } from './standards.js';

const WANZHOU = '500101'; // 重庆市万州区
const LUCHENG = '330302'; // 浙江省温州市鹿城区
const WUSHEN = '150626'; // 内蒙古自治区鄂尔多斯市乌审旗
const AS_OF = '2026-12-01';

const grade3: HospitalFacts = { regionCode: LUCHENG, level: '三级', ownership: 'public' };
const profile = (p: Partial<SecurityProfile>): SecurityProfile => ({ ...emptyProfile(), ...p });
const line = (facts: HospitalFacts, p: Partial<SecurityProfile>, standardId: string): RequirementResult => {
  const found = evaluateHospital(facts, profile(p), AS_OF).requirements.find((r) => r.standardId === standardId);
  if (!found) throw new Error(`${standardId} does not apply in ${facts.regionCode}`);
  return found;
};

describe('guards: the highest of 3 % of on-duty medical staff, 1 per 20 beds, 3 ‰ of daily outpatients (S0 二(一)2)', () => {
  it('on-duty medical staff the highest: 3 % of 1550 is 46.5, rounded up to 47', () => {
    const r = line(grade3, { onDutyMedicalStaff: 1550, openBeds: 600, dailyOutpatients: 4000, guards: 39 }, 'S0-guards');
    expect(r).toMatchObject({ status: 'not_met', source: '国卫医发〔2021〕28号 二(一)2', scope: 'national' });
    expect(r.figure).toBe('需配备保安47人（按在岗医务人员1550人的3%计），现有39人');
  });

  it('beds the highest: 900 beds need 45', () => {
    const r = line(grade3, { onDutyMedicalStaff: 500, openBeds: 900, dailyOutpatients: 3000, guards: 45 }, 'S0-guards');
    expect(r.status).toBe('met');
    expect(r.figure).toBe('需配备保安45人（按开放床位900张的每20张1名计），现有45人');
  });

  it('daily outpatients the highest: 3 ‰ of 8001 is 24.003, rounded up to 25', () => {
    const r = line(grade3, { onDutyMedicalStaff: 300, openBeds: 100, dailyOutpatients: 8001, guards: 24 }, 'S0-guards');
    expect(r.status).toBe('not_met');
    expect(r.figure).toBe('需配备保安25人（按日均门诊量8001人次的3‰计），现有24人');
  });

  it('rounds in integers: exact multiples are not rounded up', () => {
    expect(guardsFor(100, { basis: 'on_duty_medical_staff', guards: 3, per: 100 })).toBe(3);
    expect(guardsFor(101, { basis: 'on_duty_medical_staff', guards: 3, per: 100 })).toBe(4);
    expect(guardsFor(40, { basis: 'open_beds', guards: 1, per: 20 })).toBe(2);
    expect(guardsFor(0, { basis: 'open_beds', guards: 1, per: 20 })).toBe(0);
  });

  it('unknown while a figure it needs is not filed: never read as zero', () => {
    const r = line(grade3, { onDutyMedicalStaff: null, openBeds: 100, dailyOutpatients: 800, guards: 5 }, 'S0-guards');
    expect(r).toMatchObject({ status: 'unknown', figure: '未填报在岗医务人员' });
  });

  it('certificates: every guard 持证上岗', () => {
    expect(line(grade3, { guards: 40, certifiedGuards: 38 }, 'S0-guards-certified')).toMatchObject({
      status: 'not_met',
      figure: '保安员40人，持证上岗38人',
    });
    expect(line(grade3, { guards: 40, certifiedGuards: 40 }, 'S0-guards-certified').status).toBe('met');
  });
});

describe("Chongqing's 20 open beds : 1 guard (S1 二(一))", () => {
  const chongqing: HospitalFacts = { ...grade3, regionCode: WANZHOU };

  it('applies in Chongqing, as a regional standard besides the national one', () => {
    const r = line(chongqing, { openBeds: 1210, guards: 60 }, 'S1-guards-open-beds');
    expect(r).toMatchObject({ status: 'not_met', scope: 'regional', source: '渝卫发〔2021〕3号 二(一)' });
    expect(r.figure).toBe('需配备保安61人（按开放床位1210张的每20张1名计），现有60人');
  });

  it('does not apply outside Chongqing', () => {
    expect(standardsFor(LUCHENG).map((s) => s.id)).not.toContain('S1-guards-open-beds');
    expect(standardsFor(WANZHOU).map((s) => s.id)).toContain('S1-guards-open-beds');
  });

  it('never lowers the national figure: both lines are evaluated, the national one still fails', () => {
    const e = evaluateHospital(chongqing, profile({ onDutyMedicalStaff: 2000, openBeds: 400, dailyOutpatients: 3000, guards: 20 }), AS_OF);
    const status = (id: string) => e.requirements.find((r) => r.standardId === id)!.status;
    expect(status('S1-guards-open-beds')).toBe('met'); // 400 / 20 = 20
    expect(status('S0-guards')).toBe('not_met'); // 3 % of 2000 = 60
    expect(e.compliance).toBe('non_compliant');
  });
});

describe('screening at the main entrances where daily outpatients ≥ 5,000 or beds ≥ 1,000 (S0 二(三)2)', () => {
  const screened = { mainEntrances: 2, screenedMainEntrances: 2, equipment: ['walk_through_metal_detector' as const] };

  it('required at exactly 5,000 daily outpatients', () => {
    const r = line(grade3, { dailyOutpatients: 5000, openBeds: 999, screening: { ...screened, screenedMainEntrances: 1 } }, 'S0-screening');
    expect(r.status).toBe('not_met');
    expect(r.figure).toBe('日均门诊量5000人次、床位999张，须在主要出入口实施安检；主要出入口2个，已安检1个');
  });

  it('required at exactly 1,000 beds', () => {
    expect(line(grade3, { dailyOutpatients: 100, openBeds: 1000, screening: screened }, 'S0-screening').status).toBe('met');
  });

  it('not required at 4,999 and 999', () => {
    const r = line(grade3, { dailyOutpatients: 4999, openBeds: 999 }, 'S0-screening');
    expect(r).toMatchObject({ status: 'not_applicable' });
    expect(r.figure).toBe('日均门诊量4999人次、床位999张，未达5000人次或1000张，不强制安检');
  });

  it('required once one figure reaches the threshold, even if the other is not filed', () => {
    expect(line(grade3, { dailyOutpatients: 6000, openBeds: null }, 'S0-screening').status).toBe('unknown');
    expect(line(grade3, { dailyOutpatients: 6000, openBeds: null, screening: screened }, 'S0-screening').status).toBe('met');
  });
});

describe('police offices (S0 二(三)1 nationally; S1 三(二) in Chongqing)', () => {
  const office = { present: true, fullTimeOfficers: 0, partTimeOfficers: 1, auxiliaries: 2, guards: 6 };
  const publicTwo: HospitalFacts = { regionCode: WANZHOU, level: '二级', ownership: 'public' };
  const privateTwo: HospitalFacts = { regionCode: WANZHOU, level: '二级', ownership: 'private' };

  it('every grade-三 hospital, everywhere', () => {
    expect(line(grade3, { policeOffice: { ...office, present: false } }, 'S0-police-office')).toMatchObject({
      status: 'not_met',
      figure: '三级医院须设警务室，未设',
    });
  });

  it('in Chongqing every public grade-二 hospital too', () => {
    expect(line(publicTwo, { policeOffice: { ...office, present: false } }, 'S1-police-office').status).toBe('not_met');
    expect(line(publicTwo, { policeOffice: office }, 'S1-police-office').status).toBe('met');
  });

  it('a private grade-二 hospital without one is not failed on its own: its region is counted', () => {
    const r = line(privateTwo, { policeOffice: { ...office, present: false } }, 'S1-police-office');
    expect(r).toMatchObject({ status: 'not_applicable', figure: '二级民营医院按辖区设置率统计（不低于80%），本院未设' });
    expect(line(privateTwo, { policeOffice: office }, 'S1-police-office').status).toBe('met');
  });

  it('the 80 % rule over a region: 4 of 5 private grade-二 hospitals meet it, 3 of 4 do not; others are not counted', () => {
    const hospitals = (withOffice: number, without: number) => [
      ...Array.from({ length: withOffice }, () => ({ facts: privateTwo, hasPoliceOffice: true })),
      ...Array.from({ length: without }, () => ({ facts: privateTwo, hasPoliceOffice: false })),
      { facts: publicTwo, hasPoliceOffice: false }, // public: required of each, not in the share
      { facts: { ...privateTwo, level: '一级' as const }, hasPoliceOffice: false },
    ];
    expect(evaluateRegion(WANZHOU, hospitals(4, 1))).toEqual([
      expect.objectContaining({
        standardId: 'S1-police-office',
        status: 'met',
        figure: '辖区二级民营医院5家，设警务室4家（80%），须不低于80%',
      }),
    ]);
    expect(evaluateRegion(WANZHOU, hospitals(3, 1))).toEqual([
      expect.objectContaining({ status: 'not_met', figure: '辖区二级民营医院4家，设警务室3家（75%），须不低于80%' }),
    ]);
  });

  it('a private grade-二 hospital that has not filed counts as without; a region without any is not applicable', () => {
    expect(evaluateRegion(WANZHOU, [{ facts: privateTwo, hasPoliceOffice: null }])[0].status).toBe('not_met');
    expect(evaluateRegion(WANZHOU, [])[0].status).toBe('not_applicable');
    expect(evaluateRegion(LUCHENG, [{ facts: { ...privateTwo, regionCode: LUCHENG }, hasPoliceOffice: false }])).toEqual([]);
  });

  it('staffed 1+2+6, with a full-time officer in grade-三 hospitals', () => {
    const grade3cq: HospitalFacts = { ...grade3, regionCode: WANZHOU };
    expect(line(publicTwo, { policeOffice: office }, 'S1-police-office-staffing').status).toBe('met');
    const r = line(grade3cq, { policeOffice: office }, 'S1-police-office-staffing');
    expect(r).toMatchObject({ status: 'not_met', figure: '须按“1+2+6”配置（专职民警），现有民警1人（专职0人）、协警2人、保安6人' });
    expect(
      line(grade3cq, { policeOffice: { ...office, fullTimeOfficers: 1, partTimeOfficers: 0 } }, 'S1-police-office-staffing').status,
    ).toBe('met');
    expect(line(publicTwo, { policeOffice: { ...office, guards: 5 } }, 'S1-police-office-staffing').status).toBe('not_met');
  });

  it('unknown when the directory does not know the grade', () => {
    expect(line({ regionCode: WANZHOU, level: null, ownership: 'public' }, { policeOffice: office }, 'S1-police-office').status).toBe(
      'unknown',
    );
  });
});

describe('one-key alarms, video and drills', () => {
  const alarms = { gate: true, departments: true, keyPlaces: true, networkedToMonitoringCentre: true, networkedToPolice: false };

  it('alarms at the gate, departments and key places, networked to the monitoring centre (S0 二(一)4)', () => {
    expect(line(grade3, { alarms }, 'S0-one-key-alarm').status).toBe('met');
    expect(
      line(grade3, { alarms: { ...alarms, departments: false, networkedToMonitoringCentre: false } }, 'S0-one-key-alarm'),
    ).toMatchObject({
      status: 'not_met',
      figure: '未安装：各科室，未与安全监控中心联网',
    });
  });

  it('to the police: grade 二+ in 乌审旗 (S4 三(五)), every hospital in Chongqing (S1 二(三))', () => {
    const wushen = (level: '一级' | '二级') => ({ regionCode: WUSHEN, level, ownership: 'public' as const });
    expect(line(wushen('二级'), { alarms }, 'S4-alarm-to-police').status).toBe('not_met');
    expect(line(wushen('一级'), { alarms }, 'S4-alarm-to-police').status).toBe('not_applicable');
    expect(
      line(
        { regionCode: WANZHOU, level: '一级', ownership: 'private' },
        { alarms: { ...alarms, networkedToPolice: true } },
        'S1-alarm-to-police',
      ).status,
    ).toBe('met');
    expect(standardsFor(LUCHENG).some((s) => s.rule.kind === 'alarm_to_police')).toBe(false);
  });

  it('HD video at key places kept ≥ 90 days (S4 三(五))', () => {
    const wushen: HospitalFacts = { regionCode: WUSHEN, level: '二级', ownership: 'private' };
    expect(line(wushen, { video: { keyPlacesCovered: true, highDefinition: true, retentionDays: 90 } }, 'S4-video-retention').status).toBe(
      'met',
    );
    expect(
      line(wushen, { video: { keyPlacesCovered: true, highDefinition: true, retentionDays: 89 } }, 'S4-video-retention'),
    ).toMatchObject({
      status: 'not_met',
      figure: '须高清、存储不少于90天，现高清、存储89天',
    });
  });

  it('at least one drill in the last year, the plan revised after it (S0 二(四)1)', () => {
    const plan = (revisedOn: string | null) => ({ adopted: true, revisedOn });
    expect(line(grade3, { drills: ['2026-03-10'], emergencyPlan: plan('2026-03-20') }, 'S0-drills').status).toBe('met');
    expect(line(grade3, { drills: ['2026-03-10'], emergencyPlan: plan('2026-01-05') }, 'S0-drills')).toMatchObject({
      status: 'not_met',
      figure: '最近一次演练2026-03-10，演练后未修订预案（最近修订2026-01-05）',
    });
    expect(line(grade3, { drills: ['2025-11-30'], emergencyPlan: plan('2025-12-01') }, 'S0-drills').figure).toBe(
      '最近一次演练2025-11-30，已超过365天',
    );
    expect(line(grade3, { drills: [], emergencyPlan: plan(null) }, 'S0-drills').figure).toBe('未开展应急演练');
  });
});

describe('overall compliance', () => {
  const complete: Partial<SecurityProfile> = {
    onDutyMedicalStaff: 400,
    openBeds: 300,
    dailyOutpatients: 1200,
    guards: 15,
    certifiedGuards: 15,
    policeOffice: { present: true, fullTimeOfficers: 1, partTimeOfficers: 0, auxiliaries: 2, guards: 6 },
    alarms: { gate: true, departments: true, keyPlaces: true, networkedToMonitoringCentre: true, networkedToPolice: true },
    video: { keyPlacesCovered: true, highDefinition: true, retentionDays: 90 },
    emergencyPlan: { adopted: true, revisedOn: '2026-06-02' },
    drills: ['2026-06-01'],
  };

  it('compliant when every requirement is met or not applicable', () => {
    const e = evaluateHospital(grade3, profile(complete), AS_OF);
    expect(e.compliance).toBe('compliant');
    expect(e.counts.not_met + e.counts.unknown).toBe(0);
  });

  it('incomplete when nothing fails but something is not filed; non-compliant once anything fails', () => {
    expect(evaluateHospital(grade3, profile({ ...complete, video: null }), AS_OF).compliance).toBe('incomplete');
    expect(evaluateHospital(grade3, profile({ ...complete, video: null, guards: 1, certifiedGuards: 1 }), AS_OF).compliance).toBe(
      'non_compliant',
    );
  });

  it('every standard has a source, and national ones no region', () => {
    for (const s of STANDARDS) {
      expect(s.source.number).toMatch(/〔20\d\d〕\d+号/);
      expect(s.scope === 'national' ? s.regionPrefixes.length === 0 : s.regionPrefixes.length > 0).toBe(true);
    }
  });
});
