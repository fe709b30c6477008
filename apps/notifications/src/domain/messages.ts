import { ruleName, shanghaiDateTimeOf } from '@pingan/contracts';
import type { OrganisationKind } from '@pingan/access';

/**
 * The words of each notification, in Chinese, from the event's structured fields only: no
 * names, phones, descriptions or other free text of the case (they stay in their services, read
 * under their own access rules), and never anything that identifies a high-risk person.
 */
export interface MessageInput {
  ruleId: string;
  type: string;
  context: string;
  correlationId: string;
  data: Record<string, unknown>;
  /** The addressee's kind: the link and some words differ by it. */
  addresseeKind: OrganisationKind;
  hospitalName: string | null;
  linkAllowed: boolean;
}

export interface Message {
  title: string;
  body: string;
  link: string | null;
  /** The case this is about, as shown and linked; null when the addressee must not know it (a person's pseudonym). */
  caseNumber: string | null;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const at = (value: unknown): string => {
  const d = new Date(str(value));
  return Number.isNaN(d.getTime()) ? '' : shanghaiDateTimeOf(d);
};

const LEVELS: Record<string, string> = {
  county: '县级',
  city: '市级',
  province: '省级',
  national: '国家',
  bureau: '公安分局',
  city_bureau: '市公安局',
  local: '政法（综治）部门',
};
const CHAINS: Record<string, string> = { health: '卫生健康系统', police: '公安系统', political_legal: '政法（综治）' };
const ADVICE: Record<string, string> = { remind_staff: '提醒医务人员', security_escort: '安保陪诊', notify_police: '通知公安' };

export function messageFor(input: MessageInput): Message {
  const { data, correlationId } = input;
  const hospital = input.hospitalName ?? '医疗机构';
  const caseNumber = str(data.caseNumber) || correlationId;
  const link = (path: string): string | null => (input.linkAllowed ? path : null);
  switch (input.ruleId) {
    case 'incident-reported': {
      const alarm = data.channel === 'one_key_alarm';
      const intake = (data.intake ?? {}) as Record<string, unknown>;
      const where = str(intake.location);
      return {
        title: `${alarm ? '【一键报警】' : '【涉医警情】'}${hospital}`,
        body: `案件编号 ${caseNumber}${where ? `，地点：${where}` : ''}，发生时间 ${at(data.occurredAt)}。请立即处置并确认。`,
        link: link(`/incidents/${caseNumber}`),
        caseNumber,
      };
    }
    case 'incident-major':
      return {
        title: `【重大涉医事件】${hospital}`,
        body: `案件编号 ${caseNumber} 已定为重大事件，请立即接报，并按规定逐级上报。`,
        link: link(`/incidents/${caseNumber}`),
        caseNumber,
      };
    case 'escalation-forwarded':
      return {
        title: `【逐级上报】${hospital}`,
        body: `案件编号 ${caseNumber}（${CHAINS[str(data.chain)] ?? ''}）已上报至${LEVELS[str(data.toLevel)] ?? ''}，请确认接收并继续处理。`,
        link: link(`/incidents/${caseNumber}`),
        caseNumber,
      };
    case 'deadline-warned':
      return {
        title: `【时限预警】${caseNumber}`,
        body: `时限「${ruleName(str(data.rule)) ?? str(data.rule)}」将于 ${at(data.dueAt)} 到期，请及时办理。`,
        link: link(`/cases/${caseNumber}/timeline`),
        caseNumber,
      };
    case 'deadline-breached':
      return {
        title: `【超时】${caseNumber}`,
        body: `时限「${ruleName(str(data.rule)) ?? str(data.rule)}」已于 ${at(data.dueAt)} 到期未办结，已报上级监督单位。`,
        link: link(`/cases/${caseNumber}/timeline`),
        caseNumber,
      };
    case 'high-risk-arrival': {
      const advice = (Array.isArray(data.advice) ? data.advice : []).map((a) => ADVICE[str(a)] ?? str(a)).filter(Boolean);
      const police = input.addresseeKind === 'police';
      return {
        title: `【高风险人员预警】${hospital}`,
        body:
          `一名已登记的高风险人员正在${hospital}预约或就诊（比对时间 ${at(data.checkedAt)}）。` +
          `${advice.length ? `建议：${advice.join('、')}。` : ''}` +
          (police ? '请跟进处置；查阅登记记录将被留痕。' : '请按预案做好防范，并与公安保持联系。'),
        // Police may open the record (audited); nobody else learns even its pseudonym.
        link: police ? link(`/high-risk-persons/${str(data.personId)}`) : null,
        caseNumber: null,
      };
    }
    case 'dispute-escalation-risk':
      return {
        title: `【纠纷激化风险】${hospital}`,
        body: `医疗纠纷 ${caseNumber} 被标记为可能激化，请提前介入、做好稳控。`,
        link: link(`/disputes/${str(data.disputeId)}`),
        caseNumber,
      };
    case 'supervision-started':
      return {
        title: `【督办】${caseNumber}`,
        body: `案件 ${caseNumber} 已被督办，请于 ${at(data.dueAt)} 前办结并报告进展。`,
        link: link(`/cases/${caseNumber}/timeline`),
        caseNumber,
      };
    case 'delivery-dead-letter':
      return {
        title: '【推送失败】通知未能送达外部渠道',
        body: `渠道「${str(data.channelName)}」多次推送失败，已转入死信。最后错误：${str(data.lastError)}`,
        link: `/notifications/deliveries?status=dead`,
        caseNumber: str(data.caseNumber) || null,
      };
    default:
      return { title: input.type, body: caseNumber, link: null, caseNumber };
  }
}
