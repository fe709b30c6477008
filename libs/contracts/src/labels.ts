/**
 * The Chinese words for every coded value the API takes or answers with, in one place, so that
 * the console, a hospital's system and a police system all show the same 暴力伤医 for
 * `assault_on_staff`. Served as `GET /meta/labels`; a test checks that every enum of the OpenAPI
 * document has a group here that names each of its values. Add the words when adding a value.
 */
import type { HighRiskAdvice, HighRiskCategory } from './high-risk-persons.js';
import type {
  CasualtyGroup,
  EscalationChain,
  IncidentCategory,
  IncidentChannel,
  IncidentClock,
  IncidentOutcome,
  InjuryGrade,
} from './incidents.js';
import type { InspectionKind, RectificationItemStatus, ScreeningEquipment, SelfInspectionFilingStatus } from './security-ledger.js';
import type { AssessmentItemKind } from './security-assessment.js';

type Labels<K extends string> = Readonly<Record<K, string>>;

/** 安全台账: what each kind of standard requires (the assessment's items score the same kinds). */
const SECURITY_REQUIREMENT_KIND_WORDS = {
  guards: '保安员配备',
  guards_certified: '保安员持证上岗',
  screening: '入院安检',
  police_office: '警务室设置',
  police_office_staffing: '警务室人员配置',
  one_key_alarm: '一键式报警',
  alarm_to_police: '报警接入公安机关',
  video_coverage: '视频监控覆盖',
  video_retention: '高清监控与存储',
  drills: '应急预案与演练',
} as const;

