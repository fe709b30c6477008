import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import type {
  AlarmDetails,
  Deadline,
  DisputeSummary,
  DisputeView,
  DisputeCommandResult,
  DoorCheckAnswer,
  EscalationChain,
  IncidentCommandResult,
  IncidentOutcome,
  IncidentSummary,
  IncidentView,
  Me,
  Organisation,
  ReceiveComplaint,
  Reclassify,
  ReportIncident,
  RoutesNotice,
  Timeline,
} from './views';

/** A list answer: a bare array today; `{ items, total, limit, offset }` once the API pages its lists. */
export const items = <T>(answer: T[] | { items: T[] } | undefined): T[] => (Array.isArray(answer) ? answer : (answer?.items ?? []));

export const keys = {
  me: ['me'] as const,
  organisations: ['organisations'] as const,
  incidents: (filter: object) => ['incidents', filter] as const,
  incident: (caseNumber: string) => ['incident', caseNumber] as const,
  deadlines: ['deadlines'] as const,
  timeline: (caseNumber: string) => ['timeline', caseNumber] as const,
};

export const useMe = (enabled = true) =>
  useQuery({ queryKey: keys.me, enabled, staleTime: 60_000, queryFn: () => ok<Me>(api.GET('/auth/me')) });

/** The directory, for names (never ids on screen) and the hospital's own facts. */
export const useOrganisations = () =>
  useQuery({
    queryKey: keys.organisations,
    staleTime: 10 * 60_000,
    queryFn: async () => items(await ok<Organisation[] | { items: Organisation[] }>(api.GET('/access/organisations'))),
  });

export function useOrganisationName(): (id: string | null | undefined) => string {
  const { data } = useOrganisations();
  return (id) => (id ? (data?.find((o) => o.organisationId === id)?.name ?? '—') : '—');
}

export interface IncidentFilter {
  status?: 'open' | 'closed';
  major?: boolean;
}

export const useIncidents = (filter: IncidentFilter = {}, refetchInterval?: number) =>
  useQuery({
    queryKey: keys.incidents(filter),
    refetchInterval,
    queryFn: async () =>
      items(
        await ok<IncidentSummary[] | { items: IncidentSummary[] }>(api.GET('/incidents', { params: { query: { ...filter, limit: 200 } } })),
      ),
  });

export const useIncident = (caseNumber: string) =>
  useQuery({
    queryKey: keys.incident(caseNumber),
    refetchInterval: 5_000,
    queryFn: () => ok<IncidentView>(api.GET('/incidents/{caseNumber}', { params: { path: { caseNumber } } })),
  });

/** Every clock the caller may see (oversight's board, fed by the services' events). */
export const useDeadlines = (refetchInterval = 5_000) =>
  useQuery({
    queryKey: keys.deadlines,
    refetchInterval,
    queryFn: async () => items(await ok<Deadline[] | { items: Deadline[] }>(api.GET('/oversight/deadlines'))),
  });

export const useTimeline = (caseNumber: string) =>
  useQuery({
    queryKey: keys.timeline(caseNumber),
    refetchInterval: 10_000,
    queryFn: () => ok<Timeline>(api.GET('/cases/{caseNumber}/timeline', { params: { path: { caseNumber } } })),
  });

function useInvalidateCase() {
  const client = useQueryClient();
  return (caseNumber: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['incidents'] }),
      client.invalidateQueries({ queryKey: keys.incident(caseNumber) }),
      client.invalidateQueries({ queryKey: keys.deadlines }),
      client.invalidateQueries({ queryKey: keys.timeline(caseNumber) }),
    ]);
}

export function useReportIncident() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: (body: ReportIncident) => ok<IncidentCommandResult>(api.POST('/incidents', { body })),
    onSuccess: (result) => invalidate(result.caseNumber),
  });
}

export type PoliceStep = 'dispatch' | 'arrival' | 'disturbance-stopped' | 'scene-cleared';

/** One click on the board: the step at `at` (now, or the corrected time). */
export function usePoliceStep() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: ({ caseNumber, step, at }: { caseNumber: string; step: PoliceStep; at: string }) => {
      const path = { caseNumber };
      switch (step) {
        case 'dispatch':
          return ok<IncidentCommandResult>(api.POST('/incidents/{caseNumber}/dispatch', { params: { path }, body: { dispatchedAt: at } }));
        case 'arrival':
          return ok<IncidentCommandResult>(api.POST('/incidents/{caseNumber}/arrival', { params: { path }, body: { arrivedAt: at } }));
        case 'disturbance-stopped':
          return ok<IncidentCommandResult>(
            api.POST('/incidents/{caseNumber}/disturbance-stopped', { params: { path }, body: { stoppedAt: at } }),
          );
        case 'scene-cleared':
          return ok<IncidentCommandResult>(
            api.POST('/incidents/{caseNumber}/scene-cleared', { params: { path }, body: { clearedAt: at } }),
          );
      }
    },
    onSuccess: (_result, { caseNumber }) => invalidate(caseNumber),
  });
}

