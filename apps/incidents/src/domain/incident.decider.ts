import {
  CASUALTY_GROUPS,
  ESCALATION_LEVELS,
  INCIDENT_OUTCOMES,
  INJURY_GRADE_COUNT,
  INJURY_GRADES,
  parseCaseNumber,
  type EscalationChain,
  type EscalationLevel,
  type IncidentClassification,
  type IncidentClock,
  type IncidentClockStartedData,
  type IncidentEvent,
  type IncidentIntake,
  type IncidentParticulars,
  type CallerDetails,
  type RecordedCaller,
  type SealedField,
} from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import type { CommandMetadata, FieldError } from '@pingan/platform';
import { isMajor, normaliseClassification, sameClassification, UNCLASSIFIED, type ClassificationInput } from './incident.classification.js';
import type { IncidentCommand, IntakeInput, ReportIncident } from './incident.commands.js';
import {
  IncidentConflictError,
  IncidentForbiddenError,
  IncidentNotFoundError,
  IncidentRuleError,
  IncidentValidationError,
} from './incident.errors.js';
import { evolve, initialState, nextLevel, type IncidentState, type ReportedIncident } from './incident.state.js';
import { DEFAULT_INCIDENT_DEADLINE_SETTINGS, INCIDENT_RULES, policeArrivalRule, type IncidentDeadlineSettings } from './deadline-rules.js';

// ---------------------------------------------------------------------------------------------
// Small checks
// ---------------------------------------------------------------------------------------------

const iso = (instant: Date): string => instant.toISOString();
const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';
const optionalText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function invalid(field: string, message: string): never {
  throw new IncidentValidationError('INCIDENT.INVALID_INPUT', message, [{ field, code: 'invalid', message }]);
}

function requiredText(value: unknown, field: string): string {
  if (isBlank(value)) invalid(field, `${field} is required`);
  return (value as string).trim();
}

/** A time something happened: a real instant, not after now. */
function pastInstant(value: unknown, field: string, at: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) invalid(field, `${field} must be an instant`);
  if (value > at) throw new IncidentRuleError('INCIDENT.TIME_IN_FUTURE', `${field} ${iso(value)} is after now (${iso(at)})`);
  return value;
}

/** When a step happened: as the pipeline checked it, else as the data says, else now. */
const stated = (metadata: CommandMetadata, value: Date | undefined): Date => metadata.occurredAt ?? value ?? metadata.now;

function notBefore(time: Date, earliest: string | null, what: string): void {
  if (earliest !== null && time.getTime() < Date.parse(earliest)) {
    throw new IncidentRuleError('INCIDENT.TIME_OUT_OF_ORDER', `${what} (${iso(time)}) cannot be before ${earliest}`);
  }
}

function requireReported(state: IncidentState): ReportedIncident {
  if (state.status === 'none') throw new IncidentNotFoundError();
  return state;
}

/** Amendments need an open incident: a closed one must be reopened (with a reason) first. */
function requireOpen(state: IncidentState): ReportedIncident {
  const incident = requireReported(state);
  if (incident.status === 'closed') {
    throw new IncidentConflictError('INCIDENT.ALREADY_CLOSED', `Incident ${incident.ref.caseNumber} is closed: reopen it first`);
  }
  return incident;
}

function classificationOf(input: ClassificationInput, field: string): IncidentClassification {
  const result = normaliseClassification(input, field);
  if (result.classification === null) {
    throw new IncidentValidationError('INCIDENT.INVALID_CLASSIFICATION', 'The classification is not valid', result.errors);
  }
  return result.classification;
}

