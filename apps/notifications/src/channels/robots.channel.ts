import { createHmac } from 'node:crypto';
import { DeliveryFailure, isText, postJson, type OutboundChannel, type OutboundMessage } from './channel.js';

const markdown = (m: OutboundMessage): string =>
  [`### ${m.title}`, m.body, m.caseNumber ? `> 案件编号：${m.caseNumber}` : null, m.link ? `> 链接：${m.link}` : null]
    .filter(Boolean)
    .join('\n\n');

const errcode = (json: unknown): number | null => {
  const value = (json as { errcode?: unknown } | null)?.errcode;
  return typeof value === 'number' ? value : null;
};

/** Robots answer 200 with an errcode; 0 is success. Rate limits (WeCom 45009, DingTalk 130101) are worth a retry. */
function checkAnswer(json: unknown, retryable: number[]): void {
  const code = errcode(json);
  if (code === 0) return;
  throw new DeliveryFailure(`robot errcode ${code ?? 'missing'}`, code !== null && !retryable.includes(code));
}

export const WECOM_URL = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send';
export const DINGTALK_URL = 'https://oapi.dingtalk.com/robot/send';

/** 企业微信群机器人: POST `send?key=<key>` with a markdown message. The key is the secret. */
export const wecomChannel: OutboundChannel = {
  kind: 'wecom',
  check(settings, secrets) {
    if (settings.baseUrl !== undefined && !(typeof settings.baseUrl === 'string' && /^https?:\/\//.test(settings.baseUrl))) {
      return 'settings.baseUrl: an http(s) URL';
    }
    return isText(secrets.key) ? null : 'secrets.key: the robot’s webhook key';
  },
  async send(message, settings, secrets, { idempotencyKey, timeoutMs }) {
    const url = `${(settings.baseUrl as string | undefined) ?? WECOM_URL}?key=${encodeURIComponent(secrets.key)}`;
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(message) } });
    const { json } = await postJson(url, body, { 'idempotency-key': idempotencyKey }, timeoutMs);
    checkAnswer(json, [45009, -1]);
  },
};

/** 钉钉 加签: sign = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), timestamp in ms, both in the URL. */
export const dingtalkSign = (secret: string, timestampMs: number): string =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');

/** 钉钉自定义机器人: POST `send?access_token=…&timestamp=…&sign=…` with a markdown message. */
export const dingtalkChannel: OutboundChannel = {
  kind: 'dingtalk',
  check(settings, secrets) {
    if (settings.baseUrl !== undefined && !(typeof settings.baseUrl === 'string' && /^https?:\/\//.test(settings.baseUrl))) {
      return 'settings.baseUrl: an http(s) URL';
    }
    if (!isText(secrets.accessToken)) return 'secrets.accessToken: the robot’s access token';
    if (!isText(secrets.signSecret) || !secrets.signSecret.startsWith('SEC')) return 'secrets.signSecret: the robot’s 加签 secret (SEC…)';
    return null;
  },
  async send(message, settings, secrets, { idempotencyKey, now, timeoutMs }) {
    const timestamp = now.getTime();
    const query = new URLSearchParams({
      access_token: secrets.accessToken,
      timestamp: String(timestamp),
      sign: dingtalkSign(secrets.signSecret, timestamp),
    });
    const url = `${(settings.baseUrl as string | undefined) ?? DINGTALK_URL}?${query.toString()}`;
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text: markdown(message) } });
    const { json } = await postJson(url, body, { 'idempotency-key': idempotencyKey }, timeoutMs);
    checkAnswer(json, [130101, -1]);
  },
};
