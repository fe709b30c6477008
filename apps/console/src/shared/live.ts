import { useEffect, useRef, useSyncExternalStore } from 'react';
import { sessionStore } from './auth/session';
import { api, ok } from './api/client';

/**
 * The user's live notifications stream (Server-Sent Events, docs/notifications.md), one per tab, shared
 * by every screen that listens. EventSource cannot send the Authorization header, so each connection
 * opens with a one-minute stream ticket from `POST /notifications/stream-tickets`; the browser's own
 * reconnects send Last-Event-ID, and a fresh EventSource (new ticket, after `expired` or a refused
 * reconnect) passes `lastEventId=`, so nothing is missed or repeated.
 */
export interface LiveNotification {
  notificationId: string;
  seq: number;
  ruleId: string;
  urgency: string;
  title: string;
  body: string;
  link: string | null;
  caseNumber: string | null;
  createdAt: string;
}

/** 'live' once the stream said `ready`; 'polling' while it is down (screens poll instead). */
export type LiveMode = 'connecting' | 'live' | 'polling';

type Listener = (notification: LiveNotification) => void;

const RECONNECT_MS = 3_000;

let mode: LiveMode = 'connecting';
let source: EventSource | null = null;
let lastEventId: string | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
let generation = 0;
const listeners = new Set<Listener>();
const modeListeners = new Set<() => void>();

function setMode(next: LiveMode): void {
  if (next === mode) return;
  mode = next;
  for (const listener of modeListeners) listener();
}

function scheduleReconnect(): void {
  if (retry || listeners.size === 0) return;
  retry = setTimeout(() => {
    retry = null;
    void connect();
  }, RECONNECT_MS);
}

async function connect(): Promise<void> {
  const mine = ++generation;
  source?.close();
  source = null;
  if (!sessionStore.get()) return setMode('polling');
  let url: string;
  try {
    ({ url } = await ok<{ url: string }>(api.POST('/notifications/stream-tickets')));
  } catch {
    setMode('polling');
    return scheduleReconnect();
  }
  if (mine !== generation || listeners.size === 0) return; // closed or reconnected meanwhile
  const es = new EventSource(lastEventId === null ? url : `${url}&lastEventId=${encodeURIComponent(lastEventId)}`);
  source = es;
  es.addEventListener('ready', (e) => {
    lastEventId = (e as MessageEvent).lastEventId || lastEventId;
    setMode('live');
  });
  es.addEventListener('notification', (e) => {
    const event = e as MessageEvent<string>;
    lastEventId = event.lastEventId || lastEventId;
    const notification = JSON.parse(event.data) as LiveNotification;
    for (const listener of listeners) listener(notification);
  });
  // The stream ends with the access token behind it: a new ticket (the session refreshes the token).
  es.addEventListener('expired', () => void connect());
  es.onerror = () => {
    // CONNECTING: the browser retries by itself with Last-Event-ID; CLOSED: the ticket was refused, get a new one.
    setMode('polling');
    if (es.readyState === EventSource.CLOSED && source === es) {
      source = null;
      scheduleReconnect();
    }
  };
}

function disconnect(): void {
  generation++;
  source?.close();
  source = null;
  if (retry) clearTimeout(retry);
  retry = null;
  setMode('connecting');
}

function subscribeMode(listener: () => void): () => void {
  modeListeners.add(listener);
  return () => modeListeners.delete(listener);
}

/**
 * Listens to the live stream while the component is mounted and tells whether it is up: screens show
 * 实时 / 轮询 and poll only while it is not 'live'. `onNotification` may change between renders.
 */
export function useLive(onNotification: Listener): LiveMode {
  const handler = useRef(onNotification);
  handler.current = onNotification;
  useEffect(() => {
    const listener: Listener = (n) => handler.current(n);
    listeners.add(listener);
    if (listeners.size === 1) void connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) disconnect();
    };
  }, []);
  return useSyncExternalStore(subscribeMode, () => mode);
}