/** What a hospital must state when it reports: parties, concrete behaviour, injuries [S3 二(二)]. */
function particularsOf(
  input: { partiesCount?: unknown; behaviour?: unknown; anyoneInjured?: unknown; description?: unknown },
  prefix: string,
): IncidentParticulars {
  const errors: FieldError[] = [];
  const { partiesCount, behaviour, anyoneInjured } = input;
  if (typeof partiesCount !== 'number' || !Number.isSafeInteger(partiesCount) || partiesCount < 1) {
    errors.push({ field: `${prefix}partiesCount`, code: 'required', message: 'The number of parties (当事方人数), 1 or more' });
  }
  if (isBlank(behaviour)) {
    errors.push({ field: `${prefix}behaviour`, code: 'required', message: 'The concrete behaviour (具体行为)' });
  }
  if (typeof anyoneInjured !== 'boolean') {
    errors.push({ field: `${prefix}anyoneInjured`, code: 'required', message: 'Whether anyone is injured (有无人员受伤)' });
  }
  if (errors.length > 0) {
    throw new IncidentValidationError(
      'INCIDENT.REPORT_INCOMPLETE',
      'A hospital report must state the number of parties, the concrete behaviour and whether anyone is injured',
      errors,
    );
  }
  return {
    partiesCount: partiesCount as number,
    behaviour: (behaviour as string).trim(),
    anyoneInjured: anyoneInjured as boolean,
    description: optionalText(input.description),
  };
}

/** The caller's details as recorded: blank parts are absent (null). */
export function callerDetailsOf(caller: { name?: string; phone?: string } | undefined): CallerDetails {
  return { name: optionalText(caller?.name), phone: optionalText(caller?.phone) };
}

/** Sealed when the service sealed them (only the seal is recorded); else as given. */
function recordedCaller(caller: { name?: string; phone?: string; sealed?: SealedField } | undefined): RecordedCaller {
  return caller?.sealed ? { sealed: caller.sealed } : callerDetailsOf(caller);
}

function incomplete(field: string, message: string): never {
  throw new IncidentValidationError('INCIDENT.REPORT_INCOMPLETE', message, [{ field, code: 'required', message }]);
}

function intakeOf(intake: IntakeInput, occurredAt: Date, at: Date): IncidentIntake {
  switch (intake?.channel) {
    case 'call_110': {
      if (isBlank(intake.description)) incomplete('intake.description', 'What is happening, as the caller says');
      const callReceivedAt = pastInstant(intake.callReceivedAt, 'intake.callReceivedAt', at);
      // The call reports something that has already begun.
      if (occurredAt > callReceivedAt) {
        throw new IncidentRuleError('INCIDENT.TIME_OUT_OF_ORDER', 'The incident cannot have occurred after the 110 call');
      }
      return {
        channel: 'call_110',
        callReceivedAt: iso(callReceivedAt),
        caller: recordedCaller(intake.caller),
        description: intake.description.trim(),
      };
    }
    case 'hospital_report':
      return { channel: 'hospital_report', location: optionalText(intake.location), ...particularsOf(intake, 'intake.') };
    case 'one_key_alarm':
      // Hospital, location and time only: the particulars follow (CompleteAlarmDetails).
      if (isBlank(intake.location)) incomplete('intake.location', 'Where the alarm was raised');
      return { channel: 'one_key_alarm', location: intake.location.trim(), deviceId: optionalText(intake.deviceId) };
    case 'patrol':
      if (isBlank(intake.description)) incomplete('intake.description', 'What the patrol found');
      return { channel: 'patrol', location: optionalText(intake.location), description: intake.description.trim() };
    default:
      return invalid('intake.channel', 'Unknown intake channel');
  }
}

function levelOf(chain: unknown, level: unknown, field: string): { chain: EscalationChain; level: EscalationLevel } {
  if (typeof chain !== 'string' || !Object.hasOwn(ESCALATION_LEVELS, chain)) invalid('chain', 'Unknown escalation chain');
  const levels: readonly string[] = ESCALATION_LEVELS[chain as EscalationChain];
  if (typeof level !== 'string' || !levels.includes(level)) invalid(field, `Unknown level on the ${chain} chain`);
  return { chain: chain as EscalationChain, level: level as EscalationLevel };
}

// ---------------------------------------------------------------------------------------------
// Clocks: the decider says when a clock starts, stops or is cancelled; the service layer runs it.
// ---------------------------------------------------------------------------------------------

/** The levels of the health chain that forward, each with its own clock (the national one receives). */
const FORWARDING_LEVELS = ['county', 'city', 'province'] as const;
const FORWARD_CLOCK = { county: 'county_forward', city: 'city_forward', province: 'province_forward' } as const satisfies Record<
  (typeof FORWARDING_LEVELS)[number],
  IncidentClock
>;

const REPORT_CLOCKS = [
  'immediate_local_report',
  'national_report',
  ...Object.values(FORWARD_CLOCK),
] as const satisfies readonly IncidentClock[];

