import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../shared/api/client';
import { items } from '../shared/api/queries';
import type { components } from '../shared/api/schema';
import type { Deadline } from '../shared/api/views';

/**
 * The security ledger's answers as the screens read them (the API documents its requests, generated into
 * schema.ts, not yet its answers: these are the fields of apps/security-ledger/src/ledger/queries/*.ts).
 */
type Schemas = components['schemas'];
export type ProfileBody = Schemas['SecurityProfileDto'];
export type SetReturnBody = Schemas['SetSelfInspectionReturn'];
export type Compliance = 'compliant' | 'non_compliant' | 'incomplete' | 'not_filed';
export type RequirementStatus = 'met' | 'not_met' | 'unknown' | 'not_applicable';
export type FilingStatus = 'on_time' | 'late' | 'missing' | 'pending';

/** The profile as filed: every part null where it was not filed. */
export type SecurityProfile = {
  [K in keyof Required<Omit<ProfileBody, 'level' | 'ownership'>>]: Exclude<ProfileBody[K], undefined>;
};

export interface Requirement {
  standardId: string;
  kind: string;
  title: string;
  scope: 'national' | 'regional';
  source: string;
  status: RequirementStatus;
  /** In words, as the API evaluates it: "需配备保安47人（…），现有39人". */
  figure: string;
}

/** A hospital as both the ledger and its own page name it (grade and ownership as the directory knows them). */
interface HospitalHeading {
  hospitalId: string;
  name: string;
  regionCode: string;
  regionName: string;
  level: string | null;
  ownership: string | null;
  revision: number;
  filedAt: string | null;
}

export interface LedgerHospital extends HospitalHeading {
  filed: boolean;
  profile: SecurityProfile | null;
  evaluation: { asOf: string; compliance: Compliance; counts: Record<RequirementStatus, number> | null; requirements: Requirement[] };
}

export interface LedgerRow extends HospitalHeading {
  compliance: Compliance;
  gaps: Pick<Requirement, 'standardId' | 'title' | 'source' | 'status' | 'figure'>[];
  /** Rectification items not signed off, of those past due, and signed off after the due day. */
  openItems: number;
  overdueItems: number;
  lateItems: number;
  lastInspectedAt: string | null;
  /** Its Shanghai day; null: never inspected. */
  lastInspectionOn: string | null;
}

export interface RegionLedger {
  regionCode: string;
  regionName: string;
  asOf: string;
  summary: Record<Compliance | 'hospitals', number>;
  regionRequirements: Requirement[];
  items: LedgerRow[];
}

export interface ReturnHospital {
  hospitalId: string;
  name: string;
  regionName: string | null;
  status: FilingStatus;
  filedAt: string | null;
  profileRevision: number | null;
  evidence: string[];
  clock: { state: string; dueAt: string; breachedAt: string | null } | null;
}

export interface SelfInspectionReturn {
  returnId: string;
  title: string;
  regionCode: string;
  regionName: string;
  asOf: string;
  dueOn: string;
  dueAt: string;
  setAt: string;
  counts: Record<FilingStatus | 'hospitals', number>;
  hospitals: ReturnHospital[];
}

const keys = {
  hospital: (id: string) => ['security-ledger', 'hospital', id] as const,
  ledger: (region?: string, compliance?: string) => ['security-ledger', 'ledger', region ?? '', compliance ?? ''] as const,
  returnClocks: (unit?: string) => ['security-ledger', 'return-clocks', unit ?? ''] as const,
  return: (id: string) => ['security-ledger', 'return', id] as const,
};

export const useLedgerHospital = (hospitalId: string) =>
  useQuery({
    queryKey: keys.hospital(hospitalId),
    queryFn: () => ok<LedgerHospital>(api.GET('/security-ledger/hospitals/{hospitalId}', { params: { path: { hospitalId } } })),
  });

export const useRegionLedger = (region?: string, compliance?: Compliance) =>
  useQuery({
    queryKey: keys.ledger(region, compliance),
    queryFn: () => ok<RegionLedger>(api.GET('/security-ledger/ledger', { params: { query: { region, compliance } } })),
  });

export const useReturn = (returnId: string) =>
  useQuery({
    queryKey: keys.return(returnId),
    refetchInterval: 10_000,
    queryFn: () => ok<SelfInspectionReturn>(api.GET('/security-ledger/returns/{returnId}', { params: { path: { returnId } } })),
  });

// The API has no list of returns: each return starts one clock per hospital (deadline id `<returnId>/<hospitalId>`),
// and the deadline board lists the clocks a hospital answers for and those of a commission's region.
const RETURN_RULE = 'self-inspection-return';
export const returnIdOf = (deadline: Pick<Deadline, 'deadlineId'>): string => deadline.deadlineId.split('/')[0];

/** The returns the caller sees on the board (a hospital: its own; a commission: its region's; `unit`: one hospital's), newest first. */
export function useReturns(unit?: string) {
  const clocks = useQuery({
    queryKey: keys.returnClocks(unit),
    refetchInterval: 10_000,
    queryFn: async () =>
      items(
        await ok<Deadline[] | { items: Deadline[] }>(
          api.GET('/oversight/deadlines', { params: { query: { rule: RETURN_RULE, unit, limit: 200 } } }),
        ),
      ),
  });
  const ids = [...new Set((clocks.data ?? []).map(returnIdOf))];
  const returns = useQueries({
    queries: ids.map((returnId) => ({
      queryKey: keys.return(returnId),
      refetchInterval: 10_000,
      queryFn: () => ok<SelfInspectionReturn>(api.GET('/security-ledger/returns/{returnId}', { params: { path: { returnId } } })),
    })),
  });
  const loaded = returns.flatMap((r) => (r.data ? [r.data] : [])).sort((a, b) => b.setAt.localeCompare(a.setAt));
  return {
    isPending: clocks.isPending || returns.some((r) => r.isPending),
    error: clocks.error ?? returns.find((r) => r.error)?.error ?? null,
    refetch: () => void clocks.refetch(),
    returns: loaded,
  };
}

function useInvalidateLedger() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['security-ledger'] });
}

export function useFileProfile(hospitalId: string) {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: (body: ProfileBody) =>
      ok<{ hospitalId: string; revision: number; changed: boolean }>(
        api.PUT('/security-ledger/hospitals/{hospitalId}/profile', { params: { path: { hospitalId } }, body }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetReturn() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: (body: SetReturnBody) =>
      ok<{ returnId: string; regionCode: string; dueAt: string; hospitals: number }>(api.POST('/security-ledger/returns', { body })),
    onSuccess: invalidate,
  });
}

export function useFileReturn() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: ({ returnId, evidence }: { returnId: string; evidence: string[] }) =>
      ok<{ returnId: string; onTime: boolean; profileRevision: number }>(
        api.POST('/security-ledger/returns/{returnId}/filings', { params: { path: { returnId } }, body: { evidence } }),
      ),
    onSuccess: invalidate,
  });
}
