import { defineErrors, type ErrorCode, type FieldError } from '@pingan/platform';

/**
 * The incidents context's domain errors. Codes are stable: clients branch on them, so never
 * rename one. The classes below group them by the HTTP status the API answers with.
 */
const INVALID_DATA = 'Invalid incident data';

export class IncidentError extends defineErrors({
  NotFound: { code: 'INCIDENT.NOT_FOUND', status: 404, message: 'No incident with this case number' },

  // 409: the incident is already in the state the command would create, or a conflicting one.
  AlreadyReported: { code: 'INCIDENT.ALREADY_REPORTED', status: 409 },
  AlreadyClosed: { code: 'INCIDENT.ALREADY_CLOSED', status: 409 }, // amending a closed incident without reopening it
  NotClosed: { code: 'INCIDENT.NOT_CLOSED', status: 409 },
  AlarmDetailsAlreadyCompleted: { code: 'INCIDENT.ALARM_DETAILS_ALREADY_COMPLETED', status: 409 },
  PoliceStepAlreadyRecorded: { code: 'INCIDENT.POLICE_STEP_ALREADY_RECORDED', status: 409 },
  EscalationAlreadySubmitted: { code: 'INCIDENT.ESCALATION_ALREADY_SUBMITTED', status: 409 },
  EscalationAlreadyAcknowledged: { code: 'INCIDENT.ESCALATION_ALREADY_ACKNOWLEDGED', status: 409 },
  EscalationAlreadyForwarded: { code: 'INCIDENT.ESCALATION_ALREADY_FORWARDED', status: 409 },
  AlreadyLinked: { code: 'INCIDENT.ALREADY_LINKED', status: 409 },

  // 422: understood, but the rules forbid it (order of steps, times, who may come next).
  CaseNumberRegionMismatch: { code: 'INCIDENT.CASE_NUMBER_REGION_MISMATCH', status: 422 },
  TimeInFuture: { code: 'INCIDENT.TIME_IN_FUTURE', status: 422 },
  TimeOutOfOrder: { code: 'INCIDENT.TIME_OUT_OF_ORDER', status: 422 },
  NotAnAlarm: { code: 'INCIDENT.NOT_AN_ALARM', status: 422 },
  NoAppraisalPending: { code: 'INCIDENT.NO_APPRAISAL_PENDING', status: 422 },
  PoliceNotDispatched: { code: 'INCIDENT.POLICE_NOT_DISPATCHED', status: 422 },
  PoliceNotArrived: { code: 'INCIDENT.POLICE_NOT_ARRIVED', status: 422 },
  DisturbanceNotStopped: { code: 'INCIDENT.DISTURBANCE_NOT_STOPPED', status: 422 }, // no mediation before it is stopped [S3 一(二)]
  EscalationNotReceived: { code: 'INCIDENT.ESCALATION_NOT_RECEIVED', status: 422 },
  EscalationNotAcknowledged: { code: 'INCIDENT.ESCALATION_NOT_ACKNOWLEDGED', status: 422 },
  EscalationAtTopLevel: { code: 'INCIDENT.ESCALATION_AT_TOP_LEVEL', status: 422 },
  UnfoundedButMajor: { code: 'INCIDENT.UNFOUNDED_BUT_MAJOR', status: 422 },
  CallerRetentionRunning: { code: 'INCIDENT.CALLER_RETENTION_RUNNING', status: 422 },

  // 422 with the fields at fault: the command's data is incomplete or malformed.
  InvalidCaseNumber: { code: 'INCIDENT.INVALID_CASE_NUMBER', status: 422, title: INVALID_DATA },
  ReportIncomplete: { code: 'INCIDENT.REPORT_INCOMPLETE', status: 422, title: INVALID_DATA }, // parties, behaviour, injuries [S3 二(二)]
  InvalidClassification: { code: 'INCIDENT.INVALID_CLASSIFICATION', status: 422, title: INVALID_DATA },
  InvalidInput: { code: 'INCIDENT.INVALID_INPUT', status: 422, title: INVALID_DATA },

  // 403: this organisation may not do this to this incident.
  NotTheHospital: { code: 'INCIDENT.NOT_THE_HOSPITAL', status: 403 },
}) {}

export type IncidentErrorCode = ErrorCode<typeof IncidentError>;
export type IncidentConflictCode = ErrorCode<typeof IncidentError, { status: 409 }>;
export type IncidentValidationCode = ErrorCode<typeof IncidentError, { title: string }>;
export type IncidentRuleCode = Exclude<ErrorCode<typeof IncidentError, { status: 422 }>, IncidentValidationCode>;

/** 404: no incident with this case number. */
export class IncidentNotFoundError extends IncidentError {
  constructor() {
    super('INCIDENT.NOT_FOUND');
  }
}

export class IncidentConflictError extends IncidentError {
  declare readonly code: IncidentConflictCode;
  constructor(code: IncidentConflictCode, message: string) {
    super(code, message);
  }
}

export class IncidentRuleError extends IncidentError {
  declare readonly code: IncidentRuleCode;
  constructor(code: IncidentRuleCode, message: string) {
    super(code, message);
  }
}

export class IncidentValidationError extends IncidentError {
  declare readonly code: IncidentValidationCode;
  declare readonly errors: FieldError[];
  constructor(code: IncidentValidationCode, message: string, errors: FieldError[]) {
    super(code, message, errors);
  }
}

export class IncidentForbiddenError extends IncidentError {
  declare readonly code: 'INCIDENT.NOT_THE_HOSPITAL';
  constructor(message: string) {
    super('INCIDENT.NOT_THE_HOSPITAL', message);
  }
}
