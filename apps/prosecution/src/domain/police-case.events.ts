/**
 * The police case's events are the prosecution context's public contract: they live in
 * `@pingan/contracts` (libs/contracts/src/prosecution.ts) so other services can type them.
 */
export type {
  AdministrativePenaltyDecided,
  AppealFiled,
  ArrestApprovalDecided,
  ArrestApprovalRequested,
  ArrestRequestPeriodExtended,
  CaseAccepted,
  CaseConvertedToCriminal,
  CaseTransferred,
  CaseTransferredForProsecution,
  CompulsoryMeasureImposed,
  CriminalCaseFiled,
  FinalJudgementRecorded,
  FirstInstanceTrialStarted,
  FirstInstanceVerdictDelivered,
  InvestigationNoteAdded,
  ListedSupervisionRemoved,
  ListedSupervisionStarted,
  MinistrySystemEntryRecorded,
  NonProsecutionDecided,
  PoliceCaseRef,
  ProsecutionClockInstruction,
  ProsecutionEvent as PoliceCaseEvent,
  ProsecutionReviewExtended,
  ProsecutorDesignated,
  SupervisionProgressReported,
  SuspectAdded,
  SuspectsIndicted,
} from '@pingan/contracts';
