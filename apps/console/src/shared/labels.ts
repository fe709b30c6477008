import type {
  ClaimKind,
  DisputeRoute,
  EscalationChain,
  HighRiskAdvice,
  HighRiskCategory,
  IncidentCategory,
  NoticeMethod,
  PartyRelation,
} from './api/views';

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

// 高风险就诊人员 (the door check shows these, never who the person is).
export const HIGH_RISK_CATEGORY_LABELS: Record<HighRiskCategory, string> = {
  threatened_violence: '扬言伤医',
  repeated_unreasonable_disturbance: '多次无理缠闹',
  drunk_or_on_drugs: '醉酒、吸毒',
  severe_mental_disorder_with_risk: '有肇事肇祸风险的严重精神障碍患者',
  violent_tendency: '有暴力倾向',
  repeated_petitions_or_extreme_behaviour: '多次信访、有极端行为',
};

export const HIGH_RISK_ADVICE_LABELS: Record<HighRiskAdvice, string> = {
  remind_staff: '提醒医务人员',
  security_escort: '安保陪诊',
  notify_police: '通知公安',
};

// 医疗纠纷 (the complaints officer's intake).
export const PARTY_RELATION_LABELS: Record<PartyRelation, string> = { patient: '患者本人', relative: '近亲属', agent: '代理人', other: '其他' };
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  compensation: '赔偿',
  apology: '赔礼道歉',
  explanation: '说明情况',
  accountability: '追究责任',
  other: '其他',
};
export const DISPUTE_ROUTE_LABELS: Record<DisputeRoute, string> = {
  negotiation: '双方协商',
  peoples_mediation: '人民调解',
  administrative_mediation: '行政调解',
  litigation: '诉讼',
};
export const NOTICE_METHOD_LABELS: Record<NoticeMethod, string> = { in_person: '当面告知', written: '书面告知', phone: '电话告知', other: '其他方式' };
export const DISPUTE_CLOCK_LABELS: Record<string, string> = {
  'dispute-risk-review': '风险研判',
  'peoples-mediation': '人民调解期限',
  'administrative-mediation': '行政调解期限',
};
