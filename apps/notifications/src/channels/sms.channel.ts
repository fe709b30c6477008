import { isHttpUrl, isText, postJson, type OutboundChannel } from './channel.js';

const phones = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && /^\+?[0-9-]{5,20}$/.test(v)) : [];

/**
 * SMS through a provider-neutral HTTP gateway: one JSON POST per notification (shape in
 * docs/notifications.md); an adapter in front of a provider (阿里云, 腾讯云 …) translates it.
 * Texts stay short: title and case number.
 */
export const smsChannel: OutboundChannel = {
  kind: 'sms',
  check(settings, secrets) {
    if (!isHttpUrl(settings.url)) return 'settings.url: the SMS gateway’s http(s) URL';
    if (phones(settings.to).length === 0) return 'settings.to: a list of phone numbers';
    return isText(secrets.token) ? null : 'secrets.token: the gateway’s bearer token';
  },
  async send(message, settings, secrets, { idempotencyKey, timeoutMs }) {
    const text = `【平安】${message.title}${message.caseNumber ? ` ${message.caseNumber}` : ''}`;
    const body = JSON.stringify({ idempotencyKey, to: phones(settings.to), text, urgency: message.urgency });
    await postJson(
      settings.url as string,
      body,
      { authorization: `Bearer ${secrets.token}`, 'idempotency-key': idempotencyKey },
      timeoutMs,
    );
  },
};
