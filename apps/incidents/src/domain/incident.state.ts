import {
  ESCALATION_LEVELS,
  type EscalationChain,
  type IncidentChannel,
  type IncidentClassification,
  type IncidentClock,
  type IncidentEvent,
  type IncidentIntake,
  type IncidentOutcome,
  type IncidentParticulars,
  type IncidentRef,
  readClassification,
} from '@pingan/contracts';

/** Where a report stands at one level of a chain. Instants are ISO strings, as in the events. */
export interface LevelProgress {
  receivedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  forwardedAt: string | null;
}

export type ChainProgress = Partial<Record<string, LevelProgress>>;

export interface ClockProgress {
  deadlineId: string;
  /** How often this clock was started on this incident (a new id each time). */
  generation: number;
  state: 'running' | 'stopped' | 'cancelled';
}

export interface ReportedIncident {
  status: 'open' | 'closed';
  ref: IncidentRef;
  channel: IncidentChannel;
  intake: IncidentIntake;
  /** What the hospital must state [S3 二(二)]: at intake for its report, later for a one-key alarm. */
  particulars: IncidentParticulars | null;
  occurredAt: string;
  reportedAt: string;
  hasPoliceOffice: boolean;
  /** The county health commission over the hospital, from the directory (null: none there). */
  countyHealthCommissionId: string | null;
  /** Who each level of the reporting chains is, by 'chain:level', from the directory when it came in. */
  addressees: Partial<Record<string, string>>;
  classification: IncidentClassification;
  major: boolean;
  police: {
    dispatchedAt: string | null;
    unitOrganisationId: string | null;
    supervisingOrganisationId: string | null;
    arrivedAt: string | null;
    disturbanceStoppedAt: string | null;
    sceneClearedAt: string | null;
  };
  escalation: Record<EscalationChain, ChainProgress>;
  clocks: Partial<Record<IncidentClock, ClockProgress>>;
  outcome: IncidentOutcome | null;
  closedAt: string | null;
  reopenCount: number;
  policeCaseNumber: string | null;
  disputeCaseNumber: string | null;
  /** When the 110 caller's details were erased (CallerDataErased); absent while they are kept. */
  callerDataErasedAt?: string;
}

export type IncidentState = { status: 'none' } | ReportedIncident;

export const initialState = (): IncidentState => ({ status: 'none' });

const emptyEscalation = (): Record<EscalationChain, ChainProgress> => ({ health: {}, police: {}, political_legal: {} });

/** The level after `level` on `chain`, or null at the top. */
export function nextLevel(chain: EscalationChain, level: string): string | null {
  const levels: readonly string[] = ESCALATION_LEVELS[chain];
  const index = levels.indexOf(level);
  return index >= 0 && index + 1 < levels.length ? levels[index + 1] : null;
}

const withLevel = (
  state: ReportedIncident,
  chain: EscalationChain,
  level: string,
  change: (progress: LevelProgress | undefined) => LevelProgress,
): ReportedIncident => ({
  ...state,
  escalation: { ...state.escalation, [chain]: { ...state.escalation[chain], [level]: change(state.escalation[chain][level]) } },
});

const withClock = (state: ReportedIncident, clock: IncidentClock, change: Partial<ClockProgress>): ReportedIncident => ({
  ...state,
  clocks: { ...state.clocks, [clock]: { ...state.clocks[clock]!, ...change } },
});