export function useEscalate() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: ({ caseNumber, chain }: { caseNumber: string; chain: EscalationChain }) =>
      ok<IncidentCommandResult>(api.POST('/incidents/{caseNumber}/escalations', { params: { path: { caseNumber } }, body: { chain } })),
    onSuccess: (_result, { caseNumber }) => invalidate(caseNumber),
  });
}

export function useAcknowledge() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: ({ caseNumber, level, forward }: { caseNumber: string; level: string; forward?: boolean }) =>
      ok<IncidentCommandResult>(
        forward
          ? api.POST('/incidents/{caseNumber}/escalations/{level}/forward', { params: { path: { caseNumber, level } } })
          : api.POST('/incidents/{caseNumber}/escalations/{level}/acknowledge', { params: { path: { caseNumber, level } } }),
      ),
    onSuccess: (_result, { caseNumber }) => invalidate(caseNumber),
  });
}

export function useCloseIncident() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: ({ caseNumber, outcome, note }: { caseNumber: string; outcome: IncidentOutcome; note?: string }) =>
      ok<IncidentCommandResult>(
        // The document describes this body with the disputes' CloseDto (a name clash, see views.ts): cast until it is unique.
        api.POST('/incidents/{caseNumber}/close', { params: { path: { caseNumber } }, body: { outcome, note } as never }),
      ),
    onSuccess: (_result, { caseNumber }) => invalidate(caseNumber),
  });
}

/**
 * 门岗核查: does this ID number have an active high-risk flag? Audited on the server (x-access-purpose says why);
 * the answer is a warning and what to do, never the person. Not cached: each check is its own audited act.
 */
export const useDoorCheck = () =>
  useMutation({
    mutationFn: (idNumber: string) =>
      ok<DoorCheckAnswer>(
        api.POST('/high-risk-persons/checks', {
          body: { idNumber },
          headers: { 'x-access-purpose': encodeURIComponent('门岗核查') },
        }),
      ),
  });

/** 首诉负责制: the officer who receives the complaint opens the dispute and owns it. */
export const useReceiveComplaint = () =>
  useMutation({ mutationFn: (body: ReceiveComplaint) => ok<DisputeCommandResult>(api.POST('/disputes', { body })) });

/** 多元化解告知: the patient side was told the routes, methods and procedure. */
export const useRoutesNotice = () =>
  useMutation({
    mutationFn: ({ id, body }: { id: string; body: RoutesNotice }) =>
      ok<DisputeCommandResult>(api.POST('/disputes/{id}/routes-notice', { params: { path: { id } }, body })),
  });

/**
 * 补录报警详情: a one-key alarm's particulars, then its category and injuries (its classification, when given).
 * The particulars first: a refused form records nothing. The classification is checked by the form before it is sent;
 * should it still fail, the error says the particulars are on record (`detailsRecorded`).
 */
export function useCompleteAlarmDetails() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: async ({
      caseNumber,
      details,
      classification,
    }: {
      caseNumber: string;
      details: AlarmDetails;
      classification?: Reclassify;
    }) => {
      const path = { caseNumber };
      const recorded = await ok<IncidentCommandResult>(
        api.PATCH('/incidents/{caseNumber}/alarm-details', { params: { path }, body: details }),
      );
      if (!classification) return recorded;
      try {
        return await ok<IncidentCommandResult>(
          api.PATCH('/incidents/{caseNumber}/classification', { params: { path }, body: classification }),
        );
      } catch (error) {
        throw Object.assign(error as Error, { detailsRecorded: true });
      }
    },
    onSettled: (_result, _error, { caseNumber }) => invalidate(caseNumber),
  });
}

export const useDisputes = (filter: { status?: 'open' | 'closed' } = {}) =>
  useQuery({
    queryKey: ['disputes', filter],
    queryFn: async () =>
      items(
        await ok<DisputeSummary[] | { items: DisputeSummary[] }>(api.GET('/disputes', { params: { query: { ...filter, limit: 200 } } })),
      ),
  });

/**
 * One dispute by its case number. The parties' names are personal data: each read is audited (with why) and shows on
 * the case's timeline, so it is read when the page opens, not polled nor re-read on focus.
 */
export const useDispute = (caseNumber: string) =>
  useQuery({
    queryKey: ['dispute', caseNumber],
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    queryFn: () =>
      ok<DisputeView>(
        api.GET('/disputes/{id}', {
          params: { path: { id: caseNumber } },
          headers: { 'x-access-purpose': encodeURIComponent('查看纠纷案件') },
        }),
      ),
  });
