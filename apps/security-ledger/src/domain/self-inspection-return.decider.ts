import { isRegionCode, regionContains } from '@pingan/access';
import {
  endOfShanghaiDay,
  parseIsoDate,
  selfInspectionDeadlineId,
  shanghaiDateOf,
  type FieldError,
  type SecurityLedgerEvent,
  type SecurityProfile,
} from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import type { SelfInspectionReturnCommand } from './self-inspection-return.commands.js';
import { SecurityLedgerError, SecurityLedgerErrorCode as E } from './security-ledger.errors.js';

/** Commissions set returns and supervise them [S0 三(三)]; each hospital's security office files its own. */
export const RETURN_SETTER_ROLES = ['health_commission_official'];
export const RETURN_FILER_ROLES = ['hospital_security_officer'];
export const SELF_INSPECTION_RULE = 'self-inspection-return';
const MAX_EVIDENCE = 20;

export interface ReturnFiling {
  profileRevision: number | null;
  profile: SecurityProfile | null;
  evidence: string[];
  filedAt: string;
  onTime: boolean;
}

export interface SelfInspectionReturnState {
  set: boolean;
  returnId: string | null;
  commissionId: string | null;
  regionCode: string | null;
  title: string | null;
  asOf: string | null;
  dueOn: string | null;
  dueAt: string | null;
  setAt: string | null;
  hospitalIds: string[];
  filings: Record<string, ReturnFiling>;
}

export const initialState = (): SelfInspectionReturnState => ({
  set: false,
  returnId: null,
  commissionId: null,
  regionCode: null,
  title: null,
  asOf: null,
  dueOn: null,
  dueAt: null,
  setAt: null,
  hospitalIds: [],
  filings: {},
});

export const isDay = (value: unknown): value is string => {
  try {
    return typeof value === 'string' && (parseIsoDate(value), true);
  } catch {
    return false;
  }
};

