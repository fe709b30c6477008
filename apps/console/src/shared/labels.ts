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

import { LABELS, type LabelGroup } from '../../../../libs/contracts/src/labels';
import { ruleName } from '../../../../libs/contracts/src/rule-words';
import { EVENT_TITLES } from '../../../../libs/contracts/src/event-titles';

/**
 * The Chinese words of the API's enum values: the very table the API serves as `GET /meta/labels`
 * (libs/contracts/src/labels.ts), compiled in rather than fetched, so no screen waits for it and the console can
 * never show other words than the API. Typed by the generated enums, so a value the API adds or renames fails
 * to compile here. Only what the API has no group for (event names, contexts) is the console's own.
 */
export const apiLabel = (group: LabelGroup, value: string | null | undefined): string =>
  value == null ? '—' : ((LABELS[group] as Record<string, string>)[value] ?? value);

/** A clock's rule in words (the same families the API's notifications and returns use). */
export const ruleLabel = (rule: string): string => ruleName(rule) ?? rule;

export const CATEGORY_LABELS: Record<IncidentCategory, string> = LABELS.incidentCategory;

export const ROLE_LABELS: Record<string, string> = LABELS.role;

export const CHANNEL_LABELS: Record<string, string> = LABELS.incidentChannel;

export const OUTCOME_LABELS: Record<string, string> = LABELS.incidentOutcome;

export const CHAIN_LABELS: Record<EscalationChain, string> = LABELS.escalationChain;

export const LEVEL_LABELS: Record<string, string> = LABELS.escalationLevel;

export const CLOCK_LABELS: Record<string, string> = LABELS.incidentClock;

export const EVENT_LABELS: Record<string, string> = {
  // Oversight's words for the steps of every context (police cases, disputes…); the console's own below win.
  ...EVENT_TITLES,
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
  CallerDataErased: '报警人信息已按规定删除',
  DeadlineStarted: '时限开始',
  DeadlineMet: '时限达标',
  DeadlineWarned: '时限预警',
  DeadlineBreached: '时限超期',
  DeadlineLapsed: '期限届满',
  DeadlineCancelled: '时限取消',
  BreachEscalated: '超期督办',
  SupervisionStarted: '督办',
  NotificationAcknowledged: '签收通知',
};

export const CONTEXT_LABELS: Record<string, string> = {
  incidents: '警情',
  prosecution: '案件',
  disputes: '医疗纠纷',
  'high-risk-persons': '重点人员',
  oversight: '监督',
  notifications: '消息通知',
};

export const label = (labels: Record<string, string>, value: string | null | undefined): string =>
  value == null ? '—' : (labels[value] ?? value);

// 高风险就诊人员 (the door check shows these, never who the person is).
export const HIGH_RISK_CATEGORY_LABELS: Record<HighRiskCategory, string> = LABELS.highRiskCategory;

export const HIGH_RISK_ADVICE_LABELS: Record<HighRiskAdvice, string> = LABELS.highRiskAdvice;

// 医疗纠纷 (the complaints officer's intake).
export const PARTY_RELATION_LABELS: Record<PartyRelation, string> = LABELS.partyRelation;
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = LABELS.claimKind;
export const DISPUTE_ROUTE_LABELS: Record<DisputeRoute, string> = LABELS.disputeRoute;
export const NOTICE_METHOD_LABELS: Record<NoticeMethod, string> = LABELS.noticeMethod;
