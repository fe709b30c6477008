/** The events of a person's stream: the public contract (libs/contracts/src/high-risk-persons.ts). */
export type {
  HighRiskArrivalAlertRaised,
  HighRiskFlagApproved,
  HighRiskFlagExpired,
  HighRiskFlagProposed,
  HighRiskFlagRejected,
  HighRiskFlagRemoved,
  HighRiskFlagRenewed,
  HighRiskPersonErased,
  HighRiskPersonEvent,
  HighRiskPersonRegistered,
  HighRiskStabilisationTaskAssigned,
  HighRiskStabilisationTaskCompleted,
  HighRiskTreatmentArranged,
  HighRiskWarningGiven,
} from '@pingan/contracts';