export const LABELS = {
  // access directory
  organisationKind: {
    hospital: '医疗机构',
    police: '公安机关',
    health_commission: '卫生健康委员会',
    mediation_committee: '医疗纠纷人民调解委员会',
    procuratorate: '人民检察院',
    court: '人民法院',
    political_legal: '政法委（综治）',
  },
  role: {
    hospital_security_officer: '医院安保人员',
    hospital_complaints_officer: '医院投诉管理人员',
    police_dispatcher: '公安接处警人员',
    police_case_officer: '公安办案民警',
    station_chief: '派出所所长',
    mediator: '人民调解员',
    health_commission_official: '卫生健康委工作人员',
    prosecutor: '检察官',
    judge: '法官',
    political_legal_officer: '政法委（综治）工作人员',
    system_administrator: '系统管理员',
  },
  hospitalLevel: { 一级: '一级医院', 二级: '二级医院', 三级: '三级医院' },
  hospitalOwnership: { public: '公立', private: '民营' },
  policeUnitType: { station: '派出所', bureau: '分局 / 县局', city_bureau: '市公安局', hospital_police_office: '医院警务室' },
  healthCommissionLevel: { county: '县级', city: '市级', province: '省级', national: '国家级' },

  // incidents (涉医警情)
  incidentChannel: {
    call_110: '110报警',
    hospital_report: '医疗机构报警',
    one_key_alarm: '一键式报警',
    patrol: '巡逻发现',
  } satisfies Labels<IncidentChannel>,
  incidentCategory: {
    assault_on_staff: '暴力伤医',
    threat_intimidation_insult: '威胁、恐吓、侮辱医务人员',
    unlawful_restraint: '非法限制医务人员人身自由',
    crowd_disturbance: '聚众滋事',
    funeral_rite_disturbance: '违规停尸、设灵堂、摆花圈、烧纸钱',
    carrying_weapons: '携带管制器具、危险物品',
    bed_occupation: '长期霸床',
    other: '其他',
  } satisfies Labels<IncidentCategory>,
  casualtyGroup: { staff: '医务人员', patients: '患方', perpetrators: '行为人', bystanders: '其他人员' } satisfies Labels<CasualtyGroup>,
  injuryGrade: { serious: '重伤', light: '轻伤', slight: '轻微伤', none: '未达轻微伤' } satisfies Labels<InjuryGrade>,
  incidentOutcome: {
    handed_to_police_case: '转为案件办理',
    referred_to_dispute: '转医疗纠纷处理',
    resolved_on_scene: '现场处置完毕',
    unfounded: '不实警情',
  } satisfies Labels<IncidentOutcome>,
  escalationChain: { health: '卫生健康系统', police: '公安系统', political_legal: '政法综治' } satisfies Labels<EscalationChain>,
  escalationLevel: {
    county: '县级卫生健康委',
    city: '市级卫生健康委',
    province: '省级卫生健康委',
    national: '国家卫生健康委',
    bureau: '分局 / 县局',
    city_bureau: '市公安局',
    local: '本地综治组织',
  },
  incidentClock: {
    police_arrival: '民警到场时限',
    immediate_local_report: '立即报告县级卫健委和综治',
    national_report: '12小时内报告国家卫健委',
    county_forward: '县级卫健委转报市级',
    city_forward: '市级卫健委转报省级',
    province_forward: '省级卫健委报告国家卫健委',
  } satisfies Labels<IncidentClock>,
  /** GET /incidents/:caseNumber/report-form?format= (涉医案事件信息报送表). */
  reportFormat: { html: '网页（可打印）', pdf: 'PDF 文件' },
  /** Incidents, disputes, supervisions. */
  caseStatus: { open: '办理中', closed: '已办结' },

  // police cases, procuratorate, court
  policeCaseKind: { administrative: '行政案件', criminal: '刑事案件' },
  policeCaseStage: {
    accepted: '已受案',
    filed: '已立案',
    under_review: '审查起诉中',
    supplementary_investigation: '退回补充侦查中',
    indicted: '已提起公诉',
    not_prosecuted: '不起诉',
    on_trial: '审判中',
    judged: '已判决',
    final: '判决已生效',
  },
  penaltyKind: { warning: '警告', fine: '罚款', administrative_detention: '行政拘留' },
  compulsoryMeasure: {
    summons: '拘传',
    bail: '取保候审',
    residential_surveillance: '监视居住',
    criminal_detention: '刑事拘留',
    arrest: '逮捕',
  },
  arrestRequestExtensionGround: { special_circumstances: '特殊情况', roving: '流窜作案', serial: '多次作案', gang: '结伙作案' },
  arrestDecisionOutcome: { approved: '批准逮捕', not_approved: '不批准逮捕' },
  reviewExtensionGround: { major: '重大案件', complex: '复杂案件' },
  principalSentence: {
    exempted: '免予刑事处罚',
    fine_only: '单处罚金',
    public_surveillance: '管制',
    criminal_detention: '拘役',
    fixed_term_imprisonment: '有期徒刑',
    life_imprisonment: '无期徒刑',
    death: '死刑',
  },
  verdict: { guilty: '有罪', not_guilty: '无罪' },
  appellant: { defendant: '被告人上诉', procuratorate: '人民检察院抗诉' },
  courtDecisionKind: { judgement: '判决', ruling: '裁定' },
  // 治安案件 (public-security cases)
  publicSecurityMediationOutcome: { agreement_reached: '治安调解达成协议', failed: '治安调解未达成协议' },

  // medical disputes (医疗纠纷)
  partyRelation: { patient: '患者本人', relative: '近亲属', agent: '代理人', other: '其他' },
  claimKind: { compensation: '赔偿', apology: '赔礼道歉', explanation: '说明情况', accountability: '追究责任', other: '其他' },
  disputeRoute: { negotiation: '双方协商', peoples_mediation: '人民调解', administrative_mediation: '行政调解', litigation: '诉讼' },
  noticeMethod: { in_person: '当面告知', written: '书面告知', phone: '电话告知', other: '其他方式' },
  attendeeSide: { patient: '患方', hospital: '医方', mediator: '调解员', other: '其他' },
  mediationFailureReason: {
    no_agreement: '未达成协议',
    party_withdrew: '当事人退出调解',
    not_accepted: '不予受理',
    litigation_accepted: '已被法院受理诉讼，终止调解',
    other: '其他',
  },
  appraisalKind: { medical_damage: '医疗损害鉴定', medical_accident: '医疗事故技术鉴定' },
  appraisalOutcome: { concluded: '鉴定完成', terminated: '鉴定终止' },
  liability: { full: '全部责任', primary: '主要责任', equal: '同等责任', secondary: '次要责任', minor: '轻微责任', none: '无责任' },
  payer: { hospital: '医疗机构', insurer: '保险机构' },
  riskLevel: { low: '低风险', medium: '中风险', high: '高风险' },
  disputeOutcome: {
    agreement_performed: '协议已履行',
    resolved_without_compensation: '未经赔偿化解',
    judgment: '法院判决',
    withdrawn: '撤回',
    other: '其他',
  },
  disputeOrigin: { complaint: '患方投诉', incident: '涉医警情转入' },
  mediationPhase: { referred: '已申请调解', accepted: '调解中', agreed: '已达成调解协议', failed: '调解不成', withdrawn: '已撤回调解申请' },

  // high-risk persons (重点人员)
  highRiskCategory: {
    threatened_violence: '扬言伤医',
    repeated_unreasonable_disturbance: '多次无理缠闹',
    drunk_or_on_drugs: '醉酒、吸毒',
    severe_mental_disorder_with_risk: '有肇事肇祸风险的严重精神障碍患者',
    violent_tendency: '有暴力倾向',
    repeated_petitions_or_extreme_behaviour: '多次信访、有极端行为',
  } satisfies Labels<HighRiskCategory>,
  highRiskAdvice: { remind_staff: '提醒医务人员', security_escort: '安保陪诊', notify_police: '通知公安' } satisfies Labels<HighRiskAdvice>,
  highRiskStatus: { proposed: '待审核', active: '在册', rejected: '未通过审核', removed: '已移出', expired: '已到期', erased: '已删除' },
  warningKind: { reprimand: '训诫', warning: '警示', legal_education: '法制教育' },
  taskKind: { stabilisation: '稳控', help: '帮扶', counselling: '心理疏导' },
  assigneeKind: { community: '社区', police: '公安' },
  treatmentArrangement: { outpatient_follow_up: '门诊随访', hospitalisation: '住院治疗', community_management: '社区管理' },

  // oversight (督办)
  inboxScope: { mine: '本单位待办', region: '本辖区' },
  deadlineState: {
    running: '计时中',
    warned: '即将到期',
    paused: '已暂停',
    met: '按时完成',
    breached: '已超时',
    cancelled: '已取消',
    lapsed: '期限届满',
  },

  // access directory lists
  activeStatus: { active: '启用', inactive: '停用' },

  // notifications (通知)
  notificationStatus: { unread: '未读', read: '已读', acknowledged: '已签收' },
  deliveryStatus: { pending: '待发送', delivered: '已送达', dead: '发送失败' },
  notificationAddressee: {
    hospital: '医院保卫处',
    hospital_police_office: '医院警务室',
    police_station: '辖区派出所',
    county_health_commission: '县级卫生健康委',
    political_legal: '政法委（综治）',
    escalation_next_level: '上一级接收单位',
    responsible: '责任单位',
    supervisor: '监督单位',
    case_units: '案件相关单位',
  },
  urgency: { immediate: '立即', high: '紧急', normal: '一般' },
  channelKind: { webhook: 'Webhook 推送', wecom: '企业微信群机器人', dingtalk: '钉钉群机器人', email: '电子邮件', sms: '短信' },

  // security ledger (医院安全秩序管理工作台账)
  screeningEquipment: {
    walk_through_metal_detector: '通过式金属探测门',
    x_ray_baggage_scanner: '微剂量X射线安全检查设备',
    handheld_metal_detector: '手持式金属探测器',
    liquid_detector: '液态危险化学品探测仪',
  } satisfies Labels<ScreeningEquipment>,
  securityRequirementStatus: { met: '达标', not_met: '未达标', unknown: '待核实（未填报）', not_applicable: '不适用' },
  securityCompliance: { compliant: '达标', non_compliant: '未达标', incomplete: '待补充', not_filed: '未填报' },
  securityStandardScope: { national: '国家标准', regional: '地方标准' },
  securityRequirementKind: SECURITY_REQUIREMENT_KIND_WORDS,
  selfInspectionFilingStatus: {
    on_time: '按时填报',
    late: '逾期填报',
    missing: '逾期未报',
    pending: '待填报',
  } satisfies Labels<SelfInspectionFilingStatus>,
  // the annual 平安医院 assessment (考评): what a scoring sheet's item scores
  assessmentItemKind: {
    ...SECURITY_REQUIREMENT_KIND_WORDS,
    training: '安全防范教育培训',
    liability_insurance: '医疗责任保险',
  } satisfies Labels<AssessmentItemKind>,
  inspectionKind: { inspection: '检查', supervision: '督导' } satisfies Labels<InspectionKind>,
  rectificationItemStatus: {
    issued: '待整改',
    reported: '已报整改，待核验',
    sent_back: '退回重改',
    signed_off: '已销号',
  } satisfies Labels<RectificationItemStatus>,

  // operations
  healthStatus: { ok: '正常', degraded: '部分降级', up: '正常', down: '不可用', error: '异常', shutting_down: '正在停止' },
} as const satisfies Record<string, Labels<string>>;

export type LabelGroup = keyof typeof LABELS;