function invalid(errors: FieldError[]): never {
  throw new SecurityLedgerError(E.InvalidReturn, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

export function decide(command: SelfInspectionReturnCommand, state: SelfInspectionReturnState): SecurityLedgerEvent[] {
  const { actor, now } = command.metadata;
  switch (command.type) {
    case 'SetSelfInspectionReturn': {
      const d = command.data;
      if (!RETURN_SETTER_ROLES.includes(actor.role))
        throw new SecurityLedgerError(E.NotAuthorised, `Role ${actor.role} may not set a self-inspection return`);
      if (!isRegionCode(d.regionCode) || !regionContains(d.commissionRegion, d.regionCode))
        throw new SecurityLedgerError(E.RegionOutsideScope, `Region ${d.regionCode} is not the commission's region or below it`);
      if (state.set) throw new SecurityLedgerError(E.ReturnExists, `Return ${d.returnId} is already set`);
      const today = shanghaiDateOf(now);
      const errors: FieldError[] = [];
      const title = d.title.trim();
      if (!title) errors.push({ field: 'title', code: 'BLANK', message: 'a title' });
      if (!isDay(d.asOf)) errors.push({ field: 'asOf', code: 'NOT_A_DAY', message: 'a day, YYYY-MM-DD' });
      if (!isDay(d.dueOn)) errors.push({ field: 'dueOn', code: 'NOT_A_DAY', message: 'a day, YYYY-MM-DD' });
      else if (isDay(d.asOf) && d.dueOn < d.asOf)
        errors.push({ field: 'dueOn', code: 'DUE_BEFORE_AS_OF', message: `before the as-of day (${d.asOf})` });
      else if (d.dueOn < today) errors.push({ field: 'dueOn', code: 'IN_PAST', message: `before today (${today})` });
      if (!d.hospitalIds.length) errors.push({ field: 'regionCode', code: 'NO_HOSPITALS', message: 'no hospital in the region' });
      if (errors.length) invalid(errors);
      const hospitalIds = [...new Set(d.hospitalIds)].sort();
      const dueAt = endOfShanghaiDay(d.dueOn).toISOString();
      return [
        {
          type: 'SelfInspectionReturnSet',
          data: {
            returnId: d.returnId,
            commissionId: d.commissionId,
            regionCode: d.regionCode,
            title,
            asOf: d.asOf,
            dueOn: d.dueOn,
            dueAt,
            hospitalIds,
            setAt: now.toISOString(),
            // One clock per hospital: its duty to file, escalated to the commission when it breaches.
            clocks: hospitalIds.map((hospitalId) => ({
              action: 'start' as const,
              deadlineId: selfInspectionDeadlineId(d.returnId, hospitalId),
              subject: hospitalId,
              rule: SELF_INSPECTION_RULE,
              startedAt: now.toISOString(),
              dueAt,
              responsibleOrganisationId: hospitalId,
              supervisingOrganisationId: d.commissionId,
            })),
          },
        },
      ];
    }
    case 'FileSelfInspectionReturn': {
      const d = command.data;
      if (!RETURN_FILER_ROLES.includes(actor.role))
        throw new SecurityLedgerError(E.NotAuthorised, `Role ${actor.role} may not file a self-inspection return`);
      if (actor.organisationId !== d.hospitalId)
        throw new SecurityLedgerError(E.NotOwnHospital, "Only the hospital's own security office files its return");
      if (!state.set) throw new SecurityLedgerError(E.ReturnNotFound, `No return ${d.returnId}`);
      if (!state.hospitalIds.includes(d.hospitalId))
        throw new SecurityLedgerError(E.NotInReturn, 'This return is not set for this hospital (another region)');
      if (state.filings[d.hospitalId]) throw new SecurityLedgerError(E.AlreadyFiled, 'This hospital has filed this return already');
      if (!d.profile) throw new SecurityLedgerError(E.NoProfile, 'File the security profile first: the return is a snapshot of it');
      const evidence = [...new Set(d.evidence.map((e) => e.trim()).filter(Boolean))];
      if (evidence.length > MAX_EVIDENCE) invalid([{ field: 'evidence', code: 'TOO_MANY', message: `at most ${MAX_EVIDENCE} references` }]);
      const at = now.toISOString();
      return [
        {
          type: 'SelfInspectionReturnFiled',
          data: {
            returnId: state.returnId!,
            hospitalId: d.hospitalId,
            profileRevision: d.profileRevision,
            profile: d.profile,
            evidence,
            filedAt: at,
            onTime: now.getTime() <= new Date(state.dueAt!).getTime(),
            // Met in time, or late: the clock then records the breach (a late filing still counts as late).
            clocks: [{ action: 'stop' as const, deadlineId: selfInspectionDeadlineId(state.returnId!, d.hospitalId), at }],
          },
        },
      ];
    }
  }
}

export function evolve(state: SelfInspectionReturnState, event: SecurityLedgerEvent): SelfInspectionReturnState {
  switch (event.type) {
    case 'SelfInspectionReturnSet': {
      const d = event.data;
      return {
        ...state,
        set: true,
        returnId: d.returnId,
        commissionId: d.commissionId,
        regionCode: d.regionCode,
        title: d.title,
        asOf: d.asOf,
        dueOn: d.dueOn,
        dueAt: d.dueAt,
        setAt: d.setAt,
        hospitalIds: d.hospitalIds,
      };
    }
    case 'SelfInspectionReturnFiled': {
      const d = event.data;
      const filing: ReturnFiling = {
        profileRevision: d.profileRevision,
        profile: d.profile,
        evidence: d.evidence,
        filedAt: d.filedAt,
        onTime: d.onTime,
      };
      return { ...state, filings: { ...state.filings, [d.hospitalId]: filing } };
    }
    default:
      return state;
  }
}

export const selfInspectionReturnDecider: Decider<SelfInspectionReturnCommand, SecurityLedgerEvent, SelfInspectionReturnState> = {
  decide,
  evolve,
  initialState,
};
