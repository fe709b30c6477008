import nodemailer from 'nodemailer';
import { DeliveryFailure, isText, type OutboundChannel } from './channel.js';

const addresses = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v)) : [];

/**
 * Email over SMTP (nodemailer). Subject and body are UTF-8 (Chinese as is: nodemailer encodes the
 * headers); the Message-ID comes from the idempotency key, so a resend is recognisably the same mail.
 */
export const emailChannel: OutboundChannel = {
  kind: 'email',
  check(settings) {
    if (!isText(settings.host)) return 'settings.host: the SMTP server';
    if (!Number.isInteger(settings.port) || (settings.port as number) <= 0 || (settings.port as number) > 65535)
      return 'settings.port: 1-65535';
    if (!isText(settings.from)) return 'settings.from: the sender address';
    if (addresses(settings.to).length === 0) return 'settings.to: a list of recipient addresses';
    return null;
  },
  async send(message, settings, secrets, { idempotencyKey, timeoutMs }) {
    const transport = nodemailer.createTransport({
      host: settings.host as string,
      port: settings.port as number,
      secure: settings.secure === true,
      auth: isText(settings.user) ? { user: settings.user, pass: secrets.password ?? '' } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      tls: { rejectUnauthorized: settings.tlsRejectUnauthorized !== false },
    });
    try {
      await transport.sendMail({
        from: settings.from as string,
        to: addresses(settings.to),
        subject: message.title,
        text: [message.body, message.caseNumber ? `案件编号：${message.caseNumber}` : null, message.link ? `链接：${message.link}` : null]
          .filter(Boolean)
          .join('\n\n'),
        messageId: `<${idempotencyKey}@pingan>`,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
    } catch (error) {
      const e = error as { code?: string; responseCode?: number };
      // 5xx from the server (mailbox unknown, refused) will not change on retry; 4xx and no connection may.
      throw new DeliveryFailure(`SMTP ${e.responseCode ?? e.code ?? 'error'}`, typeof e.responseCode === 'number' && e.responseCode >= 500);
    } finally {
      transport.close();
    }
  },
};