/** The body at 'chain:level' as the directory named it, or null. */
const addresseeOf = (incident: ReportedIncident, chain: EscalationChain, level: string): string | null =>
  incident.addressees[`${chain}:${level}`] ?? null;

function startClock(
  incident: ReportedIncident,
  clock: IncidentClock,
  rule: string,
  startedAt: string,
  responsibleOrganisationId: string,
  supervisingOrganisationId: string | null,
  trigger: IncidentClockStartedData['trigger'],
): IncidentEvent {
  // A clock can start again (major → not major → major): each start gets its own deadline id.
  const generation = (incident.clocks[clock]?.generation ?? 0) + 1;
  return {
    type: 'IncidentClockStarted',
    data: {
      ...incident.ref,
      deadlineId: `${incident.ref.caseNumber}:${clock}:${generation}`,
      clock,
      rule,
      startedAt,
      responsibleOrganisationId,
      // Only when known, so events of reporters who did not name it keep their shape.
      ...(supervisingOrganisationId !== null ? { supervisingOrganisationId } : {}),
      trigger,
    },
  };
}

/**
 * Both report clocks run from when the incident occurred [S3 五(二)], whenever it became major.
 * Each is one body's own duty, so nobody is late for another's delay: the hospital's to report to
 * the county commission and the local 综治 (supervised by the county commission); the 12 hours are
 * the national commission's to have the report (each level's forwarding has its own clock).
 */
const startReportClocks = (incident: ReportedIncident, trigger: 'reported_major' | 'reclassified_major'): IncidentEvent[] => [
  startClock(
    incident,
    'immediate_local_report',
    INCIDENT_RULES.immediateLocalReport,
    incident.occurredAt,
    incident.ref.hospitalId,
    addresseeOf(incident, 'health', 'county'),
    trigger,
  ),
  startClock(
    incident,
    'national_report',
    INCIDENT_RULES.nationalReport,
    incident.occurredAt,
    addresseeOf(incident, 'health', 'national') ?? incident.ref.hospitalId,
    null,
    trigger,
  ),
];

function cancelRunningClocks(
  incident: ReportedIncident,
  clocks: readonly IncidentClock[],
  reason: 'no_longer_major' | 'incident_closed',
  at: Date,
): IncidentEvent[] {
  return clocks.flatMap((clock): IncidentEvent[] => {
    const progress = incident.clocks[clock];
    if (progress?.state !== 'running') return [];
    return [
      { type: 'IncidentClockCancelled', data: { ...incident.ref, deadlineId: progress.deadlineId, clock, cancelledAt: iso(at), reason } },
    ];
  });
}

/** When the work a clock waits for was done, or null while it is not. */
function completionOf(incident: ReportedIncident, clock: IncidentClock): string | null {
  const health = incident.escalation.health;
  switch (clock) {
    case 'police_arrival':
      return incident.police.arrivedAt;
    case 'immediate_local_report': {
      // The hospital's duty: the report has reached both the county commission AND the local 综治.
      const county = health.county?.receivedAt ?? null;
      const politicalLegal = incident.escalation.political_legal.local?.receivedAt ?? null;
      return county !== null && politicalLegal !== null ? later(county, politicalLegal) : null;
    }
    case 'national_report':
      // Met when the report reaches the national commission, not when it gets round to acknowledging.
      return health.national?.receivedAt ?? null;
    case 'county_forward':
      return health.county?.forwardedAt ?? null;
    case 'city_forward':
      return health.city?.forwardedAt ?? null;
    case 'province_forward':
      return health.province?.forwardedAt ?? null;
  }
}

/**
 * Appends to `events` a stop for every running clock whose work is done once they apply.
 * So a report reaching its level stops its clock, and a clock started after the work was already
 * done (a late reclassification to major) starts and stops at once, met when the work was done.
 */
function withClockStops(state: IncidentState, events: IncidentEvent[]): IncidentEvent[] {
  const next = events.reduce(evolve, state);
  if (next.status === 'none') return events;
  const stops = (Object.keys(next.clocks) as IncidentClock[]).flatMap((clock): IncidentEvent[] => {
    const progress = next.clocks[clock]!;
    const completedAt = completionOf(next, clock);
    if (progress.state !== 'running' || completedAt === null) return [];
    return [{ type: 'IncidentClockStopped', data: { ...next.ref, deadlineId: progress.deadlineId, clock, completedAt } }];
  });
  return [...events, ...stops];
}

