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

async function authorisedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = async (request: Request, session: Session | null): Promise<Response> => {
    if (session && !PUBLIC.some((path) => new URL(request.url).pathname === path)) {
      request.headers.set('authorization', `Bearer ${session.accessToken}`);
    }
    try {
      return await fetch(request);
    } catch {
      throw new OfflineError();
    }
  };
  const first = await send(input, sessionStore.get());
  if (first.status !== 401 || !sessionStore.get() || PUBLIC.some((path) => new URL(input.url).pathname === path)) return first;
  const renewed = await refreshSession();
  if (!renewed) return first;
  return send(retry, renewed);
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
