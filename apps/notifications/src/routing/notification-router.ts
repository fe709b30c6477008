import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HIGH_RISK_PERSONS_CONTEXT, NOTIFICATIONS_CONTEXT, SECURITY_LEDGER_CONTEXT, type EventEnvelope } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { v5 as uuidv5 } from 'uuid';
import { DIRECTORY_GROUP, applyDirectoryEvent, directoryOver } from '../directory/directory.js';
import { resolveAddressees, type CaseFacts } from '../directory/who-is-who.js';
import { messageFor } from '../domain/messages.js';
import { NOTIFICATION_RULES, triggers, type Addressee, type NotificationRule } from '../domain/rules.js';
import { SCHEMA, insertNotification } from '../inbox/notification-store.js';
import { ruleBook } from '../rules/rule-book.js';
import { LiveHub } from '../stream/live-hub.js';

/**
 * The contexts whose events may tell somebody something (see domain/rules.ts). The security ledger
 * for its self-inspection return clocks: the generic clock rules tell the hospital and the commission.
 */
export const ROUTED_CONTEXTS = [
  'incidents',
  'prosecution',
  'disputes',
  HIGH_RISK_PERSONS_CONTEXT,
  'oversight',
  SECURITY_LEDGER_CONTEXT,
] as const;
export const ROUTER_GROUP = 'notifications.router';

// Fixed namespace: a notification's id follows from (event, rule, addressee), so deriving it twice records it once.
const NAMESPACE = '2f8b0c36-8d5e-4c1b-9b7a-54e0c3f1a9d2';
export const notificationIdOf = (...parts: string[]): string => uuidv5(parts.join('|'), NAMESPACE);

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Turns the other contexts' events into notifications: for every rule an event triggers (as the
 * administrator's override for the case's region has it), the addressees the directory names,
 * one notification each, with a pending delivery per channel of the addressee — all in the inbox
 * transaction, so an event is routed exactly once however often it is delivered.
 */
@Injectable()
export class NotificationRouter implements OnModuleInit {
  private readonly log = new Logger('NotificationRouter');

  constructor(
    @InjectRuntime(NOTIFICATIONS_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly hub: LiveHub,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.subscribe({
      group: DIRECTORY_GROUP,
      contexts: ['access'],
      handle: (envelope, query) => applyDirectoryEvent(envelope, query, SCHEMA),
    });
    await this.runtime.subscribe({
      group: ROUTER_GROUP,
      contexts: [...ROUTED_CONTEXTS],
      handle: async (envelope, query) => {
        const count = await this.route(envelope, query);
        if (count > 0) this.hub.wake();
      },
    });
  }

  /** Routes one event (in the caller's transaction); how many notifications it made. */
  async route(envelope: EventEnvelope, query: Query): Promise<number> {
    const data = (envelope.data ?? {}) as Data;
    const facts = await this.caseFacts(envelope, data, query);
    let made = 0;
    for (const rule of NOTIFICATION_RULES) {
      if (!rule.on.some((t) => triggers(t, { context: envelope.context, type: envelope.type, data }))) continue;
      const effective = await ruleBook.effective(query, rule, facts.regionCode);
      if (!effective.enabled) continue;
      made += await this.notify(query, effective, envelope, data, facts, effective.addressees, null);
    }
    return made;
  }

  /** Tells the addressees of one rule about one event; `escalationOf` marks a second round (nobody acknowledged). */
  async notify(
    query: Query,
    rule: NotificationRule,
    envelope: Pick<EventEnvelope, 'eventId' | 'context' | 'type' | 'correlationId'>,
    data: Data,
    facts: CaseFacts,
    addressees: readonly Addressee[],
    escalationOf: string | null,
  ): Promise<number> {
    const directory = directoryOver(query, SCHEMA);
    const resolved = await resolveAddressees(addressees, data, facts, directory);
    if (resolved.length === 0) this.log.warn(`${rule.id}: nobody to tell for ${envelope.type} ${envelope.eventId}`);
    const hospital = facts.hospitalId ? await directory.organisation(facts.hospitalId) : undefined;
    const now = this.runtime.clock();
    let made = 0;
    for (const addressee of resolved) {
      const message = messageFor({
        ruleId: rule.id,
        type: envelope.type,
        context: envelope.context,
        correlationId: envelope.correlationId,
        data,
        addresseeKind: addressee.kind,
        hospitalName: hospital?.name ?? null,
        linkAllowed: !rule.linkFor || rule.linkFor.includes(addressee.kind),
      });
      const escalation = escalationOf ? null : rule.escalation;
      const inserted = await insertNotification(query, {
        notificationId: escalationOf
          ? notificationIdOf(envelope.eventId, rule.id, 'escalation', addressee.organisationId)
          : notificationIdOf(envelope.eventId, rule.id, addressee.organisationId),
        ruleId: rule.id,
        urgency: escalationOf ? 'immediate' : rule.urgency,
        sourceEventId: envelope.eventId,
        sourceContext: envelope.context,
        sourceType: envelope.type,
        caseNumber: message.caseNumber,
        regionCode: facts.regionCode,
        hospitalId: facts.hospitalId,
        organisationId: addressee.organisationId,
        audienceRegion: null,
        roles: addressee.roles,
        title: escalationOf ? `【未确认·升级】${message.title}` : message.title,
        body: message.body,
        link: message.link,
        createdAt: now,
        ackDueAt: escalation ? new Date(now.getTime() + escalation.afterMinutes * 60_000) : null,
        escalationOf,
      });
      if (inserted) made++;
    }
    return made;
  }

  /** The case as far as we know it: the event's own reference, completed from what earlier events said. */
  private async caseFacts(envelope: EventEnvelope, data: Data, query: Query): Promise<CaseFacts> {
    if (envelope.context === HIGH_RISK_PERSONS_CONTEXT) {
      // A person's pseudonym is no case: the alert names the hospital and its region itself.
      return { hospitalId: str(data.hospitalId), regionCode: str(data.hospitalRegionCode), policeUnitIds: [] };
    }
    const caseNumber = str(data.caseNumber) ?? (/^Deadline/.test(envelope.type) ? str(data.subject) : null) ?? envelope.correlationId;
    const unit = envelope.type === 'PoliceDispatched' ? str(data.unitOrganisationId) : null;
    const [row] = await query<{ hospital_id: string | null; region_code: string | null; police_unit_ids: string[] }>(
      `INSERT INTO ${SCHEMA}.case_facts (case_number, region_code, hospital_id, police_unit_ids) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_number) DO UPDATE SET
         region_code = COALESCE(${SCHEMA}.case_facts.region_code, EXCLUDED.region_code),
         hospital_id = COALESCE(${SCHEMA}.case_facts.hospital_id, EXCLUDED.hospital_id),
         police_unit_ids = ARRAY(SELECT DISTINCT unnest(${SCHEMA}.case_facts.police_unit_ids || EXCLUDED.police_unit_ids))
       RETURNING hospital_id, region_code, police_unit_ids`,
      [caseNumber, str(data.regionCode), str(data.hospitalId), unit ? [unit] : []],
    );
    return { hospitalId: row.hospital_id, regionCode: row.region_code, policeUnitIds: row.police_unit_ids };
  }
}