/**
 * What a major incident's reporting duties add to `events` (after they apply): the report to the
 * county commission and the local 综治, made by itself in the hospital's name where nobody has made
 * it yet [S3 五(二)]; a clock for each commission holding the report until it forwards it (the one
 * above supervises); and the stops of whatever clock's work is now done.
 */
function withReportDuties(state: IncidentState, events: IncidentEvent[], at: Date, forwardRule: string): IncidentEvent[] {
  const out = [...events];
  let next = out.reduce(evolve, state);
  const add = (event: IncidentEvent) => {
    out.push(event);
    next = evolve(next, event);
  };
  if (next.status !== 'none' && next.major) {
    for (const [chain, level] of [
      ['health', 'county'],
      ['political_legal', 'local'],
    ] as const) {
      if (next.escalation[chain][level] !== undefined) continue;
      const addressee = addresseeOf(next, chain, level);
      add({
        type: 'EscalationSubmitted',
        data: {
          ...next.ref,
          chain,
          level,
          submittedAt: iso(at),
          submittedByOrganisationId: next.ref.hospitalId,
          major: true,
          ...(addressee !== null ? { addresseeOrganisationId: addressee } : {}),
          automatic: true,
        },
      });
    }
    for (const level of FORWARDING_LEVELS) {
      const incident = next as ReportedIncident;
      const progress = incident.escalation.health[level];
      const clock = FORWARD_CLOCK[level];
      const responsible = addresseeOf(incident, 'health', level);
      // A clock needs an owner: a level the directory has no commission for has none to run.
      if (!progress || progress.forwardedAt !== null || incident.clocks[clock]?.state === 'running' || responsible === null) continue;
      const above = addresseeOf(incident, 'health', nextLevel('health', level)!);
      add(startClock(incident, clock, forwardRule, progress.receivedAt, responsible, above, 'report_received'));
    }
  }
  return withClockStops(state, out);
}

// ---------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------

function reportIncident(command: ReportIncident, state: IncidentState, forwardRule: string): IncidentEvent[] {
  if (state.status !== 'none') {
    throw new IncidentConflictError('INCIDENT.ALREADY_REPORTED', `Incident ${state.ref.caseNumber} has already been reported`);
  }
  const { data } = command;
  const { actor, now: at } = command.metadata;
  const parts = parseCaseNumber(data.caseNumber ?? '');
  if (parts === null) {
    const message = "A case number is region-date-sequence, e.g. '500101-20261122-0007'";
    throw new IncidentValidationError('INCIDENT.INVALID_CASE_NUMBER', message, [{ field: 'caseNumber', code: 'format', message }]);
  }
  const hospitalId = requiredText(data.hospital?.hospitalId, 'hospital.hospitalId');
  if (typeof data.hospital.hasPoliceOffice !== 'boolean')
    invalid('hospital.hasPoliceOffice', 'hospital.hasPoliceOffice must be true or false');
  if (parts.regionCode !== data.hospital.regionCode) {
    throw new IncidentRuleError(
      'INCIDENT.CASE_NUMBER_REGION_MISMATCH',
      `Case number ${data.caseNumber} is not from the hospital's region ${String(data.hospital.regionCode)}`,
    );
  }
  // A hospital's report is the hospital's own: nobody else files it in its name.
  if (data.intake?.channel === 'hospital_report' && actor.organisationId !== hospitalId) {
    throw new IncidentForbiddenError('Only the hospital itself files a hospital report');
  }
  const occurredAt = pastInstant(data.occurredAt, 'occurredAt', at);
  const intake = intakeOf(data.intake, occurredAt, at);
  const classification = data.classification === undefined ? UNCLASSIFIED : classificationOf(data.classification, 'classification');
  const major = isMajor(classification);
  const reported: IncidentEvent = {
    type: 'IncidentReported',
    data: {
      caseNumber: data.caseNumber,
      hospitalId,
      regionCode: parts.regionCode,
      channel: intake.channel,
      intake,
      occurredAt: iso(occurredAt),
      reportedAt: iso(at),
      reportedByOrganisationId: actor.organisationId,
      hasPoliceOffice: data.hospital.hasPoliceOffice,
      classification,
      major,
      ...(optionalText(data.hospital.countyHealthCommissionId)
        ? { countyHealthCommissionId: optionalText(data.hospital.countyHealthCommissionId)! }
        : {}),
      ...(data.hospital.escalationAddressees ? { escalationAddressees: { ...data.hospital.escalationAddressees } } : {}),
    },
  };
  const incident = evolve(state, reported) as ReportedIncident;
  return withReportDuties(state, [reported, ...(major ? startReportClocks(incident, 'reported_major') : [])], at, forwardRule);
}