/** A pure fold. Events before IncidentReported cannot exist (the decider never emits them). */
export function evolve(state: IncidentState, event: IncidentEvent): IncidentState {
  if (event.type === 'IncidentReported') {
    const { data } = event;
    return {
      status: 'open',
      ref: { caseNumber: data.caseNumber, hospitalId: data.hospitalId, regionCode: data.regionCode },
      channel: data.channel,
      intake: data.intake,
      particulars:
        data.intake.channel === 'hospital_report'
          ? {
              partiesCount: data.intake.partiesCount,
              behaviour: data.intake.behaviour,
              anyoneInjured: data.intake.anyoneInjured,
              description: data.intake.description,
            }
          : null,
      occurredAt: data.occurredAt,
      reportedAt: data.reportedAt,
      hasPoliceOffice: data.hasPoliceOffice,
      countyHealthCommissionId: data.countyHealthCommissionId ?? null,
      // Events written before the directory named every level know the county commission at most.
      addressees: data.escalationAddressees ?? (data.countyHealthCommissionId ? { 'health:county': data.countyHealthCommissionId } : {}),
      classification: readClassification(data.classification),
      major: data.major,
      police: {
        dispatchedAt: null,
        unitOrganisationId: null,
        supervisingOrganisationId: null,
        arrivedAt: null,
        disturbanceStoppedAt: null,
        sceneClearedAt: null,
      },
      escalation: emptyEscalation(),
      clocks: {},
      outcome: null,
      closedAt: null,
      reopenCount: 0,
      policeCaseNumber: null,
      disputeCaseNumber: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AlarmDetailsCompleted':
      return { ...state, particulars: event.data.particulars };
    case 'IncidentReclassified':
      return { ...state, classification: readClassification(event.data.after), major: event.data.majorAfter };
    case 'InjuryAppraised':
      return { ...state, classification: readClassification(event.data.after), major: event.data.majorAfter };
    case 'PoliceDispatched':
      return {
        ...state,
        police: {
          ...state.police,
          dispatchedAt: event.data.dispatchedAt,
          unitOrganisationId: event.data.unitOrganisationId,
          supervisingOrganisationId: event.data.supervisingOrganisationId ?? null,
        },
      };
    case 'PoliceArrived':
      return { ...state, police: { ...state.police, arrivedAt: event.data.arrivedAt } };
    case 'DisturbanceStopped':
      return { ...state, police: { ...state.police, disturbanceStoppedAt: event.data.stoppedAt } };
    case 'SceneCleared':
      return { ...state, police: { ...state.police, sceneClearedAt: event.data.clearedAt } };
    case 'EscalationSubmitted':
      return withLevel(state, event.data.chain, event.data.level, () => ({
        receivedAt: event.data.submittedAt,
        acknowledgedAt: null,
        acknowledgedBy: null,
        forwardedAt: null,
      }));
    case 'EscalationAcknowledged':
      return withLevel(state, event.data.chain, event.data.level, (progress) => ({
        ...progress!,
        acknowledgedAt: event.data.acknowledgedAt,
        acknowledgedBy: event.data.organisationId,
      }));
    case 'EscalationForwarded': {
      const forwarded = withLevel(state, event.data.chain, event.data.fromLevel, (progress) => ({
        ...progress!,
        forwardedAt: event.data.forwardedAt,
      }));
      return withLevel(forwarded, event.data.chain, event.data.toLevel, () => ({
        receivedAt: event.data.forwardedAt,
        acknowledgedAt: null,
        acknowledgedBy: null,
        forwardedAt: null,
      }));
    }
    case 'IncidentClockStarted': {
      const generation = (state.clocks[event.data.clock]?.generation ?? 0) + 1;
      return {
        ...state,
        clocks: { ...state.clocks, [event.data.clock]: { deadlineId: event.data.deadlineId, generation, state: 'running' } },
      };
    }
    case 'IncidentClockStopped':
      return withClock(state, event.data.clock, { state: 'stopped' });
    case 'IncidentClockCancelled':
      return withClock(state, event.data.clock, { state: 'cancelled' });
    case 'IncidentClosed':
      return { ...state, status: 'closed', outcome: event.data.outcome, closedAt: event.data.closedAt };
    case 'IncidentReopened':
      return { ...state, status: 'open', outcome: null, closedAt: null, reopenCount: state.reopenCount + 1 };
    case 'IncidentLinkedToPoliceCase':
      return { ...state, policeCaseNumber: event.data.policeCaseNumber };
    case 'IncidentLinkedToDispute':
      return { ...state, disputeCaseNumber: event.data.disputeCaseNumber };
    case 'CallerDataErased':
      return { ...state, callerDataErasedAt: event.data.erasedAt };
    default: {
      // Exhaustive: a new event type fails to compile here. An unknown type read from the store
      // (a newer writer) leaves the state as it is.
      const unexpected: never = event;
      void unexpected;
      return state;
    }
  }
}
