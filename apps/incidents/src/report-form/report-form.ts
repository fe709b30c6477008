import {
  CASUALTY_GROUPS,
  ESCALATION_LEVELS,
  LABELS,
  shanghaiDateTimeOf,
  totalCasualties,
  type CasualtyCounts,
  type EscalationChain,
  type IncidentEvent,
} from '@pingan/contracts';
import type { ReportedIncident } from '../domain/index.js';

/**
 * The incident report form (涉医案事件信息报送表): what a hospital sends up the chain about one
 * incident [S3 二(二), 五(二)], built from the incident as folded and its history. Pure: names and
 * the arrival limit are looked up by the caller. Both renderers (HTML, PDF) draw the same sections,
 * so the two outputs never say different things.
 */

export const REPORT_FORM_TITLE = '涉医案事件信息报送表';
/** Every time on the form is Beijing time; the form says so once, in its header. */
export const REPORT_FORM_TIME_ZONE = '时间均为北京时间 UTC+8';

export type FormSection =
  | { kind: 'fields'; heading: string; fields: FormField[] }
  | {
      kind: 'table';
      heading: string;
      columns: string[];
      rows: string[][];
      notes: string[];
      /** Counts: centred. */ numeric?: boolean;
      /** Relative column widths (default: the first a little wider). */ weights?: number[];
    };

/** One labelled value; two share a line of the form unless `wide` (a free text: behaviour, account, status). */
export interface FormField {
  label: string;
  value: string;
  wide?: boolean;
}

export interface ReportForm {
  title: string;
  caseNumber: string;
  /** 报送单位: the hospital, by its name in the directory. */
  reportingUnit: string;
  regionName: string;
  printedAt: string;
  timeZone: string;
  sections: FormSection[];
  /** The unit's signature line, left blank for pen and seal. */
  signature: string[];
}

export interface ReportFormFacts {
  incident: ReportedIncident;
  history: readonly { type: string; data: Record<string, unknown> }[];
  /** An organisation's name in the directory (the id itself when the directory does not know it). */
  name: (organisationId: string) => string;
  regionName: string;
  /** The arrival limit that applies to this hospital, in minutes (3 with a police office, 8 without, or the region's). */
  arrivalLimitMinutes: number;
  printedAt: Date;
}

export const SIGNATURE_LINE = ['填报人：', '审核人：', '单位盖章：', '日期：　　年　　月　　日'];

const NONE = '—';
// To the minute, as a paper form is filled in; the arrival time is given to the second as a duration.
const at = (iso: string | null | undefined): string => (iso ? shanghaiDateTimeOf(new Date(iso)).slice(0, 16) : NONE);
const yesNo = (value: boolean): string => (value ? '是' : '否');
const label = (group: Readonly<Record<string, string>>, key: string | null | undefined): string =>
  key === null || key === undefined ? NONE : (group[key] ?? key);

