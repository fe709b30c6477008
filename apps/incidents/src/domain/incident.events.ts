/**
 * The incident's events are public (other services consume them), so their shapes live in
 * @pingan/contracts; this file names them for the domain.
 */
export type {
  AlarmDetailsCompletedData,
  CallerDataErasedData,
  DisturbanceStoppedData,
  EscalationAcknowledgedData,
  EscalationForwardedData,
  EscalationSubmittedData,
  IncidentClockCancelledData,
  IncidentClockStartedData,
  IncidentClockStoppedData,
  IncidentClosedData,
  IncidentEvent,
  IncidentEventType,
  IncidentLinkedToDisputeData,
  IncidentLinkedToPoliceCaseData,
  IncidentReclassifiedData,
  IncidentReopenedData,
  IncidentReportedData,
  InjuryAppraisedData,
  PoliceArrivedData,
  PoliceDispatchedData,
  SceneClearedData,
} from '@pingan/contracts';
export { INCIDENT_EVENT_SCHEMA_VERSIONS } from '@pingan/contracts';
