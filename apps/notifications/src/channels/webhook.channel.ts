import { createHmac } from 'node:crypto';
import { DeliveryFailure, isHttpUrl, isText, postJson, type OutboundChannel } from './channel.js';

/** Header names of the signed webhook (docs/notifications.md, "Signed webhook"). */
export const SIGNATURE_HEADER = 'x-pingan-signature';
export const TIMESTAMP_HEADER = 'x-pingan-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** `v1=` + hex HMAC-SHA256 over `<timestamp>.<body>` with the channel's signing secret. */
export const webhookSignature = (secret: string, timestamp: string, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;

/**
 * The generic webhook: a JSON POST signed with the channel's secret. The timestamp is in the
 * signature, so a receiver that refuses old timestamps (5 min) and remembers idempotency keys for
 * that long is safe from replays.
 */
export const webhookChannel: OutboundChannel = {
  kind: 'webhook',
  check(settings, secrets) {
    if (!isHttpUrl(settings.url)) return 'settings.url: an http(s) URL';
    if (!isText(secrets.signingSecret) || secrets.signingSecret.length < 16) return 'secrets.signingSecret: at least 16 characters';
    return null;
  },
  async send(message, settings, secrets, { idempotencyKey, now, timeoutMs }) {
    const body = JSON.stringify({ id: idempotencyKey, type: 'notification', notification: message });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const { status } = await postJson(
      settings.url as string,
      body,
      {
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: webhookSignature(secrets.signingSecret, timestamp, body),
        [IDEMPOTENCY_HEADER]: idempotencyKey,
      },
      timeoutMs,
    );
    if (status < 200 || status >= 300) throw new DeliveryFailure(`HTTP ${status}`);
  },
};
