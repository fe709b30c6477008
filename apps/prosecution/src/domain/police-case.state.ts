import type {
  CourtVerdict,
  CriminalSentence,
  ListedSupervisorKind,
  PoliceCaseKind,
  PoliceCaseOrigin,
  PoliceCaseRef,
  ProsecutionEvent,
  PublicSecurityMediationOutcome,
} from '@pingan/contracts';

// One state and one evolve for all phases: the phases read and change the same case (suspects, decisions, review).

export type Custody = 'none' | 'criminal_detention' | 'arrested';

export interface SuspectState {
  suspectId: string;
  custody: Custody;
  /** The running duty to request arrest after criminal detention; null once requested or ended. */
  detention: {
    measureId: string;
    extensionDays: number;
    rovingSerialGang: boolean;
  } | null;
  arrestRequest: {
    requestId: string;
    procuratorateId: string;
    status: 'pending' | 'approved' | 'not_approved' | 'executed';
    /** The decision clock's rule: 7 days for a detained suspect, 15 for one at liberty (set on receipt). */
    decisionRule?: string;
    requestedAt?: string;
    /** The procuratorate's receipt, from which its decision period counts; null until recorded. */
    receivedAt?: string | null;
  } | null;
  prosecution: 'none' | 'under_review' | 'indicted' | 'not_prosecuted';
  courtId: string | null;
  onTrial: boolean;
  /** `appealWindow`: the rule of the window the verdict started, while it may still be open (absent on older streams). */
  verdict: { verdict: CourtVerdict; sentence: CriminalSentence | null; appealWindow?: string; deliveredAt?: string } | null;
  appealed: boolean;
  final: boolean;
}

export interface OpenPoliceCase extends PoliceCaseRef {
  status: 'open';
  kind: PoliceCaseKind;
  origin: PoliceCaseOrigin;
  handlingUnitId: string;
  filed: boolean;
  /** A major case: a designated prosecutor is expected for it [S0 二(四)3]. */
  major: boolean;
  suspects: Readonly<Record<string, SuspectState>>;
  noteIds: readonly string[];
  /** Penalty decisions and compulsory measures by id, each awaiting or having its ministry entry. */
  decisions: Readonly<Record<string, { suspectId: string; entryRecorded: boolean }>>;
  designatedProsecutor: {
    procuratorateId: string;
    prosecutorUserId: string;
  } | null;
  review: {
    procuratorateId: string;
    suspectIds: readonly string[];
    /** Decides the clock's rule: custody periods never run over a holiday. */
    inCustody: boolean;
    extended: boolean;
    open: boolean;
    /** When the running period began (transfer or resubmission): later steps cannot predate it. */
    since: string;
    /** 0: the first period; n: the period after the n-th resubmission (its own clock). */
    round: number;
    /** Returns for supplementary investigation so far (at most 2, CPL art. 175). */
    returns: number;
    /** Returned and not yet resubmitted: with the police, since `returnedAt`. */
    withPolice: boolean;
    returnedAt: string | null;
    /** The rule of the police's running month (custody or not), so its stop names the rule its start did. */
    supplementaryRule: string | null;
  } | null;
  supervision: {
    supervisorOrganisationId: string;
    supervisorKind: ListedSupervisorKind;
    dueAt: string;
  } | null;
  /** From the incident: its disturbance was stopped (true), not (false); null: a direct case or not known. */
  incidentDisturbanceStopped: boolean | null;
  /** The 30-day 治安案件 period: null for criminal cases and for cases accepted before it ran. */
  casePeriod: { open: boolean; extended: boolean; since: string } | null;
  /** The latest 治安调解 outcome, and the ids recorded (a repeat is refused). */
  mediation: { outcome: PublicSecurityMediationOutcome | null; ids: readonly string[] };
}

export type PoliceCaseState = { status: 'none' } | OpenPoliceCase;

export const initialState = (): PoliceCaseState => ({ status: 'none' });

const updateSuspect = (state: OpenPoliceCase, suspectId: string, change: Partial<SuspectState>): OpenPoliceCase => ({
  ...state,
  suspects: {
    ...state.suspects,
    [suspectId]: { ...state.suspects[suspectId], ...change },
  },
});

const updateSuspects = (state: OpenPoliceCase, suspectIds: readonly string[], change: Partial<SuspectState>): OpenPoliceCase =>
  suspectIds.reduce((next, id) => updateSuspect(next, id, change), state);

