import { DomainError, ForbiddenError, NotFoundError } from '@pingan/platform';

/** Stable codes (clients branch on them: never rename one). */
export const CODE = {
  caseNotFound: 'POLICE_CASE.NOT_FOUND',
  caseAlreadyOpen: 'POLICE_CASE.ALREADY_OPEN',
  caseNotCriminal: 'POLICE_CASE.NOT_CRIMINAL',
  caseNotAdministrative: 'POLICE_CASE.NOT_ADMINISTRATIVE',
  caseAlreadyFiled: 'POLICE_CASE.ALREADY_FILED',
  caseNotFiled: 'POLICE_CASE.NOT_FILED',
  transferToSameUnit: 'POLICE_CASE.TRANSFER_TO_SAME_UNIT',
  invalidCommand: 'POLICE_CASE.INVALID_COMMAND',
  noteAlreadyAdded: 'POLICE_CASE.NOTE_ALREADY_ADDED',
  suspectNotFound: 'SUSPECT.NOT_FOUND',
  suspectAlreadyAdded: 'SUSPECT.ALREADY_ADDED',
  decisionAlreadyRecorded: 'DECISION.ALREADY_RECORDED',
  decisionInFuture: 'DECISION.IN_FUTURE',
  penaltyOutOfRange: 'DECISION.PENALTY_OUT_OF_RANGE',
  arrestNotApproved: 'MEASURE.ARREST_NOT_APPROVED',
  alreadyInCustody: 'MEASURE.ALREADY_IN_CUSTODY',
  entryUnknownDecision: 'MINISTRY_ENTRY.UNKNOWN_DECISION',
  entryAlreadyRecorded: 'MINISTRY_ENTRY.ALREADY_RECORDED',
  noCriminalDetention: 'ARREST_REQUEST.NO_CRIMINAL_DETENTION',
  arrestAlreadyRequested: 'ARREST_REQUEST.ALREADY_REQUESTED',
  extensionBeyondMaximum: 'ARREST_REQUEST.EXTENSION_BEYOND_MAXIMUM',
  noPendingArrestRequest: 'ARREST_DECISION.NO_PENDING_REQUEST',
  wrongProcuratorate: 'PROCURATORATE.NOT_ADDRESSED',
  alreadyUnderReview: 'PROSECUTION.ALREADY_UNDER_REVIEW',
  notUnderReview: 'PROSECUTION.NOT_UNDER_REVIEW',
  reviewAlreadyExtended: 'PROSECUTION.ALREADY_EXTENDED',
  suspectNotUnderReview: 'PROSECUTION.SUSPECT_NOT_UNDER_REVIEW',
  notIndicted: 'COURT.NOT_INDICTED',
  wrongCourt: 'COURT.NOT_ADDRESSED',
  trialAlreadyStarted: 'COURT.TRIAL_ALREADY_STARTED',
  trialNotStarted: 'COURT.TRIAL_NOT_STARTED',
  verdictAlreadyDelivered: 'COURT.VERDICT_ALREADY_DELIVERED',
  noVerdict: 'COURT.NO_VERDICT',
  alreadyAppealed: 'COURT.ALREADY_APPEALED',
  judgementAlreadyFinal: 'COURT.JUDGEMENT_ALREADY_FINAL',
  sentenceMismatch: 'COURT.SENTENCE_MISMATCH',
  alreadySupervised: 'SUPERVISION.ALREADY_LISTED',
  notSupervised: 'SUPERVISION.NOT_LISTED',
  removalReasonRequired: 'SUPERVISION.REASON_REQUIRED',
  notSupervisor: 'SUPERVISION.NOT_SUPERVISOR',
  supervisionDueInPast: 'SUPERVISION.DUE_IN_PAST',
} as const;

export type ProsecutionErrorCode = (typeof CODE)[keyof typeof CODE];

/** 404: no case with that number. */
export class PoliceCaseNotFoundError extends NotFoundError {
  constructor(caseNumber: string) {
    super(CODE.caseNotFound, `No police case ${caseNumber}.`);
  }
}

/** 422: the rules of procedure forbid this (wrong case kind, wrong order, beyond a lawful limit). */
export class ProsecutionRuleError extends DomainError {
  constructor(code: ProsecutionErrorCode, message: string) {
    super(code, message, { status: 422 });
  }
}

/** 409: it has already happened (a repeat that would change the record). */
export class ProsecutionConflictError extends DomainError {
  constructor(code: ProsecutionErrorCode, message: string) {
    super(code, message, { status: 409 });
  }
}

/** 403: the acting organisation is not the one the rule names (e.g. not the addressed procuratorate). */
export class ProsecutionForbiddenError extends ForbiddenError {
  constructor(code: ProsecutionErrorCode, message: string) {
    super(code, message);
  }
}

/** 422 with field errors: a required field is empty or a number is out of range. */
export class InvalidPoliceCaseCommandError extends DomainError {
  constructor(field: string, message: string) {
    super(CODE.invalidCommand, message, {
      status: 422,
      errors: [{ field, code: 'INVALID', message }],
    });
  }
}
