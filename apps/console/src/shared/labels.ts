import type { EscalationChain, IncidentCategory } from './api/views';

/**
 * The Chinese words of the API's enum values (DOMAIN.md). The API does not publish labels yet; when it does,
 * these come from it. Typed by the generated enums, so a value the API adds or renames fails to compile here.
 */
export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  assault_on_staff: '暴力伤医',
  threat_intimidation_insult: '威胁恐吓侮辱医务人员',
  unlawful_restraint: '非法限制人身自由',
  crowd_disturbance: '聚众滋事',
  funeral_rite_disturbance: '违规停尸设灵堂',
  carrying_weapons: '携带管制器具危险物品',
  bed_occupation: '长期霸床',
  other: '其他',
};

export const ROLE_LABELS: Record<string, string> = {
  hospital_security_officer: '保卫处',
  hospital_complaints_officer: '投诉办',
  police_dispatcher: '接警调度',
  police_case_officer: '办案民警',
  station_chief: '所长',
  mediator: '调解员',
  health_commission_official: '卫健委',
  prosecutor: '检察官',
  judge: '法官',
  political_legal_officer: '政法委',
  system_administrator: '系统管理员',
};

export const CHANNEL_LABELS: Record<string, string> = {
  call_110: '110 报警',
  hospital_report: '医院报警',
  one_key_alarm: '一键报警',
  patrol: '巡逻发现',
};

export const OUTCOME_LABELS: Record<string, string> = {
  handed_to_police_case: '转为案件办理',
  referred_to_dispute: '转医疗纠纷处理',
  resolved_on_scene: '现场处置完毕',
  unfounded: '不实警情',
};

export const CHAIN_LABELS: Record<EscalationChain, string> = {
  health: '卫生健康系统',
  police: '公安系统',
  political_legal: '政法综治',
};

export const LEVEL_LABELS: Record<string, string> = {
  county: '区县卫健委',
  city: '市卫健委',
  province: '省卫健委',
  national: '国家卫健委',
  bureau: '公安分局',
  city_bureau: '市公安局',
  local: '属地综治中心',
};

export const CLOCK_LABELS: Record<string, string> = {
  police_arrival: '民警到场时限',
  immediate_local_report: '立即报告（区卫健委、综治）',
  national_report: '12 小时内报告国家卫健委',
  county_forward: '区县卫健委转报市卫健委',
  city_forward: '市卫健委转报省卫健委',
  province_forward: '省卫健委报告国家卫健委',
};

export const EVENT_LABELS: Record<string, string> = {
  IncidentReported: '接报警情',
  AlarmDetailsCompleted: '补录报警详情',
  IncidentReclassified: '重新定性',
  InjuryAppraised: '伤情鉴定',
  PoliceDispatched: '出警',
  PoliceArrived: '民警到场',
  DisturbanceStopped: '违法行为已制止',
  SceneCleared: '现场清理完毕',
  EscalationSubmitted: '上报',
  EscalationAcknowledged: '签收',
  EscalationForwarded: '转报',
  IncidentClockStarted: '时限开始计时',
  IncidentClockStopped: '时限完成',
  IncidentClockCancelled: '时限取消',
  IncidentClosed: '办结',
  IncidentReopened: '重新打开',
  IncidentLinkedToPoliceCase: '关联刑事/治安案件',
  IncidentLinkedToDispute: '关联医疗纠纷',
  DeadlineStarted: '时限开始',
  DeadlineMet: '时限达标',
  DeadlineWarned: '时限预警',
  DeadlineBreached: '时限超期',
  DeadlineLapsed: '期限届满',
  DeadlineCancelled: '时限取消',
  BreachEscalated: '超期督办',
  SupervisionStarted: '督办',
};

export const CONTEXT_LABELS: Record<string, string> = {
  incidents: '警情',
  prosecution: '案件',
  disputes: '医疗纠纷',
  'high-risk-persons': '重点人员',
  oversight: '监督',
};

export const label = (labels: Record<string, string>, value: string | null | undefined): string =>
  value == null ? '—' : (labels[value] ?? value);
