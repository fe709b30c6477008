import { RequestValidationError, statedOccurredAt, type OccurredAt, type StatedInstantDto } from '@pingan/platform';
import type { Principal } from '@pingan/access';
import { ESCALATION_LEVELS, type EscalationChain, type EscalationLevel } from '@pingan/contracts';
import { isPolice } from '../incident-access.js';
import type { IncidentDirectory } from '../incident-directory.js';
import type {
  AlarmDetailsDto,
  ArrivalDto,
  CloseDto,
  DispatchDto,
  DisturbanceStoppedDto,
  InjuryAppraisalDto,
  LinkDto,
  ReclassifyDto,
  ReopenDto,
  SceneClearedDto,
  SubmitEscalationDto,
} from '../incidents.dto.js';
import { actAsAddressee, actOnIncident } from './act-on-incident.js';

/** Chains a hospital reports on, and the one police report on [S3 五(二)]. */
const SUBMITTERS: Record<EscalationChain, Principal['organisationKind']> = {
  health: 'hospital',
  political_legal: 'hospital',
  police: 'police',
};

/** A step's instant as the caller stated it (field and value), for the pipeline to bound; none: now. */
const stated = (field: string, value: string | undefined): OccurredAt | undefined => statedOccurredAt(value, field);
const always = () => true;

/**
 * Each use case on an existing incident as a command message: the command the request states, and
 * who may give it beyond the policy's write access. Rules about the incident live in the decider.
 */
export const incidentUseCases = {
  completeAlarmDetails: (principal: Principal, caseNumber: string, dto: AlarmDetailsDto) =>
    actOnIncident(principal, caseNumber, { type: 'CompleteAlarmDetails', data: { ...dto } }),

  reclassify: (principal: Principal, caseNumber: string, { classification, reason }: ReclassifyDto) =>
    actOnIncident(principal, caseNumber, {
      type: 'ReclassifyIncident',
      data: { classification: { ...classification, casualties: classification.casualties && { ...classification.casualties } }, reason },
    }),

  injuryAppraisal: (principal: Principal, caseNumber: string, dto: InjuryAppraisalDto) =>
    actOnIncident(
      principal,
      caseNumber,
      { type: 'RecordInjuryAppraisal', data: { group: dto.group, grade: dto.grade, appraisalReference: dto.appraisalReference } },
      always,
      stated('appraisedAt', dto.appraisedAt),
    ),

  /** The unit sent must be a police unit of the directory; the unit above it there supervises the arrival clock. */
  dispatch: async (principal: Principal, caseNumber: string, dto: DispatchDto, directory: IncidentDirectory) => {
    const unit = await directory.policeUnit(dto.unitOrganisationId ?? principal.organisationId, 'unitOrganisationId');
    return actOnIncident(principal, caseNumber, { type: 'DispatchPolice', data: unit }, always, stated('dispatchedAt', dto.dispatchedAt));
  },

  arrival: (principal: Principal, caseNumber: string, dto: ArrivalDto) =>
    actOnIncident(principal, caseNumber, { type: 'RecordPoliceArrival', data: {} }, always, stated('arrivedAt', dto.arrivedAt)),

  disturbanceStopped: (principal: Principal, caseNumber: string, dto: DisturbanceStoppedDto) =>
    actOnIncident(principal, caseNumber, { type: 'RecordDisturbanceStopped', data: {} }, always, stated('stoppedAt', dto.stoppedAt)),

  sceneCleared: (principal: Principal, caseNumber: string, dto: SceneClearedDto) =>
    actOnIncident(principal, caseNumber, { type: 'RecordSceneCleared', data: {} }, always, stated('clearedAt', dto.clearedAt)),

  /** The hospital itself reports up the health and 综治 chains; a police unit of the jurisdiction up the police chain. */
  submitEscalation: (principal: Principal, caseNumber: string, dto: SubmitEscalationDto) =>
    actOnIncident(principal, caseNumber, { type: 'SubmitEscalation', data: { chain: dto.chain } }, (incident) =>
      SUBMITTERS[dto.chain] === 'hospital'
        ? principal.organisationKind === 'hospital' && principal.organisationId === incident.ref.hospitalId
        : isPolice(principal),
    ),

  /** Only the body the report is addressed to at that level (e.g. the county commission of the hospital's county). */
  acknowledgeEscalation: (principal: Principal, caseNumber: string, level: string, dto: StatedInstantDto = {}) => {
    const chain = chainOf(level);
    return actAsAddressee(
      principal,
      caseNumber,
      { type: 'AcknowledgeEscalation', data: { chain, level: level as EscalationLevel } },
      `${chain}:${level}`,
      stated('occurredAt', dto.occurredAt),
    );
  },

  forwardEscalation: (principal: Principal, caseNumber: string, level: string, dto: StatedInstantDto = {}) => {
    const chain = chainOf(level);
    return actAsAddressee(
      principal,
      caseNumber,
      { type: 'ForwardEscalation', data: { chain, fromLevel: level as EscalationLevel } },
      `${chain}:${level}`,
      stated('occurredAt', dto.occurredAt),
    );
  },

  close: (principal: Principal, caseNumber: string, dto: CloseDto) =>
    actOnIncident(principal, caseNumber, { type: 'CloseIncident', data: { outcome: dto.outcome, note: dto.note } }),

  reopen: (principal: Principal, caseNumber: string, dto: ReopenDto) =>
    actOnIncident(principal, caseNumber, { type: 'ReopenIncident', data: { reason: dto.reason } }),

  /** A police case is the police's to link; a dispute, the hospital's or the police's. */
  link: (principal: Principal, caseNumber: string, dto: LinkDto) =>
    dto.policeCaseNumber !== undefined
      ? actOnIncident(principal, caseNumber, { type: 'LinkPoliceCase', data: { policeCaseNumber: dto.policeCaseNumber } }, () =>
          isPolice(principal),
        )
      : actOnIncident(principal, caseNumber, { type: 'LinkDispute', data: { disputeCaseNumber: dto.disputeCaseNumber! } }),
};

function chainOf(level: string): EscalationChain {
  const chain = (Object.keys(ESCALATION_LEVELS) as EscalationChain[]).find((c) =>
    (ESCALATION_LEVELS[c] as readonly string[]).includes(level),
  );
  if (!chain) {
    const levels = Object.values(ESCALATION_LEVELS).flat().join(', ');
    throw new RequestValidationError([{ field: 'level', code: 'IS_IN', message: `level must be one of: ${levels}` }]);
  }
  return chain;
}
