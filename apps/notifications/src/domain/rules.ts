import type { OrganisationKind, Role } from '@pingan/access';

/**
 * Who is told what, as data. A rule says which events it follows (context, type, and fields that
 * must hold), whom to tell (selectors the directory resolves: "the hospital's police office"),
 * how urgently, and whom to tell next when nobody acknowledged in time. An administrator
 * overrides a rule per region through the API (rules.controller.ts); the most specific region
 * containing the event's region wins.
 */

export const URGENCIES = ['immediate', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];
/** immediate > high > normal: a channel set to `high` gets immediate and high. */
export const urgencyRank = (u: Urgency): number => URGENCIES.length - URGENCIES.indexOf(u);

/**
 * The units a rule can name; each is resolved from the event and the access directory
 * (directory/who-is-who.ts):
 * - hospital: the hospital of the case (`data.hospitalId`);
 * - hospital_police_office: that hospital's 警务室;
 * - police_station: the station on duty for it (the police office's station, else the county's stations);
 * - county_health_commission / political_legal: the county's commission / 政法(综治) office;
 * - escalation_next_level: the body a report was forwarded to (`chain`, `toLevel`);
 * - responsible / supervisor: a clock's responsible unit and the body over it;
 * - case_units: the units working the case (its hospital, the police units dispatched to it).
 */
export const UNIT_SELECTORS = [
  'hospital',
  'hospital_police_office',
  'police_station',
  'county_health_commission',
  'political_legal',
  'escalation_next_level',
  'responsible',
  'supervisor',
  'case_units',
] as const;
export type UnitSelector = (typeof UNIT_SELECTORS)[number];

/** A unit, and optionally only the members holding one of `roles` (none: everybody in it). */
export interface Addressee {
  unit: UnitSelector;
  roles?: Role[];
}

/** An event this rule follows: its context (or any), its type, and data fields that must equal the given values. */
export interface Trigger {
  context?: string;
  type: string;
  where?: Record<string, string | number | boolean>;
}

export interface NotificationRule {
  id: string;
  description: string;
  on: Trigger[];
  addressees: Addressee[];
  urgency: Urgency;
  /** Not acknowledged within this many minutes: these addressees are told too (once). */
  escalation?: { afterMinutes: number; to: Addressee[] } | null;
  /** Addressees of these kinds get the link to the record; others only the message (high-risk persons: police only). */
  linkFor?: OrganisationKind[];
}

/** What an administrator may change for a region; anything left out stays as in the table. */
export interface RuleOverride {
  enabled?: boolean;
  urgency?: Urgency;
  addressees?: Addressee[];
  escalation?: { afterMinutes: number; to: Addressee[] } | null;
}

export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  {
    id: 'incident-reported',
    description: '一键报警或新警情：医院保卫处、医院警务室、辖区派出所立即知悉；未确认则报派出所所长',
    on: [{ context: 'incidents', type: 'IncidentReported' }],
    addressees: [
      { unit: 'hospital', roles: ['hospital_security_officer'] },
      { unit: 'hospital_police_office' },
      { unit: 'police_station', roles: ['police_dispatcher', 'police_case_officer'] },
    ],
    urgency: 'immediate',
    escalation: { afterMinutes: 3, to: [{ unit: 'police_station', roles: ['station_chief'] }] },
  },
  {
    id: 'incident-major',
    description: '定为重大事件：县级卫生健康委和政法（综治）部门立即知悉',
    on: [
      { context: 'incidents', type: 'IncidentReported', where: { major: true } },
      { context: 'incidents', type: 'IncidentReclassified', where: { majorAfter: true, majorBefore: false } },
    ],
    addressees: [{ unit: 'county_health_commission' }, { unit: 'political_legal' }],
    urgency: 'immediate',
  },
  {
    id: 'escalation-forwarded',
    description: '逐级上报：报告转至的上一级单位',
    on: [{ context: 'incidents', type: 'EscalationForwarded' }],
    addressees: [{ unit: 'escalation_next_level' }],
    urgency: 'high',
  },
  {
    id: 'deadline-warned',
    description: '时限预警：责任单位',
    on: [{ type: 'DeadlineWarned' }],
    addressees: [{ unit: 'responsible' }],
    urgency: 'high',
  },
  {
    id: 'deadline-breached',
    description: '超时：责任单位及其上级监督单位',
    on: [{ type: 'DeadlineBreached' }],
    addressees: [{ unit: 'responsible' }, { unit: 'supervisor' }],
    urgency: 'immediate',
  },
  {
    id: 'high-risk-arrival',
    description: '高风险人员预约或就诊比对命中：医院保卫处、医院警务室、辖区派出所（不含身份信息）',
    on: [{ context: 'high-risk-persons', type: 'ArrivalAlertRaised' }],
    addressees: [
      { unit: 'hospital', roles: ['hospital_security_officer'] },
      { unit: 'hospital_police_office' },
      { unit: 'police_station' },
    ],
    urgency: 'immediate',
    linkFor: ['police'],
  },
  {
    id: 'dispute-escalation-risk',
    description: '纠纷可能激化：辖区派出所和县级卫生健康委',
    on: [{ context: 'disputes', type: 'DisputeFlaggedAsEscalationRisk' }],
    addressees: [{ unit: 'police_station' }, { unit: 'county_health_commission' }],
    urgency: 'high',
  },
  {
    id: 'supervision-started',
    description: '督办：被督办单位',
    on: [{ context: 'oversight', type: 'SupervisionStarted' }],
    addressees: [{ unit: 'case_units' }],
    urgency: 'high',
  },
];

export const ruleById = (id: string): NotificationRule | undefined => NOTIFICATION_RULES.find((r) => r.id === id);

/** Does the trigger take this event? Field values compare by strict equality. */
export function triggers(trigger: Trigger, event: { context: string; type: string; data: Record<string, unknown> }): boolean {
  if (trigger.type !== event.type) return false;
  if (trigger.context && trigger.context !== event.context) return false;
  return Object.entries(trigger.where ?? {}).every(([field, value]) => event.data[field] === value);
}

/** The rule as it applies in a region: the table's, with the override (of the most specific region) on top. */
export function effectiveRule(rule: NotificationRule, override: RuleOverride | undefined): NotificationRule & { enabled: boolean } {
  if (!override) return { ...rule, enabled: true };
  return {
    ...rule,
    enabled: override.enabled ?? true,
    urgency: override.urgency ?? rule.urgency,
    addressees: override.addressees ?? rule.addressees,
    escalation: override.escalation === undefined ? rule.escalation : override.escalation,
  };
}
