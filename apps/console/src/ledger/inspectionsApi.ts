import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../shared/api/client';
import type { components } from '../shared/api/schema';
import type { Compliance, RequirementStatus } from './api';

/**
 * Inspections, rectification and the assessment as the screens read them (the fields of
 * apps/security-ledger/src/inspections/queries/get-inspection.ts and assessment/queries/get-assessment.ts).
 */
type Schemas = components['schemas'];
export type RecordInspectionBody = Schemas['RecordSecurityInspection'];
export type IssueItemBody = Schemas['IssueRectificationItem'];
export type RequirementKind = Schemas['InspectionFindingDto']['requirement'];
export type ItemStatus = 'issued' | 'reported' | 'sent_back' | 'signed_off';

interface InspectingUnit {
  organisationId: string;
  kind?: string;
  name?: string;
}

export interface RectificationItem {
  itemId: string;
  findingId: string;
  requirement: RequirementKind;
  responsible: { name: string; role: string };
  dueOn: string;
  dueAt: string;
  issuedAt: string;
  status: ItemStatus;
  reports: { note: string; evidence: string[]; reportedAt: string }[];
  sentBack: { reason: string; sentBackAt: string }[];
  signedOffAt: string | null;
  onTime: boolean | null;
  overdue: boolean;
  clock: { state: string; dueAt: string; breachedAt: string | null } | null;
}

export interface Inspection {
  inspectionId: string;
  hospitalId: string;
  hospitalName: string;
  regionCode: string;
  regionName: string;
  kind: 'inspection' | 'supervision';
  inspectedAt: string;
  inspectedOn: string;
  inspector: InspectingUnit;
  findings: { findingId: string; requirement: RequirementKind; note: string }[];
  items: RectificationItem[];
  counts: { items: number; open: number; overdue: number; signedOff: number; late: number };
  circulars: { circularId: string; text: string; issuedAt: string }[];
  interviews: { interviewId: string; heldAt: string; interviewee: string; summary: string }[];
}

export interface InspectionSummary {
  inspectionId: string;
  kind: 'inspection' | 'supervision';
  inspectedAt: string;
  inspectedOn: string;
  findings: number;
  circulars: number;
  interviews: number;
  items: { total: number; open: number; overdue: number; late: number };
}

export interface AssessmentSheetItem {
  id: string;
  kind: string;
  title: string;
  points: number;
  source: string | null;
}
export interface AssessmentSheet {
  title: string;
  total: number;
  items: AssessmentSheetItem[];
  bands: { grade: string; minScore: number }[];
}

/** The sheet a region is scored by: its own, a region's above it (`origin`), or the default. */
export interface EffectiveSheet {
  regionCode: string;
  regionName: string;
  origin: string;
  version: number;
  setAt: string | null;
  sheet: AssessmentSheet;
}

export interface Assessment {
  assessmentId: string;
  year: number;
  regionCode: string;
  regionName: string;
  asOf: string;
  recordedAt: string;
  sheet: AssessmentSheet & { origin: string; version: number };
  hospitals: {
    hospitalId: string;
    name: string;
    regionName: string;
    compliance: Compliance;
    total: number;
    grade: string | null;
    scores: { itemId: string; status: RequirementStatus; score: number; figure: string; title: string; points: number }[];
  }[];
  grades: Record<string, number>;
}

const keys = {
  inspections: (hospitalId: string) => ['security-ledger', 'inspections', hospitalId] as const,
  inspection: (id: string) => ['security-ledger', 'inspection', id] as const,
  sheet: (region: string) => ['security-ledger', 'assessment-sheet', region] as const,
  assessment: (id: string) => ['security-ledger', 'assessment', id] as const,
};

const getInspection = (inspectionId: string) =>
  ok<Inspection>(api.GET('/security-ledger/inspections/{inspectionId}', { params: { path: { inspectionId } } }));

export const useHospitalInspections = (hospitalId: string) =>
  useQuery({
    queryKey: keys.inspections(hospitalId),
    queryFn: () =>
      ok<{ inspections: InspectionSummary[] }>(
        api.GET('/security-ledger/hospitals/{hospitalId}/inspections', { params: { path: { hospitalId } } }),
      ),
  });

