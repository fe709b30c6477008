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
  NotificationPage,
  NotificationStatus,
  Organisation,
  ReceiveComplaint,
  Reclassify,
  ReportIncident,
  RoutesNotice,
  Timeline,
} from './views';
import type {
  AddSuspect,
  CalendarYear,
  CaseSuspects,
  DecidePenalty,
  ImposeMeasure,
  MinistryEntry,
  PoliceCaseCommandResult,
  PoliceCaseKind,
  PoliceCaseSummary,
  PoliceCaseView,
  TransferForProsecution,
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
  policeCases: (filter: object) => ['police-cases', filter] as const,
  policeCase: (caseNumber: string) => ['police-case', caseNumber] as const,
  suspects: (caseNumber: string, purpose: string) => ['suspects', caseNumber, purpose] as const,
  calendar: (year: number) => ['calendar', year] as const,
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
          ? api.POST('/incidents/{caseNumber}/escalations/{level}/forward', { params: { path: { caseNumber, level } }, body: {} })
          : api.POST('/incidents/{caseNumber}/escalations/{level}/acknowledge', { params: { path: { caseNumber, level } }, body: {} }),
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

/** The inbox's queries all start with this key: a notification frame or a mark refreshes them together. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const INBOX_PAGE_SIZE = 20;

/** One page of the user's notifications, newest first (no status: all of them). */
export const useNotifications = (status: NotificationStatus | undefined, page: number, refetchInterval?: number) =>
  useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', status ?? 'all', page],
    refetchInterval,
    // The previous page stays while the next loads; another tab's items never stand in for this tab's.
    placeholderData: (previous, query) => (query?.queryKey[2] === (status ?? 'all') ? previous : undefined),
    queryFn: () =>
      ok<NotificationPage>(
        api.GET('/notifications', { params: { query: { status, limit: INBOX_PAGE_SIZE, offset: (page - 1) * INBOX_PAGE_SIZE } } }),
      ),
  });

/** How many of the user's notifications are unread (the bell): one item asked for, the total counted. */
export const useUnreadCount = (refetchInterval?: number) =>
  useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    refetchInterval,
    queryFn: async () =>
      (await ok<NotificationPage>(api.GET('/notifications', { params: { query: { status: 'unread', limit: 1 } } }))).total,
  });

/** 标为已读 (for the caller) or 签收 (for the caller's whole organisation, recorded in the case history). */
export function useMarkNotification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mark }: { id: string; mark: 'read' | 'acknowledge' }) =>
      mark === 'read'
        ? ok<unknown>(api.POST('/notifications/{id}/read', { params: { path: { id } } }))
        : ok<unknown>(api.POST('/notifications/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

// 公安办案: the case officer's police cases (apps/prosecution/src/police-cases).

export interface PoliceCaseFilter {
  /** The handling unit (本单位承办); all the caller's jurisdiction when absent. */
  unit?: string;
  kind?: PoliceCaseKind;
  /** Case number, hospital or unit (free text). */
  q?: string;
}

export const usePoliceCases = (filter: PoliceCaseFilter = {}) =>
  useQuery({
    queryKey: keys.policeCases(filter),
    refetchInterval: 15_000,
    queryFn: async () =>
      items(
        await ok<PoliceCaseSummary[] | { items: PoliceCaseSummary[] }>(
          api.GET('/police-cases', { params: { query: { ...filter, limit: 200 } } }),
        ),
      ),
  });

/** One police case: its state, its legal clocks (as the service counts them) and its history. */
export const usePoliceCase = (caseNumber: string) =>
  useQuery({
    queryKey: keys.policeCase(caseNumber),
    refetchInterval: 10_000,
    queryFn: () => ok<PoliceCaseView>(api.GET('/police-cases/{caseNumber}', { params: { path: { caseNumber } } })),
  });

/**
 * The suspects' names: personal data, each read audited with why (x-access-purpose). Only once a purpose is given;
 * kept for the page's life so one stated purpose is one audited read, not one per refetch.
 */
export const useCaseSuspects = (caseNumber: string, purpose: string | null) =>
  useQuery({
    queryKey: keys.suspects(caseNumber, purpose ?? ''),
    enabled: !!purpose,
    staleTime: Infinity,
    queryFn: () =>
      ok<CaseSuspects>(
        api.GET('/police-cases/{caseNumber}/suspects', {
          params: { path: { caseNumber } },
          headers: { 'x-access-purpose': encodeURIComponent(purpose!) },
        }),
      ),
  });

/** The working-day calendar of a year (holidays, make-up days), for counting working days left. */
export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: keys.calendar(year),
    staleTime: 60 * 60_000,
    queryFn: () => ok<CalendarYear>(api.GET('/calendar/{year}', { params: { path: { year: String(year) } } })),
  });

export type PoliceCaseAction =
  | { step: 'filing' }
  | { step: 'suspects'; body: AddSuspect }
  | { step: 'penalty-decisions'; body: DecidePenalty }
  | { step: 'compulsory-measures'; body: ImposeMeasure }
  | { step: 'ministry-entries'; body: MinistryEntry }
  | { step: 'prosecution-transfer'; body: TransferForProsecution };

/** The case officer's steps on a case (POST /police-cases/{n}/…), each one command. */
export function usePoliceCaseStep(caseNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: PoliceCaseAction) => {
      const params = { path: { caseNumber } };
      switch (action.step) {
        case 'filing':
          return ok<PoliceCaseCommandResult>(api.POST('/police-cases/{caseNumber}/filing', { params, body: {} }));
        case 'suspects':
          return ok<PoliceCaseCommandResult>(api.POST('/police-cases/{caseNumber}/suspects', { params, body: action.body }));
        case 'penalty-decisions':
          return ok<PoliceCaseCommandResult>(api.POST('/police-cases/{caseNumber}/penalty-decisions', { params, body: action.body }));
        case 'compulsory-measures':
          return ok<PoliceCaseCommandResult>(api.POST('/police-cases/{caseNumber}/compulsory-measures', { params, body: action.body }));
        case 'ministry-entries':
          return ok<PoliceCaseCommandResult>(api.POST('/police-cases/{caseNumber}/ministry-entries', { params, body: action.body }));
        case 'prosecution-transfer':
          return ok<PoliceCaseCommandResult>(api.POST('/police-cases/{caseNumber}/prosecution-transfer', { params, body: action.body }));
      }
    },
    onSuccess: (_result, action) =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['police-cases'] }),
        client.invalidateQueries({ queryKey: keys.policeCase(caseNumber) }),
        client.invalidateQueries({ queryKey: keys.deadlines }),
        client.invalidateQueries({ queryKey: keys.timeline(caseNumber) }),
        // A new suspect's name: the names already read are read again under the purpose already given.
        action.step === 'suspects' ? client.invalidateQueries({ queryKey: ['suspects', caseNumber] }) : undefined,
      ]),
  });
}
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
