import type { Urgency } from '../domain/rules.js';

export const CHANNEL_KINDS = ['webhook', 'wecom', 'dingtalk', 'email', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** What goes out: the notification as its addressee sees it (no more). */
export interface OutboundMessage {
  notificationId: string;
  ruleId: string;
  urgency: Urgency;
  title: string;
  body: string;
  link: string | null;
  caseNumber: string | null;
  organisationId: string;
  createdAt: string;
}

export interface DeliveryContext {
  /** The same for every attempt of one delivery: receivers drop what they have seen. */
  idempotencyKey: string;
  now: Date;
  timeoutMs: number;
}

/** A failed attempt. Permanent ones (a 4xx that retrying cannot fix) go to the dead letter at once. */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export type Settings = Record<string, unknown>;
export type Secrets = Record<string, string>;

/** Every outbound channel, behind one interface; configured per organisation (channels table). */
export interface OutboundChannel {
  kind: ChannelKind;
  /** What is wrong with a configuration, or null. Never echoes a secret. */
  check(settings: Settings, secrets: Secrets): string | null;
  send(message: OutboundMessage, settings: Settings, secrets: Secrets, context: DeliveryContext): Promise<void>;
}

/** The error text kept in the delivery log: never a secret, whatever the cause said. */
export function redact(text: string, secrets: Secrets): string {
  let out = text;
  for (const value of Object.values(secrets)) if (value && value.length >= 4) out = out.split(value).join('***');
  return out.slice(0, 500);
}

/** POST JSON; 2xx is done, 408/429/5xx/network retry, other 4xx is permanent. The answer's JSON, if any. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; json: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new DeliveryFailure(`no answer: ${cause?.code ?? (error as Error).name}`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    throw new DeliveryFailure(`HTTP ${response.status}`, permanent);
  }
  try {
    return { status: response.status, json: text ? JSON.parse(text) : null };
  } catch {
    return { status: response.status, json: null };
  }
}

export const isHttpUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
