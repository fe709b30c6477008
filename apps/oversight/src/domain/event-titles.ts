/**
 * The Chinese words for each event a case timeline shows, as the officials' forms name the
 * step (报案, 出警, 受案…). An event missing here still shows, under its code, until it is added.
 */
export const EVENT_TITLES: Readonly<Record<string, string>> = {
  // incidents (涉医警情)
  IncidentReported: '报告涉医警情',
  AlarmDetailsCompleted: '补录报警信息',
  PoliceDispatched: '指令出警',
  PoliceArrived: '民警到达现场',
  ArrivalAlertRaised: '到场超时预警',
  DisturbanceStopped: '现场制止',
  IncidentDisturbanceStopped: '现场制止',
  SceneCleared: '现场处置完毕',
  IncidentReclassified: '重新定性',
  IncidentClosed: '警情办结',
  IncidentReopened: '警情重新办理',
  IncidentLinkedToPoliceCase: '关联公安案件',
  IncidentLinkedToDispute: '关联医疗纠纷',
  IncidentClockStarted: '开始计时',
  IncidentClockStopped: '计时结束',
  IncidentClockCancelled: '计时取消',
  EscalationSubmitted: '逐级上报',
  EscalationAcknowledged: '上报已签收',
  EscalationForwarded: '上报已转报上级',
  // police cases, procuratorate, court
  CaseAccepted: '公安机关受案',
  CaseConvertedToCriminal: '转为刑事案件',
  CriminalCaseFiled: '刑事立案',
  CaseTransferred: '案件移交',
  SuspectAdded: '增列违法犯罪嫌疑人',
  InvestigationNoteAdded: '记录侦查工作',
  InjuryAppraised: '伤情鉴定',
  AdministrativePenaltyDecided: '作出行政处罚决定',
  CompulsoryMeasureImposed: '采取刑事强制措施',
  ArrestApprovalRequested: '提请批准逮捕',
  ArrestRequestPeriodExtended: '延长提请批准逮捕期限',
  ArrestApprovalDecided: '作出批准逮捕决定',
  CaseTransferredForProsecution: '移送审查起诉',
  ProsecutorDesignated: '指定承办检察官',
  ProsecutionReviewExtended: '延长审查起诉期限',
  SuspectsIndicted: '提起公诉',
  NonProsecutionDecided: '作出不起诉决定',
  FirstInstanceTrialStarted: '一审开庭',
  FirstInstanceVerdictDelivered: '一审宣判',
  AppealFiled: '上诉 / 抗诉',
  FinalJudgementRecorded: '判决生效',
  MinistrySystemEntryRecorded: '录入公安部系统',
  // medical disputes (医疗纠纷)
  DisputeOpened: '受理医疗纠纷',
  DisputeLinkedToIncident: '关联涉医警情',
  ResolutionRoutesNotified: '告知解决途径',
  DisputeFlaggedAsEscalationRisk: '列为矛盾激化风险',
  DisputeEscalationRiskCleared: '解除矛盾激化风险',
  RiskReviewRecorded: '记录风险研判',
  NegotiatedSettlementReached: '双方协商达成一致',
  MediationReferred: '申请调解',
  MediationRefusedByPatientSide: '患方拒绝调解',
  MediationAccepted: '受理调解',
  MediationSessionHeld: '召开调解会',
  MediationExtended: '延长调解期限',
  MediationAgreed: '达成调解协议',
  MediationFailed: '调解不成',
  AgreementJudiciallyConfirmed: '调解协议司法确认',
  AgreementPerformed: '协议履行完毕',
  CompensationPaid: '支付赔偿',
  AppraisalRequested: '申请鉴定',
  AppraisalCompleted: '鉴定结果',
  LiabilityDetermined: '确定责任',
  LitigationFiled: '提起诉讼',
  DisputeHandedOver: '纠纷移交',
  DisputeClosed: '纠纷办结',
  // high-risk persons (重点人员; police only)
  PersonRegistered: '登记重点人员',
  FlagProposed: '提请列为重点人员',
  FlagApproved: '审核列为重点人员',
  FlagRejected: '未通过审核',
  FlagRenewed: '延续重点人员管理',
  FlagRemoved: '移出重点人员',
  FlagExpired: '重点人员管理到期',
  PersonErased: '删除重点人员信息',
  HighRiskWarningIssued: '发出重点人员预警',
  HighRiskCheckRecorded: '记录重点人员核查',
  WarningGiven: '训诫 / 警示',
  StabilisationTaskAssigned: '布置稳控任务',
  StabilisationTaskCompleted: '完成稳控任务',
  TreatmentArranged: '安排救治',
  // deadlines (法定时限), oversight (督办), notifications
  DeadlineStarted: '时限开始',
  DeadlineWarned: '时限即将到期',
  DeadlineMet: '按时完成',
  DeadlineBreached: '超过时限',
  DeadlineLapsed: '期限届满',
  DeadlinePaused: '时限暂停',
  DeadlineResumed: '时限恢复',
  DeadlineExtended: '时限延长',
  DeadlineRescheduled: '时限调整',
  DeadlineReopened: '时限重新计算',
  DeadlineCancelled: '时限取消',
  BreachEscalated: '超时上报督办',
  BreachEscalationWithdrawn: '撤回超时督办',
  SupervisionStarted: '启动督办',
  SupervisionProgressRecorded: '记录督办进展',
  SupervisionProgressReported: '报告督办进展',
  SupervisionClosed: '督办办结',
  ListedSupervisionStarted: '挂牌督办',
  ListedSupervisionRemoved: '撤销挂牌督办',
  NotificationAcknowledged: '通知已签收',
  // security ledger (医院安全秩序管理工作台账)
  SecurityProfileFiled: '填报安全台账',
  SelfInspectionReturnSet: '部署安全自查填报',
  SelfInspectionReturnFiled: '提交安全自查填报',
};

/** Which service a timeline line comes from, as officials call them. */
export const CONTEXT_TITLES: Readonly<Record<string, string>> = {
  incidents: '涉医警情',
  prosecution: '公安案件 / 诉讼',
  disputes: '医疗纠纷',
  'high-risk-persons': '重点人员',
  oversight: '监督督办',
  notifications: '通知',
  'security-ledger': '安全秩序管理台账',
};

export const eventTitle = (type: string): string => EVENT_TITLES[type] ?? type;

/**
 * A deadline rule in words. Rule names are slugs a region may vary ('police-arrival-3min'), so
 * the known families are named and the slug kept in brackets; an unknown rule shows as itself.
 */
const RULE_FAMILIES: readonly [RegExp, string][] = [
  [/arrival/, '民警到场时限'],
  [/national-report/, '12小时内报告国家卫健委'],
  [/^peoples-mediation/, '人民调解期限'],
  [/^administrative-mediation/, '行政调解期限'],
  [/^dispute-risk-review/, '纠纷风险研判期限'],
  [/^supervision/, '督办期限'],
  [/^self-inspection-return/, '安全自查填报期限'],
];
export function ruleWords(rule: string): string {
  const family = RULE_FAMILIES.find(([pattern]) => pattern.test(rule));
  return family ? `${family[1]}（${rule}）` : rule;
}