export const useInspection = (inspectionId: string) =>
  useQuery({ queryKey: keys.inspection(inspectionId), refetchInterval: 30_000, queryFn: () => getInspection(inspectionId) });

/** The hospital's items not yet signed off, over every inspection that has some, the soonest due first. */
export function useOpenItems(hospitalId: string) {
  const list = useHospitalInspections(hospitalId);
  const open = (list.data?.inspections ?? []).filter((i) => i.items.open > 0);
  const inspections = useQueries({
    queries: open.map((i) => ({ queryKey: keys.inspection(i.inspectionId), queryFn: () => getInspection(i.inspectionId) })),
  });
  const items = inspections
    .flatMap((q) => (q.data ? q.data.items.filter((it) => it.status !== 'signed_off').map((item) => ({ item, inspection: q.data })) : []))
    .sort((a, b) => a.item.dueAt.localeCompare(b.item.dueAt));
  return {
    isPending: list.isPending || inspections.some((q) => q.isPending),
    error: list.error ?? inspections.find((q) => q.error)?.error ?? null,
    items,
  };
}

function useLedgerMutation<V, R>(call: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: ['security-ledger'] }) });
}

export const useRecordInspection = () =>
  useLedgerMutation((body: RecordInspectionBody) => ok<{ inspectionId: string }>(api.POST('/security-ledger/inspections', { body })));

export const useIssueItem = (inspectionId: string) =>
  useLedgerMutation((body: IssueItemBody) =>
    ok<RectificationItem>(api.POST('/security-ledger/inspections/{inspectionId}/items', { params: { path: { inspectionId } }, body })),
  );

type ItemPath = { inspectionId: string; itemId: string };
export const useReportFix = () =>
  useLedgerMutation(({ inspectionId, itemId, ...body }: ItemPath & Schemas['ReportRectification']) =>
    ok(api.POST('/security-ledger/inspections/{inspectionId}/items/{itemId}/fix', { params: { path: { inspectionId, itemId } }, body })),
  );
export const useSignOff = () =>
  useLedgerMutation(({ inspectionId, itemId, ...body }: ItemPath & Schemas['SignOffRectification']) =>
    ok<{ onTime: boolean }>(
      api.POST('/security-ledger/inspections/{inspectionId}/items/{itemId}/sign-off', { params: { path: { inspectionId, itemId } }, body }),
    ),
  );
export const useSendBack = () =>
  useLedgerMutation(({ inspectionId, itemId, ...body }: ItemPath & Schemas['SendBackRectification']) =>
    ok(
      api.POST('/security-ledger/inspections/{inspectionId}/items/{itemId}/send-back', {
        params: { path: { inspectionId, itemId } },
        body,
      }),
    ),
  );
export const useCircular = (inspectionId: string) =>
  useLedgerMutation((body: Schemas['IssueSecurityCircular']) =>
    ok(api.POST('/security-ledger/inspections/{inspectionId}/circulars', { params: { path: { inspectionId } }, body })),
  );
export const useInterview = (inspectionId: string) =>
  useLedgerMutation((body: Schemas['RecordSecurityInterview']) =>
    ok(api.POST('/security-ledger/inspections/{inspectionId}/interviews', { params: { path: { inspectionId } }, body })),
  );

export const useAssessmentSheet = (region: string) =>
  useQuery({
    queryKey: keys.sheet(region),
    enabled: region !== '',
    queryFn: () => ok<EffectiveSheet>(api.GET('/security-ledger/assessment-sheets/{region}', { params: { path: { region } } })),
  });

export const useAssessment = (assessmentId: string | null) =>
  useQuery({
    queryKey: keys.assessment(assessmentId ?? ''),
    enabled: !!assessmentId,
    queryFn: () =>
      ok<Assessment>(api.GET('/security-ledger/assessments/{assessmentId}', { params: { path: { assessmentId: assessmentId! } } })),
  });

export const useRecordAssessment = () =>
  useLedgerMutation((body: Schemas['RecordSecurityAssessment']) =>
    ok<{ assessmentId: string; year: number; regionCode: string; hospitals: number }>(api.POST('/security-ledger/assessments', { body })),
  );