export function createIncidentDecider(
  settings: Pick<IncidentDeadlineSettings, 'policeArrivalOverrides'> = DEFAULT_INCIDENT_DEADLINE_SETTINGS,
): Decider<IncidentCommand, IncidentEvent, IncidentState> {
  const forwardRule = INCIDENT_RULES.reportForwarding;
  function decide(command: IncidentCommand, state: IncidentState): IncidentEvent[] {
    const { now: at, actor } = command.metadata;
    switch (command.type) {
      case 'ReportIncident':
        return reportIncident(command, state, forwardRule);

      case 'CompleteAlarmDetails': {
        const incident = requireOpen(state);
        if (incident.channel !== 'one_key_alarm') {
          throw new IncidentRuleError('INCIDENT.NOT_AN_ALARM', 'Only a one-key alarm has its details filled in later');
        }
        if (incident.particulars !== null) {
          throw new IncidentConflictError('INCIDENT.ALARM_DETAILS_ALREADY_COMPLETED', 'The alarm details were already filled in');
        }
        const particulars = particularsOf(command.data, '');
        return [{ type: 'AlarmDetailsCompleted', data: { ...incident.ref, particulars, completedAt: iso(at) } }];
      }

      case 'ReclassifyIncident': {
        const incident = requireOpen(state);
        const after = classificationOf(command.data.classification, 'classification');
        if (sameClassification(incident.classification, after)) return [];
        const majorAfter = isMajor(after);
        const reclassified: IncidentEvent = {
          type: 'IncidentReclassified',
          data: {
            ...incident.ref,
            before: incident.classification,
            after,
            majorBefore: incident.major,
            majorAfter,
            reason: optionalText(command.data.reason),
            reclassifiedAt: iso(at),
          },
        };
        const next = evolve(incident, reclassified) as ReportedIncident;
        const clocks =
          !incident.major && majorAfter
            ? startReportClocks(next, 'reclassified_major')
            : incident.major && !majorAfter
              ? cancelRunningClocks(next, REPORT_CLOCKS, 'no_longer_major', at)
              : [];
        return withReportDuties(incident, [reclassified, ...clocks], at, forwardRule);
      }

      case 'RecordInjuryAppraisal': {
        const incident = requireOpen(state);
        const { group, grade } = command.data;
        if (!CASUALTY_GROUPS.includes(group)) invalid('group', `Unknown group '${String(group)}'`);
        if (!INJURY_GRADES.includes(grade)) invalid('grade', `Unknown grade '${String(grade)}'`);
        const appraisalReference = requiredText(command.data.appraisalReference, 'appraisalReference');
        const appraisedAt = pastInstant(stated(command.metadata, command.data.appraisedAt), 'appraisedAt', at);
        notBefore(appraisedAt, incident.occurredAt, 'The appraisal');
        if (!incident.classification.seriousInjuryPendingAppraisal) {
          throw new IncidentRuleError('INCIDENT.NO_APPRAISAL_PENDING', 'No suspected serious injury is awaiting appraisal');
        }
        // The appraised person is counted at the grade the opinion gives; 'none' counts nobody.
        const before = incident.classification;
        const counts = { ...before.casualties[group] };
        if (grade !== 'none') counts[INJURY_GRADE_COUNT[grade]] += 1;
        const after: IncidentClassification = {
          ...before,
          casualties: { ...before.casualties, [group]: counts },
          seriousInjuryPendingAppraisal: false,
        };
        const majorAfter = isMajor(after);
        const appraised: IncidentEvent = {
          type: 'InjuryAppraised',
          data: {
            ...incident.ref,
            group,
            grade,
            appraisalReference,
            appraisedAt: iso(appraisedAt),
            before,
            after,
            majorBefore: incident.major,
            majorAfter,
          },
        };
        const next = evolve(incident, appraised) as ReportedIncident;
        // Not major after all: the report clocks lose their obligation and are cancelled, neither met nor breached.
        const clocks = incident.major && !majorAfter ? cancelRunningClocks(next, REPORT_CLOCKS, 'no_longer_major', at) : [];
        return withReportDuties(incident, [appraised, ...clocks], at, forwardRule);
      }

      case 'DispatchPolice': {
        const incident = requireOpen(state);
        if (incident.police.dispatchedAt !== null) {
          throw new IncidentConflictError('INCIDENT.POLICE_STEP_ALREADY_RECORDED', 'The dispatch was already recorded');
        }
        const unitOrganisationId = requiredText(command.data.unitOrganisationId, 'unitOrganisationId');
        const dispatchedAt = pastInstant(stated(command.metadata, command.data.dispatchedAt), 'dispatchedAt', at);
        notBefore(dispatchedAt, incident.occurredAt, 'The dispatch');
        const supervisingOrganisationId = optionalText(command.data.supervisingOrganisationId);
        const rule = policeArrivalRule(incident.ref.regionCode, incident.hasPoliceOffice, settings.policeArrivalOverrides);
        return [
          {
            type: 'PoliceDispatched',
            data: {
              ...incident.ref,
              dispatchedAt: iso(dispatchedAt),
              unitOrganisationId,
              ...(supervisingOrganisationId !== null ? { supervisingOrganisationId } : {}),
            },
          },
          startClock(
            incident,
            'police_arrival',
            rule,
            iso(dispatchedAt),
            unitOrganisationId,
            supervisingOrganisationId,
            'police_dispatched',
          ),
        ];
      }

      case 'RecordPoliceArrival': {
        const incident = requireOpen(state);
        const { dispatchedAt } = incident.police;
        if (dispatchedAt === null) throw new IncidentRuleError('INCIDENT.POLICE_NOT_DISPATCHED', 'No police were dispatched yet');
        if (incident.police.arrivedAt !== null) {
          throw new IncidentConflictError('INCIDENT.POLICE_STEP_ALREADY_RECORDED', 'The arrival was already recorded');
        }
        const arrivedAt = pastInstant(stated(command.metadata, command.data.arrivedAt), 'arrivedAt', at);
        notBefore(arrivedAt, dispatchedAt, 'The arrival');
        return withClockStops(incident, [{ type: 'PoliceArrived', data: { ...incident.ref, arrivedAt: iso(arrivedAt), dispatchedAt } }]);
      }

      case 'RecordDisturbanceStopped': {
        const incident = requireOpen(state);
        // Police confirm it on scene; it may have been stopped earlier, by hospital security.
        if (incident.police.arrivedAt === null)
          throw new IncidentRuleError('INCIDENT.POLICE_NOT_ARRIVED', 'The police have not arrived yet');
        if (incident.police.disturbanceStoppedAt !== null) {
          throw new IncidentConflictError('INCIDENT.POLICE_STEP_ALREADY_RECORDED', 'The disturbance was already recorded as stopped');
        }
        const stoppedAt = pastInstant(stated(command.metadata, command.data.stoppedAt), 'stoppedAt', at);
        notBefore(stoppedAt, incident.occurredAt, 'Stopping the disturbance');
        return [{ type: 'DisturbanceStopped', data: { ...incident.ref, stoppedAt: iso(stoppedAt) } }];
      }

      case 'RecordSceneCleared': {
        const incident = requireOpen(state);
        const { disturbanceStoppedAt, arrivedAt } = incident.police;
        if (disturbanceStoppedAt === null) {
          throw new IncidentRuleError('INCIDENT.DISTURBANCE_NOT_STOPPED', 'The disturbance has not been stopped yet');
        }
        if (incident.police.sceneClearedAt !== null) {
          throw new IncidentConflictError('INCIDENT.POLICE_STEP_ALREADY_RECORDED', 'The scene was already recorded as cleared');
        }
        const clearedAt = pastInstant(stated(command.metadata, command.data.clearedAt), 'clearedAt', at);
        notBefore(clearedAt, later(disturbanceStoppedAt, arrivedAt!), 'Clearing the scene');
        return [{ type: 'SceneCleared', data: { ...incident.ref, clearedAt: iso(clearedAt) } }];
      }

      case 'SubmitEscalation': {
        // Reporting duties outlive the incident's closing: no open incident needed.
        const incident = requireReported(state);
        const { chain, level } = levelOf(command.data.chain, ESCALATION_LEVELS[command.data.chain]?.[0], 'chain');
        if (incident.escalation[chain][level] !== undefined) {
          throw new IncidentConflictError('INCIDENT.ESCALATION_ALREADY_SUBMITTED', `The ${chain} report was already submitted`);
        }
        const addressee = addresseeOf(incident, chain, level);
        return withReportDuties(
          incident,
          [
            {
              type: 'EscalationSubmitted',
              data: {
                ...incident.ref,
                chain,
                level,
                submittedAt: iso(at),
                submittedByOrganisationId: actor.organisationId,
                major: incident.major,
                ...(addressee !== null ? { addresseeOrganisationId: addressee } : {}),
              },
            },
          ],
          at,
          forwardRule,
        );
      }

      case 'AcknowledgeEscalation': {
        const incident = requireReported(state);
        const { chain, level } = levelOf(command.data.chain, command.data.level, 'level');
        const progress = incident.escalation[chain][level];
        if (progress === undefined) {
          throw new IncidentRuleError(
            'INCIDENT.ESCALATION_NOT_RECEIVED',
            `The ${chain} report has not yet been forwarded to your level (${level}): nothing to acknowledge yet`,
          );
        }
        if (progress.acknowledgedAt !== null) {
          throw new IncidentConflictError('INCIDENT.ESCALATION_ALREADY_ACKNOWLEDGED', `The ${level} level already acknowledged`);
        }
        // Acknowledged when it was, as stated (the pipeline bounds it): this level's clock follows it.
        const acknowledgedAt = stated(command.metadata, undefined);
        notBefore(acknowledgedAt, progress.receivedAt, 'The acknowledgement');
        return withClockStops(incident, [
          {
            type: 'EscalationAcknowledged',
            data: {
              ...incident.ref,
              chain,
              level,
              acknowledgedAt: iso(acknowledgedAt),
              organisationId: actor.organisationId,
              major: incident.major,
            },
          },
        ]);
      }

      case 'ForwardEscalation': {
        const incident = requireReported(state);
        const { chain, level } = levelOf(command.data.chain, command.data.fromLevel, 'fromLevel');
        const toLevel = nextLevel(chain, level) as EscalationLevel | null;
        if (toLevel === null) {
          throw new IncidentRuleError(
            'INCIDENT.ESCALATION_AT_TOP_LEVEL',
            `${level} is the top of the ${chain} chain: nowhere to forward to`,
          );
        }
        const progress = incident.escalation[chain][level];
        if (progress === undefined) {
          throw new IncidentRuleError(
            'INCIDENT.ESCALATION_NOT_RECEIVED',
            `The ${chain} report has not yet been forwarded to your level (${level}): nothing to forward yet`,
          );
        }
        if (progress.acknowledgedAt === null) {
          throw new IncidentRuleError('INCIDENT.ESCALATION_NOT_ACKNOWLEDGED', `The ${level} level must acknowledge before forwarding`);
        }
        if (progress.forwardedAt !== null) {
          throw new IncidentConflictError('INCIDENT.ESCALATION_ALREADY_FORWARDED', `The ${level} level already forwarded the report`);
        }
        const addressee = addresseeOf(incident, chain, toLevel);
        // Forwarded when it was, as stated: this level's duty is met then, the next level's clock starts then.
        const forwardedAt = stated(command.metadata, undefined);
        notBefore(forwardedAt, progress.acknowledgedAt, 'Forwarding');
        return withReportDuties(
          incident,
          [
            {
              type: 'EscalationForwarded',
              data: {
                ...incident.ref,
                chain,
                fromLevel: level,
                toLevel,
                forwardedAt: iso(forwardedAt),
                organisationId: actor.organisationId,
                major: incident.major,
                ...(addressee !== null ? { addresseeOrganisationId: addressee } : {}),
              },
            },
          ],
          forwardedAt,
          forwardRule,
        );
      }

      case 'CloseIncident': {
        const incident = requireOpen(state);
        const { outcome } = command.data;
        if (!INCIDENT_OUTCOMES.includes(outcome)) invalid('outcome', 'Unknown outcome');
        // 违法行为未得到制止之前，公安机关不得进行案件调解 [S3 一(二)].
        if (outcome === 'referred_to_dispute' && incident.police.dispatchedAt !== null && incident.police.disturbanceStoppedAt === null) {
          throw new IncidentRuleError(
            'INCIDENT.DISTURBANCE_NOT_STOPPED',
            'No referral to mediation before the disturbance has been stopped',
          );
        }
        // The report duties of a major incident stand until it is reclassified.
        if (outcome === 'unfounded' && incident.major) {
          throw new IncidentRuleError('INCIDENT.UNFOUNDED_BUT_MAJOR', 'A major incident cannot be unfounded: reclassify it first');
        }
        return [
          {
            type: 'IncidentClosed',
            data: { ...incident.ref, outcome, closedAt: iso(at), note: optionalText(command.data.note), major: incident.major },
          },
          // Police need not arrive at an incident that is over; the report clocks keep running.
          ...cancelRunningClocks(incident, ['police_arrival'], 'incident_closed', at),
        ];
      }

      case 'ReopenIncident': {
        const incident = requireReported(state);
        if (incident.status !== 'closed' || incident.outcome === null) {
          throw new IncidentConflictError('INCIDENT.NOT_CLOSED', 'Only a closed incident can be reopened');
        }
        const reason = requiredText(command.data.reason, 'reason');
        return [{ type: 'IncidentReopened', data: { ...incident.ref, reason, previousOutcome: incident.outcome, reopenedAt: iso(at) } }];
      }

      case 'LinkPoliceCase': {
        // Links may follow the closing (a case opened after the hand-over).
        const incident = requireReported(state);
        const policeCaseNumber = requiredText(command.data.policeCaseNumber, 'policeCaseNumber');
        if (incident.policeCaseNumber === policeCaseNumber) return [];
        if (incident.policeCaseNumber !== null) {
          throw new IncidentConflictError('INCIDENT.ALREADY_LINKED', `Already linked to police case ${incident.policeCaseNumber}`);
        }
        return [{ type: 'IncidentLinkedToPoliceCase', data: { ...incident.ref, policeCaseNumber, linkedAt: iso(at) } }];
      }

      case 'EraseCallerData': {
        const incident = requireReported(state);
        if (incident.callerDataErasedAt !== undefined || incident.intake.channel !== 'call_110') return [];
        if (incident.status !== 'closed' || incident.closedAt === null) {
          throw new IncidentConflictError('INCIDENT.NOT_CLOSED', 'The caller’s details are kept while the incident is open');
        }
        const retentionDays = command.data.retentionDays;
        if (!Number.isInteger(retentionDays) || retentionDays < 0) invalid('retentionDays', 'retentionDays must be a whole number of days');
        if (at.getTime() < Date.parse(incident.closedAt) + retentionDays * 86_400_000) {
          throw new IncidentRuleError('INCIDENT.CALLER_RETENTION_RUNNING', 'The retention period since the closing has not passed');
        }
        return [{ type: 'CallerDataErased', data: { ...incident.ref, erasedAt: iso(at), closedAt: incident.closedAt, retentionDays } }];
      }

      case 'LinkDispute': {
        const incident = requireReported(state);
        const disputeCaseNumber = requiredText(command.data.disputeCaseNumber, 'disputeCaseNumber');
        if (incident.disputeCaseNumber === disputeCaseNumber) return [];
        if (incident.disputeCaseNumber !== null) {
          throw new IncidentConflictError('INCIDENT.ALREADY_LINKED', `Already linked to dispute ${incident.disputeCaseNumber}`);
        }
        return [{ type: 'IncidentLinkedToDispute', data: { ...incident.ref, disputeCaseNumber, linkedAt: iso(at) } }];
      }

      default: {
        const unexpected: never = command;
        throw new Error(`Unknown command ${(unexpected as { type: string }).type}`);
      }
    }
  }

  return { decide, evolve, initialState };
}

/** The decider with the default catalogue (no regional arrival overrides). */
export const incidentDecider = createIncidentDecider();