export function evolve(state: PoliceCaseState, event: ProsecutionEvent): PoliceCaseState {
  if (event.type === 'CaseAccepted') {
    const { data } = event;
    return {
      status: 'open',
      caseNumber: data.caseNumber,
      hospitalId: data.hospitalId,
      regionCode: data.regionCode,
      kind: data.kind,
      origin: data.origin,
      handlingUnitId: data.handlingUnitId,
      filed: false,
      major: data.major === true,
      suspects: {},
      noteIds: [],
      decisions: {},
      designatedProsecutor: null,
      review: null,
      supervision: null,
      incidentDisturbanceStopped: data.incidentDisturbanceStopped ?? null,
      casePeriod: data.clocks?.some((c) => c.action === 'start') ? { open: true, extended: false, since: data.acceptedAt } : null,
      mediation: { outcome: null, ids: [] },
    };
  }
  if (state.status !== 'open') return state; // nothing but acceptance starts a case
  switch (event.type) {
    case 'CriminalCaseFiled':
      return { ...state, filed: true };
    case 'CaseConvertedToCriminal':
      return { ...state, kind: 'criminal', casePeriod: state.casePeriod && { ...state.casePeriod, open: false } };
    case 'SuspectAdded':
      return {
        ...state,
        suspects: {
          ...state.suspects,
          [event.data.suspectId]: {
            suspectId: event.data.suspectId,
            custody: 'none',
            detention: null,
            arrestRequest: null,
            prosecution: 'none',
            courtId: null,
            onTrial: false,
            verdict: null,
            appealed: false,
            final: false,
          },
        },
      };
    case 'InvestigationNoteAdded':
      return { ...state, noteIds: [...state.noteIds, event.data.noteId] };
    case 'CaseTransferred':
      return { ...state, handlingUnitId: event.data.toUnitId };
    case 'AdministrativePenaltyDecided':
      return {
        ...state,
        casePeriod: state.casePeriod && { ...state.casePeriod, open: false },
        decisions: {
          ...state.decisions,
          [event.data.decisionId]: {
            suspectId: event.data.suspectId,
            entryRecorded: false,
          },
        },
      };
    case 'CompulsoryMeasureImposed': {
      const { data } = event;
      const withDecision: OpenPoliceCase = {
        ...state,
        decisions: {
          ...state.decisions,
          [data.measureId]: { suspectId: data.suspectId, entryRecorded: false },
        },
      };
      const suspect = state.suspects[data.suspectId];
      return updateSuspect(withDecision, data.suspectId, {
        custody: data.custodyAfter,
        detention:
          data.measure === 'criminal_detention'
            ? {
                measureId: data.measureId,
                extensionDays: 0,
                rovingSerialGang: false,
              }
            : data.custodyAfter === 'none'
              ? null
              : suspect.detention,
        arrestRequest:
          data.measure === 'arrest' && suspect.arrestRequest ? { ...suspect.arrestRequest, status: 'executed' } : suspect.arrestRequest,
      });
    }
    case 'MinistrySystemEntryRecorded': {
      const decision = state.decisions[event.data.decisionId];
      return {
        ...state,
        decisions: {
          ...state.decisions,
          [event.data.decisionId]: { ...decision, entryRecorded: true },
        },
      };
    }
    case 'ArrestRequestPeriodExtended': {
      const detention = state.suspects[event.data.suspectId].detention;
      if (!detention) return state;
      return updateSuspect(state, event.data.suspectId, {
        detention: {
          ...detention,
          extensionDays: event.data.totalExtensionDays,
          rovingSerialGang: detention.rovingSerialGang || event.data.ground !== 'special_circumstances',
        },
      });
    }
    case 'ArrestApprovalRequested': {
      // A request recorded before receipts were a step started the decision clock itself: received then.
      const legacyStart = event.data.clocks.find((c) => c.action === 'start');
      return updateSuspect(state, event.data.suspectId, {
        detention: null,
        arrestRequest: {
          requestId: event.data.requestId,
          procuratorateId: event.data.procuratorateId,
          status: 'pending',
          decisionRule: legacyStart?.rule,
          requestedAt: event.data.requestedAt,
          receivedAt: legacyStart ? event.data.requestedAt : null,
        },
      });
    }
    case 'ArrestRequestReceived': {
      const request = state.suspects[event.data.suspectId].arrestRequest;
      return updateSuspect(state, event.data.suspectId, {
        arrestRequest: request && {
          ...request,
          receivedAt: event.data.receivedAt,
          decisionRule: event.data.clocks.find((c) => c.action === 'start')?.rule,
        },
      });
    }
    case 'ArrestApprovalDecided': {
      const suspect = state.suspects[event.data.suspectId];
      const approved = event.data.outcome === 'approved';
      return updateSuspect(state, event.data.suspectId, {
        arrestRequest: suspect.arrestRequest && {
          ...suspect.arrestRequest,
          status: approved ? 'approved' : 'not_approved',
        },
        custody: !approved && suspect.custody === 'criminal_detention' ? 'none' : suspect.custody,
      });
    }
    case 'ProsecutorDesignated':
      return {
        ...state,
        designatedProsecutor: {
          procuratorateId: event.data.procuratorateId,
          prosecutorUserId: event.data.prosecutorUserId,
        },
      };
    case 'CaseTransferredForProsecution':
      return updateSuspects(
        {
          ...state,
          review: {
            procuratorateId: event.data.procuratorateId,
            suspectIds: event.data.suspectIds,
            inCustody: event.data.inCustody,
            extended: false,
            open: true,
            since: event.data.transferredAt,
            round: 0,
            returns: 0,
            withPolice: false,
            returnedAt: null,
            supplementaryRule: null,
          },
        },
        event.data.suspectIds,
        { prosecution: 'under_review' },
      );
    case 'ProsecutionReviewExtended':
      return state.review ? { ...state, review: { ...state.review, extended: true } } : state;
    case 'CaseReturnedForSupplementaryInvestigation':
      return state.review
        ? {
            ...state,
            review: {
              ...state.review,
              open: false,
              withPolice: true,
              returns: event.data.returnNumber,
              returnedAt: event.data.returnedAt,
              supplementaryRule: event.data.clocks.find((c) => c.action === 'start')?.rule ?? null,
            },
          }
        : state;
    case 'CaseResubmittedForProsecution':
      // A new review period (重新计算审查起诉期限): its own clock, and its own extension.
      return state.review
        ? {
            ...state,
            review: {
              ...state.review,
              open: true,
              withPolice: false,
              inCustody: event.data.inCustody,
              extended: false,
              since: event.data.resubmittedAt,
              round: event.data.returnNumber,
            },
          }
        : state;
    case 'SuspectsIndicted':
    case 'NonProsecutionDecided': {
      const next = updateSuspects(
        state,
        event.data.suspectIds,
        event.type === 'SuspectsIndicted' ? { prosecution: 'indicted', courtId: event.data.courtId } : { prosecution: 'not_prosecuted' },
      );
      const open = next.review ? next.review.suspectIds.some((id) => next.suspects[id]?.prosecution === 'under_review') : false;
      return next.review ? { ...next, review: { ...next.review, open } } : next;
    }
    case 'FirstInstanceTrialStarted':
      return updateSuspects(state, event.data.defendantIds, { onTrial: true });
    case 'FirstInstanceVerdictDelivered':
      return updateSuspect(state, event.data.suspectId, {
        verdict: {
          verdict: event.data.verdict,
          sentence: event.data.sentence,
          deliveredAt: event.data.deliveredAt,
          ...(event.data.clocks?.[0] ? { appealWindow: event.data.clocks[0].rule } : {}),
        },
      });
    case 'AppealFiled':
      return updateSuspect(state, event.data.suspectId, { appealed: true });
    case 'FinalJudgementRecorded':
      return updateSuspect(state, event.data.suspectId, { final: true });
    case 'ListedSupervisionStarted':
      return {
        ...state,
        supervision: {
          supervisorOrganisationId: event.data.supervisorOrganisationId,
          supervisorKind: event.data.supervisorKind,
          dueAt: event.data.dueAt,
        },
      };
    case 'SupervisionProgressReported':
      return state;
    case 'ListedSupervisionRemoved':
      return { ...state, supervision: null };
    case 'IncidentDisturbanceStoppedNoted':
      return { ...state, incidentDisturbanceStopped: true };
    case 'PublicSecurityCasePeriodExtended':
      return { ...state, casePeriod: state.casePeriod && { ...state.casePeriod, extended: true } };
    case 'PublicSecurityMediationRecorded': {
      // An agreement decides the case; a failed mediation leaves it open for a penalty decision.
      const agreed = event.data.outcome === 'agreement_reached';
      return {
        ...state,
        mediation: { outcome: event.data.outcome, ids: [...state.mediation.ids, event.data.mediationId] },
        casePeriod: state.casePeriod && { ...state.casePeriod, open: state.casePeriod.open && !agreed },
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
