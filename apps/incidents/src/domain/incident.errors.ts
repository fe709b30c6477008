import { DomainError, ForbiddenError, NotFoundError, type FieldError } from '@pingan/platform';

/**
 * The incidents context's domain errors. Codes are stable: clients branch on them, so never
 * rename one. Grouped by the HTTP status the API answers with.
 */

/** 404: no incident with this case number. */
export class IncidentNotFoundError extends NotFoundError {
  constructor() {
    super('INCIDENT.NOT_FOUND', 'No incident with this case number');
  }
}

/** 409: the incident is already in the state the command would create, or a conflicting one. */
export type IncidentConflictCode =
  | 'INCIDENT.ALREADY_REPORTED'
  | 'INCIDENT.ALREADY_CLOSED' // amending a closed incident without reopening it
  | 'INCIDENT.NOT_CLOSED'
  | 'INCIDENT.ALARM_DETAILS_ALREADY_COMPLETED'
  | 'INCIDENT.POLICE_STEP_ALREADY_RECORDED'
  | 'INCIDENT.ESCALATION_ALREADY_SUBMITTED'
  | 'INCIDENT.ESCALATION_ALREADY_ACKNOWLEDGED'
  | 'INCIDENT.ESCALATION_ALREADY_FORWARDED'
  | 'INCIDENT.ALREADY_LINKED';

export class IncidentConflictError extends DomainError {
  declare readonly code: IncidentConflictCode;
  constructor(code: IncidentConflictCode, message: string) {
    super(code, message, { status: 409 });
  }
}

/** 422: understood, but the rules forbid it (order of steps, times, who may come next). */
export type IncidentRuleCode =
  | 'INCIDENT.CASE_NUMBER_REGION_MISMATCH'
  | 'INCIDENT.TIME_IN_FUTURE'
  | 'INCIDENT.TIME_OUT_OF_ORDER'
  | 'INCIDENT.NOT_AN_ALARM'
  | 'INCIDENT.POLICE_NOT_DISPATCHED'
  | 'INCIDENT.POLICE_NOT_ARRIVED'
  | 'INCIDENT.DISTURBANCE_NOT_STOPPED' // no mediation before the disturbance is stopped [S3 一(二)]
  | 'INCIDENT.ESCALATION_NOT_RECEIVED'
  | 'INCIDENT.ESCALATION_NOT_ACKNOWLEDGED'
  | 'INCIDENT.ESCALATION_AT_TOP_LEVEL'
  | 'INCIDENT.UNFOUNDED_BUT_MAJOR';

export class IncidentRuleError extends DomainError {
  declare readonly code: IncidentRuleCode;
  constructor(code: IncidentRuleCode, message: string) {
    super(code, message, { status: 422 });
  }
}

/** 422 with the fields at fault: the command's data is incomplete or malformed. */
export type IncidentValidationCode =
  | 'INCIDENT.INVALID_CASE_NUMBER'
  | 'INCIDENT.REPORT_INCOMPLETE' // e.g. a hospital report without parties, behaviour, injuries [S3 二(二)]
  | 'INCIDENT.INVALID_CLASSIFICATION'
  | 'INCIDENT.INVALID_INPUT';

export class IncidentValidationError extends DomainError {
  declare readonly code: IncidentValidationCode;
  declare readonly errors: FieldError[];
  constructor(code: IncidentValidationCode, message: string, errors: FieldError[]) {
    super(code, message, { status: 422, title: 'Invalid incident data', errors });
  }
}

/** 403: this organisation may not do this to this incident. */
export class IncidentForbiddenError extends ForbiddenError {
  declare readonly code: 'INCIDENT.NOT_THE_HOSPITAL';
  constructor(message: string) {
    super('INCIDENT.NOT_THE_HOSPITAL', message);
  }
}
