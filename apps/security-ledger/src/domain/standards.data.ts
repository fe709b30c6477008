import type { HospitalLevel } from '@pingan/access';

/**
 * The standards as data (docs/security-ledger.md lists each with its source). National ones apply
 * everywhere; regional ones only where the region code starts with one of `regionPrefixes`, and
 * never lower a national one: every standard that applies is evaluated, each on its own line, so
 * the stricter one always shows ("就高不就低"). A region adopting a standard adds its prefix here.
 */

export type Ownership = 'public' | 'private';

/** The document a standard comes from, and the article. */
export interface StandardSource {
  /** Seed label in /work/shared/seeds (S0 national guideline, S1 Chongqing, S4 Wushen Banner). */
  seed: string;
  title: string;
  number: string;
  article: string;
}

/** One criterion of the guard count: `guards` guards per `per` of the basis, rounded up. */
export interface GuardCriterion {
  basis: 'on_duty_medical_staff' | 'open_beds' | 'daily_outpatients';
  guards: number;
  per: number;
}

/** Which hospitals a rule applies to (an absent list: every level / ownership). */
export interface HospitalScope {
  levels?: readonly HospitalLevel[];
  ownership?: readonly Ownership[];
}

export type StandardRule =
  | { kind: 'guards'; criteria: readonly GuardCriterion[] }
  | { kind: 'guards_certified' }
  | { kind: 'screening'; minDailyOutpatients: number; minBeds: number }
  | { kind: 'police_office'; every: HospitalScope; coverage?: HospitalScope & { minShare: number } }
  | {
      kind: 'police_office_staffing';
      officers: number;
      auxiliaries: number;
      guards: number;
      fullTimeOfficerLevels: readonly HospitalLevel[];
    }
  | { kind: 'one_key_alarm' }
  | { kind: 'alarm_to_police'; scope: HospitalScope }
  | { kind: 'video_coverage' }
  | { kind: 'video_retention'; minDays: number; highDefinition: boolean; scope: HospitalScope }
  | { kind: 'drills'; withinDays: number; planRevisedAfter: boolean };

export type RequirementKind = StandardRule['kind'];

export interface Standard {
  /** Stable id (kept in exports and evaluations). */
  id: string;
  /** What it asks, in Chinese, for the ledger's column. */
  title: string;
  scope: 'national' | 'regional';
  /** Region code prefixes where a regional standard applies ([] for national). */
  regionPrefixes: readonly string[];
  source: StandardSource;
  rule: StandardRule;
}

const S0 = { seed: 'S0', title: '关于推进医院安全秩序管理工作的指导意见', number: '国卫医发〔2021〕28号' };
const S1 = { seed: 'S1', title: '关于进一步加强医疗机构安全保卫推进平安医院建设的通知', number: '渝卫发〔2021〕3号' };
const S4 = { seed: 'S4', title: '2022年乌审旗“平安医院”建设工作方案', number: '乌卫健发〔2022〕99号' };

/** 重庆市 (S1 is the municipality's). */
export const CHONGQING = '50';
/** 内蒙古自治区鄂尔多斯市乌审旗 (S4 is the banner's). */
export const WUSHEN_BANNER = '150626';

const GRADE_TWO_UP: readonly HospitalLevel[] = ['二级', '三级'];

