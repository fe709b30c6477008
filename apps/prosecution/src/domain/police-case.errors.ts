import { defineErrors, type ErrorCode, type FieldError } from '@pingan/platform';

/**
 * The prosecution context's errors. Stable codes (clients branch on them: never rename one).
 * The decider throws them through the classes below, whose kind fixes the status it answers with.
 */
export class ProsecutionError extends defineErrors({
  caseNotFound: { code: 'POLICE_CASE.NOT_FOUND', status: 404 },
  caseAlreadyOpen: { code: 'POLICE_CASE.ALREADY_OPEN', status: 409 },
  caseNotCriminal: { code: 'POLICE_CASE.NOT_CRIMINAL', status: 422 },
  caseNotAdministrative: { code: 'POLICE_CASE.NOT_ADMINISTRATIVE', status: 422 },
  caseAlreadyFiled: { code: 'POLICE_CASE.ALREADY_FILED', status: 409 },
  caseNotFiled: { code: 'POLICE_CASE.NOT_FILED', status: 422 },
  transferToSameUnit: { code: 'POLICE_CASE.TRANSFER_TO_SAME_UNIT', status: 422 },
  invalidCommand: { code: 'POLICE_CASE.INVALID_COMMAND', status: 422 },
  noteAlreadyAdded: { code: 'POLICE_CASE.NOTE_ALREADY_ADDED', status: 409 },
  suspectNotFound: { code: 'SUSPECT.NOT_FOUND', status: 422 },
  suspectAlreadyAdded: { code: 'SUSPECT.ALREADY_ADDED', status: 409 },
  decisionAlreadyRecorded: { code: 'DECISION.ALREADY_RECORDED', status: 409 },
  decisionInFuture: { code: 'DECISION.IN_FUTURE', status: 422 },
  penaltyOutOfRange: { code: 'DECISION.PENALTY_OUT_OF_RANGE', status: 422 },
  arrestNotApproved: { code: 'MEASURE.ARREST_NOT_APPROVED', status: 422 },
  alreadyInCustody: { code: 'MEASURE.ALREADY_IN_CUSTODY', status: 422 },
  entryUnknownDecision: { code: 'MINISTRY_ENTRY.UNKNOWN_DECISION', status: 422 },
  entryAlreadyRecorded: { code: 'MINISTRY_ENTRY.ALREADY_RECORDED', status: 409 },
  noCriminalDetention: { code: 'ARREST_REQUEST.NO_CRIMINAL_DETENTION', status: 422 },
  arrestAlreadyRequested: { code: 'ARREST_REQUEST.ALREADY_REQUESTED', status: 409 },
  extensionBeyondMaximum: { code: 'ARREST_REQUEST.EXTENSION_BEYOND_MAXIMUM', status: 422 },
  noPendingArrestRequest: { code: 'ARREST_DECISION.NO_PENDING_REQUEST', status: 422 },
  requestNotReceived: { code: 'ARREST_DECISION.REQUEST_NOT_RECEIVED', status: 422 },
  requestAlreadyReceived: { code: 'ARREST_DECISION.REQUEST_ALREADY_RECEIVED', status: 409 },
  wrongProcuratorate: { code: 'PROCURATORATE.NOT_ADDRESSED', status: 403 },
  alreadyUnderReview: { code: 'PROSECUTION.ALREADY_UNDER_REVIEW', status: 409 },
  notUnderReview: { code: 'PROSECUTION.NOT_UNDER_REVIEW', status: 422 },
  reviewAlreadyExtended: { code: 'PROSECUTION.ALREADY_EXTENDED', status: 409 },
  suspectNotUnderReview: { code: 'PROSECUTION.SUSPECT_NOT_UNDER_REVIEW', status: 422 },
  supplementaryInvestigationLimit: { code: 'PROSECUTION.SUPPLEMENTARY_INVESTIGATION_LIMIT', status: 422 },
  notReturnedToPolice: { code: 'PROSECUTION.NOT_RETURNED_TO_POLICE', status: 422 },
  beforePreviousStep: { code: 'POLICE_CASE.BEFORE_PREVIOUS_STEP', status: 422 },
  notIndicted: { code: 'COURT.NOT_INDICTED', status: 422 },
  wrongCourt: { code: 'COURT.NOT_ADDRESSED', status: 403 },
  trialAlreadyStarted: { code: 'COURT.TRIAL_ALREADY_STARTED', status: 409 },
  trialNotStarted: { code: 'COURT.TRIAL_NOT_STARTED', status: 422 },
  verdictAlreadyDelivered: { code: 'COURT.VERDICT_ALREADY_DELIVERED', status: 409 },
  noVerdict: { code: 'COURT.NO_VERDICT', status: 422 },
  alreadyAppealed: { code: 'COURT.ALREADY_APPEALED', status: 409 },
  judgementAlreadyFinal: { code: 'COURT.JUDGEMENT_ALREADY_FINAL', status: 409 }, // 422 where ProsecutionRuleError throws it (appeal after the judgement became final)
  sentenceMismatch: { code: 'COURT.SENTENCE_MISMATCH', status: 422 },
  alreadySupervised: { code: 'SUPERVISION.ALREADY_LISTED', status: 409 },
  notSupervised: { code: 'SUPERVISION.NOT_LISTED', status: 422 },
  removalReasonRequired: { code: 'SUPERVISION.REASON_REQUIRED', status: 422 },
  notSupervisor: { code: 'SUPERVISION.NOT_SUPERVISOR', status: 403 },
  supervisionDueInPast: { code: 'SUPERVISION.DUE_IN_PAST', status: 422 },
  casePeriodAlreadyExtended: { code: 'POLICE_CASE.PERIOD_ALREADY_EXTENDED', status: 409 },
  casePeriodNotRunning: { code: 'POLICE_CASE.PERIOD_NOT_RUNNING', status: 422 },
  disturbanceNotStopped: { code: 'MEDIATION.DISTURBANCE_NOT_STOPPED', status: 422 },
  mediationAlreadyRecorded: { code: 'MEDIATION.ALREADY_RECORDED', status: 409 },
  mediationAlreadyAgreed: { code: 'MEDIATION.ALREADY_AGREED', status: 409 },
}) {}

/** The codes by name (`CODE.caseNotFound`), as the decider spells them. */
export const CODE = ProsecutionError.codes;

export type ProsecutionErrorCode = ErrorCode<typeof ProsecutionError>;

/** 404: no case with that number. */
export class PoliceCaseNotFoundError extends ProsecutionError {
  constructor(caseNumber: string) {
    super(CODE.caseNotFound, `No police case ${caseNumber}.`);
  }
}

/** 422: the rules of procedure forbid this (wrong case kind, wrong order, beyond a lawful limit). */
export class ProsecutionRuleError extends ProsecutionError {
  constructor(code: ProsecutionErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, { status: 422, errors });
  }
}

/** 409: it has already happened (a repeat that would change the record). */
export class ProsecutionConflictError extends ProsecutionError {
  constructor(code: ProsecutionErrorCode, message: string) {
    super(code, message, { status: 409 });
  }
}

/** 403: the acting organisation is not the one the rule names (e.g. not the addressed procuratorate). */
export class ProsecutionForbiddenError extends ProsecutionError {
  constructor(code: ProsecutionErrorCode, message: string) {
    super(code, message, { status: 403 });
  }
}

/** 422 with field errors: a required field is empty or a number is out of range. */
export class InvalidPoliceCaseCommandError extends ProsecutionError {
  constructor(field: string, message: string) {
    super(CODE.invalidCommand, message, [{ field, code: 'INVALID', message }]);
  }
}