/** '2分30秒' */
export function duration(fromIso: string, toIso: string): string {
  const seconds = Math.max(0, Math.round((new Date(toIso).getTime() - new Date(fromIso).getTime()) / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}分${seconds % 60}秒` : `${seconds}秒`;
}

const COUNT_COLUMNS: (keyof CasualtyCounts)[] = ['deaths', 'seriousInjuries', 'lightInjuries', 'slightInjuries'];

/** The lines of a fields section: two fields to a line, a wide one (or one left alone before it) across the line. */
export function fieldLines(fields: readonly FormField[]): FormField[][] {
  const lines: FormField[][] = [];
  for (let i = 0; i < fields.length; i++) {
    const next = fields[i + 1];
    if (!fields[i].wide && next && !next.wide) lines.push([fields[i], fields[++i]]);
    else lines.push([fields[i]]);
  }
  return lines;
}

export function reportFormOf(facts: ReportFormFacts): ReportForm {
  const { incident, name } = facts;
  const hospital = name(incident.ref.hospitalId);
  return {
    title: REPORT_FORM_TITLE,
    caseNumber: incident.ref.caseNumber,
    reportingUnit: hospital,
    regionName: facts.regionName,
    printedAt: shanghaiDateTimeOf(facts.printedAt).slice(0, 16),
    timeZone: REPORT_FORM_TIME_ZONE,
    sections: [
      basics(incident, hospital, facts.regionName),
      parties(incident),
      casualties(incident, facts.history),
      policeResponse(incident, name, facts.arrivalLimitMinutes),
      measures(facts.history, name),
      escalation(incident, name),
    ],
    signature: SIGNATURE_LINE,
  };
}

function basics(incident: ReportedIncident, hospital: string, regionName: string): FormSection {
  const { classification } = incident;
  const intake = incident.intake as { location?: string | null; callReceivedAt?: string };
  const status =
    incident.status === 'closed'
      ? `${LABELS.caseStatus.closed}（${label(LABELS.incidentOutcome, incident.outcome)}，${at(incident.closedAt)}）`
      : LABELS.caseStatus.open;
  return {
    kind: 'fields',
    heading: '一、基本情况',
    fields: [
      { label: '报送单位', value: hospital, wide: true },
      { label: '所在地区', value: regionName },
      { label: '案事件编号', value: incident.ref.caseNumber },
      { label: '发生时间', value: at(incident.occurredAt) },
      { label: '接报时间', value: at(intake.callReceivedAt ?? incident.reportedAt) },
      { label: '报警方式', value: label(LABELS.incidentChannel, incident.channel) },
      { label: '发生地点', value: intake.location || '未填报' },
      {
        label: '事件类别',
        value: classification.categories.map((category) => label(LABELS.incidentCategory, category)).join('、') || '未定性',
        wide: true,
      },
      { label: '重大涉医案事件', value: incident.major ? '是（12小时内报告国家卫生健康委）' : '否', wide: true },
      { label: '群体性事件', value: yesNo(classification.massIncident) },
      { label: '携带凶器', value: yesNo(classification.weaponsInvolved) },
      { label: '办理状态', value: status, wide: true },
    ],
  };
}

function parties(incident: ReportedIncident): FormSection {
  const p = incident.particulars;
  const intake = incident.intake as { description?: string };
  return {
    kind: 'fields',
    heading: '二、当事人及行为',
    fields: [
      { label: '当事方人数', value: p ? String(p.partiesCount) : '待补录' },
      { label: '有无人员受伤', value: p ? (p.anyoneInjured ? '有' : '无') : '待补录' },
      { label: '具体行为', value: p?.behaviour || '待补录', wide: true },
      // A 110 call's or a patrol's account; never the caller's name or phone (personal data, police only).
      { label: '简要情况', value: p?.description || intake.description || NONE, wide: true },
    ],
  };
}

function casualties(incident: ReportedIncident, history: ReportFormFacts['history']): FormSection {
  const counts = incident.classification.casualties;
  const row = (title: string, c: CasualtyCounts) => [title, ...COUNT_COLUMNS.map((column) => String(c[column]))];
  const notes: string[] = [];
  if (incident.classification.seriousInjuryPendingAppraisal) notes.push('有人员疑似重伤，待伤情鉴定（按重大涉医案事件报告）。');
  for (const event of history as IncidentEvent[]) {
    if (event.type !== 'InjuryAppraised') continue;
    const d = event.data;
    notes.push(
      `伤情鉴定：${label(LABELS.casualtyGroup, d.group)}${label(LABELS.injuryGrade, d.grade)}（鉴定意见书 ${d.appraisalReference}，${at(d.appraisedAt)}）。`,
    );
  }
  return {
    kind: 'table',
    heading: '三、人员伤亡情况（人）',
    columns: ['人员类别', '死亡', LABELS.injuryGrade.serious, LABELS.injuryGrade.light, LABELS.injuryGrade.slight],
    rows: [...CASUALTY_GROUPS.map((group) => row(LABELS.casualtyGroup[group], counts[group])), row('合计', totalCasualties(counts))],
    notes,
    numeric: true,
  };
}

function policeResponse(incident: ReportedIncident, name: ReportFormFacts['name'], limit: number): FormSection {
  const { police } = incident;
  const limitText = `${limit}分钟（${incident.hasPoliceOffice ? '医院设有警务室' : '医院未设警务室'}）`;
  let verdict: string;
  if (!police.dispatchedAt) verdict = '尚未出警';
  else if (!police.arrivedAt) verdict = '尚未到场';
  else {
    const seconds = (new Date(police.arrivedAt).getTime() - new Date(police.dispatchedAt).getTime()) / 1000;
    verdict = `${duration(police.dispatchedAt, police.arrivedAt)}，${seconds <= limit * 60 ? '按时到场' : '超时到场'}`;
  }
  return {
    kind: 'fields',
    heading: '四、公安处警情况',
    fields: [
      { label: '出警单位', value: police.unitOrganisationId ? name(police.unitOrganisationId) : NONE, wide: true },
      { label: '出警时间', value: at(police.dispatchedAt) },
      { label: '到场时间', value: at(police.arrivedAt) },
      { label: '到场时限', value: limitText },
      { label: '到场用时', value: verdict },
      { label: '制止违法行为', value: at(police.disturbanceStoppedAt) },
      { label: '现场清理完毕', value: at(police.sceneClearedAt) },
      ...(incident.policeCaseNumber ? [{ label: '公安案件编号', value: incident.policeCaseNumber }] : []),
      ...(incident.disputeCaseNumber ? [{ label: '医疗纠纷编号', value: incident.disputeCaseNumber }] : []),
    ],
  };
}

/** 处置措施: each step taken, in the order of the history. */
function measures(history: ReportFormFacts['history'], name: ReportFormFacts['name']): FormSection {
  const rows: string[][] = [];
  for (const event of history as IncidentEvent[]) {
    switch (event.type) {
      case 'PoliceDispatched':
        rows.push([at(event.data.dispatchedAt), `${name(event.data.unitOrganisationId)}出警`]);
        break;
      case 'PoliceArrived':
        rows.push([at(event.data.arrivedAt), '民警到达现场']);
        break;
      case 'DisturbanceStopped':
        rows.push([at(event.data.stoppedAt), '违法行为已制止']);
        break;
      case 'SceneCleared':
        rows.push([at(event.data.clearedAt), '现场清理完毕']);
        break;
      case 'IncidentReclassified': {
        const categories = event.data.after.categories.map((c) => label(LABELS.incidentCategory, c)).join('、') || '未定性';
        rows.push([at(event.data.reclassifiedAt), `重新定性：${categories}${event.data.reason ? `（${event.data.reason}）` : ''}`]);
        break;
      }
      case 'InjuryAppraised':
        rows.push([at(event.data.appraisedAt), `伤情鉴定：${label(LABELS.injuryGrade, event.data.grade)}`]);
        break;
      case 'IncidentLinkedToPoliceCase':
        rows.push([at(event.data.linkedAt), `转为案件办理（案件编号 ${event.data.policeCaseNumber}）`]);
        break;
      case 'IncidentLinkedToDispute':
        rows.push([at(event.data.linkedAt), `转医疗纠纷处理（纠纷编号 ${event.data.disputeCaseNumber}）`]);
        break;
      case 'IncidentClosed':
        rows.push([
          at(event.data.closedAt),
          `办结：${label(LABELS.incidentOutcome, event.data.outcome)}${event.data.note ? `（${event.data.note}）` : ''}`,
        ]);
        break;
      case 'IncidentReopened':
        rows.push([at(event.data.reopenedAt), `重新办理：${event.data.reason}`]);
        break;
      default:
        break;
    }
  }
  return {
    kind: 'table',
    heading: '五、处置措施',
    columns: ['时间', '措施'],
    weights: [1, 4],
    rows,
    notes: rows.length === 0 ? ['尚无处置记录。'] : [],
  };
}

/** 信息报送: every chain, every level the report reached, with who acknowledged it and when. */
function escalation(incident: ReportedIncident, name: ReportFormFacts['name']): FormSection {
  const rows: string[][] = [];
  for (const chain of Object.keys(ESCALATION_LEVELS) as EscalationChain[]) {
    const progress = incident.escalation[chain] ?? {};
    const levels = (ESCALATION_LEVELS[chain] as readonly string[]).filter((level) => progress[level]);
    if (levels.length === 0) {
      rows.push([LABELS.escalationChain[chain], NONE, NONE, NONE, NONE, '未报送']);
      continue;
    }
    for (const level of levels) {
      const p = progress[level]!;
      const addressee = incident.addressees[`${chain}:${level}`];
      const receiver = addressee ? name(addressee) : label(LABELS.escalationLevel, level);
      // Forwarded: the next level's row says when it arrived there.
      const state = p.forwardedAt ? '已转报' : p.acknowledgedAt ? '已签收' : '待签收';
      rows.push([
        LABELS.escalationChain[chain],
        receiver,
        at(p.receivedAt),
        at(p.acknowledgedAt),
        p.acknowledgedBy ? name(p.acknowledgedBy) : NONE,
        state,
      ]);
    }
  }
  const notes = Object.entries(incident.clocks).map(
    ([clock, progress]) =>
      `${label(LABELS.incidentClock, clock)}：${progress!.state === 'running' ? '计时中' : progress!.state === 'stopped' ? '已完成' : '已取消'}`,
  );
  return {
    kind: 'table',
    heading: '六、信息报送情况',
    columns: ['报送系统', '接收单位', '送达时间', '签收时间', '签收单位', '状态'],
    weights: [0.9, 1.7, 1.15, 1.15, 1.7, 0.7],
    rows,
    notes: notes.length > 0 ? [`法定时限：${notes.join('；')}。`] : [],
  };
}