export const STANDARDS: readonly Standard[] = [
  {
    id: 'S0-guards',
    title: '保安员数量（就高不就低）',
    scope: 'national',
    regionPrefixes: [],
    source: { ...S0, article: '二(一)2' },
    // "按照不低于在岗医务人员总数的3%或者20张病床1名保安或日均门诊量3‰的标准配备"
    rule: {
      kind: 'guards',
      criteria: [
        { basis: 'on_duty_medical_staff', guards: 3, per: 100 },
        { basis: 'open_beds', guards: 1, per: 20 },
        { basis: 'daily_outpatients', guards: 3, per: 1000 },
      ],
    },
  },
  {
    id: 'S0-guards-certified',
    title: '保安员持证上岗',
    scope: 'national',
    regionPrefixes: [],
    source: { ...S0, article: '二(一)2' }, // "经培训合格后持证上岗"
    rule: { kind: 'guards_certified' },
  },
  {
    id: 'S1-guards-open-beds',
    title: '按开放床位20:1足额配备保安',
    scope: 'regional',
    regionPrefixes: [CHONGQING],
    source: { ...S1, article: '二(一)' }, // "按照开放床位 20:1 的比例足额配备保安"
    rule: { kind: 'guards', criteria: [{ basis: 'open_beds', guards: 1, per: 20 }] },
  },
  {
    id: 'S0-screening',
    title: '主要出入口安检',
    scope: 'national',
    regionPrefixes: [],
    source: { ...S0, article: '二(三)2' }, // "日均门诊量 5000 人次以上或者床位 1000 张以上的大型医院应当在主要出入口实施安检"
    rule: { kind: 'screening', minDailyOutpatients: 5000, minBeds: 1000 },
  },
  {
    id: 'S0-police-office',
    title: '三级医院设立警务室',
    scope: 'national',
    regionPrefixes: [],
    source: { ...S0, article: '二(三)1' }, // "公安机关应当在三级医院和有条件的二级医院设立警务室"
    rule: { kind: 'police_office', every: { levels: ['三级'] } },
  },
  {
    id: 'S1-police-office',
    title: '二级以上公立医院警务室全覆盖，二级民营医院设置率不低于80%',
    scope: 'regional',
    regionPrefixes: [CHONGQING],
    source: { ...S1, article: '三(二)' },
    rule: {
      kind: 'police_office',
      every: { levels: GRADE_TWO_UP, ownership: ['public'] },
      coverage: { levels: ['二级'], ownership: ['private'], minShare: 0.8 },
    },
  },
  {
    id: 'S1-police-office-staffing',
    title: '警务室按“1+2+6”配置人员，三级医院配置专职民警',
    scope: 'regional',
    regionPrefixes: [CHONGQING],
    source: { ...S1, article: '三(二)' }, // "1 名民警、2 名协警、6 名保安 … 其中三级以上医院配置专职民警，二级以上配置兼职民警"
    rule: { kind: 'police_office_staffing', officers: 1, auxiliaries: 2, guards: 6, fullTimeOfficerLevels: ['三级'] },
  },
  {
    id: 'S0-one-key-alarm',
    title: '门卫室、各科室、重点要害部位一键式报警并与安全监控中心联网',
    scope: 'national',
    regionPrefixes: [],
    source: { ...S0, article: '二(一)4' },
    rule: { kind: 'one_key_alarm' },
  },
  {
    id: 'S1-alarm-to-police',
    title: '一键报警接入属地公安派出所',
    scope: 'regional',
    regionPrefixes: [CHONGQING],
    source: { ...S1, article: '二(三)' }, // "与安全监控中心和警务室联网，并接入属地公安派出所"
    rule: { kind: 'alarm_to_police', scope: {} },
  },
  {
    id: 'S4-alarm-to-police',
    title: '二级以上医疗机构一键式报警器与公安机关联网',
    scope: 'regional',
    regionPrefixes: [WUSHEN_BANNER],
    source: { ...S4, article: '三(五)' },
    rule: { kind: 'alarm_to_police', scope: { levels: GRADE_TWO_UP } },
  },
  {
    id: 'S0-video-coverage',
    title: '公共区域、重点区域视频监控全覆盖',
    scope: 'national',
    regionPrefixes: [],
    source: { ...S0, article: '二(一)4' },
    rule: { kind: 'video_coverage' },
  },
  {
    id: 'S4-video-retention',
    title: '重点要害部位高清监控，存储不低于90天',
    scope: 'regional',
    regionPrefixes: [WUSHEN_BANNER],
    source: { ...S4, article: '三(五)' }, // "在重点要害部位安装高清监控（保证硬盘存储时间不低于90天）"
    rule: { kind: 'video_retention', minDays: 90, highDefinition: true, scope: { levels: GRADE_TWO_UP } },
  },
  {
    id: 'S0-drills',
    title: '每年至少一次应急演练，演练后修订预案',
    scope: 'national',
    regionPrefixes: [],
    // "定期组织应急演练，针对演练中暴露出的问题隐患，对应急预案及时进行调整优化和修订完善";
    // 定期 read as at least once in the last 365 days (docs/security-ledger.md).
    source: { ...S0, article: '二(四)1' },
    rule: { kind: 'drills', withinDays: 365, planRevisedAfter: true },
  },
];

/** The standards that apply in a region: every national one, and the regional ones whose prefix it has. */
export const standardsFor = (regionCode: string, standards: readonly Standard[] = STANDARDS): Standard[] =>
  standards.filter((s) => s.scope === 'national' || s.regionPrefixes.some((prefix) => regionCode.startsWith(prefix)));

/** "国卫医发〔2021〕28号 二(一)2" */
export const citation = (source: StandardSource): string => `${source.number} ${source.article}`;
