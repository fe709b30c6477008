import createClient from 'openapi-fetch';
import { sessionStore, type Session } from '../auth/session';
import { ApiProblem, OfflineError } from './problem';
import type { paths } from './schema';

/**
 * Every API call of the console goes through here: same origin as the page (the gateway serves both),
 * the access token attached, and one silent refresh on a 401 before the call is given up as "session expired".
 */
let refreshing: Promise<Session | null> | null = null;

async function refreshSession(): Promise<Session | null> {
  const session = sessionStore.get();
  if (!session) return null;
  refreshing ??= (async () => {
    try {
      const response = await fetch('/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) {
        sessionStore.clear('expired');
        return null;
      }
      const pair = (await response.json()) as Session;
      const next = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, accessTokenExpiresAt: pair.accessTokenExpiresAt };
      sessionStore.set(next);
      return next;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Refreshes a minute before the access token expires, so a screen left open (the police board) never sees a 401. */
export function keepSessionFresh(): () => void {
  const timer = setInterval(() => {
    const session = sessionStore.get();
    if (session && new Date(session.accessTokenExpiresAt).getTime() - Date.now() < 60_000) void refreshSession();
  }, 15_000);
  return () => clearInterval(timer);
}

const PUBLIC = ['/auth/login', '/auth/refresh'];

const COMMANDS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IDEMPOTENCY_KEY = 'Idempotency-Key';
/** A lost connection or a command still running elsewhere is tried again this often, with the same key. */
const COMMAND_RETRIES = 2;

/** A fresh key per user action. crypto.randomUUID exists only on https or localhost; getRandomValues everywhere. */
function freshKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function authorisedFetch(input: Request): Promise<Response> {
  const isPublic = PUBLIC.some((path) => new URL(input.url).pathname === path);
  // Every submit is one command: it carries one Idempotency-Key, and every retry of it below the same
  // key, so a retry after a lost answer is replayed by the service instead of recorded twice.
  const isCommand = COMMANDS.has(input.method) && !isPublic;
  if (isCommand && !input.headers.has(IDEMPOTENCY_KEY)) input.headers.set(IDEMPOTENCY_KEY, freshKey());
  // `input` stays unread: every try sends a copy of it (a body can be read once).
  const send = async (session: Session | null): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const request = input.clone();
      if (session && !isPublic) request.headers.set('authorization', `Bearer ${session.accessToken}`);
      let response: Response;
      try {
        response = await fetch(request);
      } catch {
        if (!isCommand || attempt >= COMMAND_RETRIES) throw new OfflineError();
        await wait(1000);
        continue;
      }
      // An earlier try of this command is still running (its answer was lost): ask again for that answer.
      if (isCommand && attempt < COMMAND_RETRIES && response.status === 409 && (await isInFlight(response))) {
        await wait(1000 * (Number(response.headers.get('retry-after')) || 1));
        continue;
      }
      return response;
    }
  };
  const first = await send(sessionStore.get());
  if (first.status !== 401 || !sessionStore.get() || isPublic) return first;
  const renewed = await refreshSession();
  if (!renewed) return first;
  return send(renewed);
}

async function isInFlight(response: Response): Promise<boolean> {
  const problem = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: string };
  return problem.code === 'REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT';
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorisedFetch });

/**
 * The data of an openapi-fetch answer, or the API's problem as an ApiProblem. `T` is the screen's
 * view of the answer (views.ts): most answers are not yet described in the document.
 */
export async function ok<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body = (typeof error === 'object' && error !== null ? error : {}) as Partial<Pick<ApiProblem, 'code' | 'detail' | 'errors'>>;
    const problem = new ApiProblem(
      response.status,
      body.code ?? `HTTP.${response.status}`,
      body.detail ?? response.statusText,
      body.errors,
    );
    if (problem.status === 401 && sessionStore.get()) sessionStore.clear('expired');
    throw problem;
  }
  return data as T;
}

/**
 * A document the API answers (a printable page, a PDF) as a blob: URL the browser can open or save:
 * a plain link cannot carry the access token. Errors as `ok` gives them.
 */
export async function documentUrl(path: string): Promise<string> {
  const response = await authorisedFetch(new Request(new URL(path, window.location.origin)));
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<Pick<ApiProblem, 'code' | 'detail' | 'errors'>>;
    throw new ApiProblem(response.status, body.code ?? `HTTP.${response.status}`, body.detail ?? response.statusText, body.errors);
  }
  return URL.createObjectURL(await response.blob());
}
