import type { ChannelKind, OutboundChannel } from './channel.js';
import { emailChannel } from './email.channel.js';
import { dingtalkChannel, wecomChannel } from './robots.channel.js';
import { smsChannel } from './sms.channel.js';
import { webhookChannel } from './webhook.channel.js';

export const OUTBOUND_CHANNELS: Record<ChannelKind, OutboundChannel> = {
  webhook: webhookChannel,
  wecom: wecomChannel,
  dingtalk: dingtalkChannel,
  email: emailChannel,
  sms: smsChannel,
};
