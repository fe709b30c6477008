import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HIGH_RISK_PERSONS_CONTEXT, NOTIFICATIONS_CONTEXT, SECURITY_LEDGER_CONTEXT, type EventEnvelope } from '@pingan/contracts';
import { afterCommit, type Query } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { v5 as uuidv5 } from 'uuid';
import { DIRECTORY_GROUP, applyDirectoryEvent, directorySnapshot, type DirectoryView } from '../directory/directory.js';
import { resolveAddressees, type CaseFacts } from '../directory/who-is-who.js';
import { messageFor } from '../domain/messages.js';
import { NOTIFICATION_RULES, triggers, type Addressee, type NotificationRule } from '../domain/rules.js';
import { SCHEMA, insertNotifications, type NewNotification } from '../inbox/notification-store.js';
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
/** One rule's telling of one event (notify's arguments). */
interface Telling {
  rule: NotificationRule;
  envelope: Pick<EventEnvelope, 'eventId' | 'context' | 'type' | 'correlationId'>;
  data: Data;
  facts: CaseFacts;
  addressees: readonly Addressee[];
  escalationOf: string | null;
}
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
  private readonly deliveryListeners = new Set<() => void>();

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
        await this.route(envelope, query);
      },
    });
  }

  /**
   * Called after a commit that wrote pending deliveries (in this process): the delivery worker
   * depends on the router, so it listens here rather than being called. Its poll stays the
   * fallback (other instances' writes, a wake that came while it was busy).
   */
  onDeliveries(listener: () => void): void {
    this.deliveryListeners.add(listener);
  }

  /**
   * Routes one event (in the caller's transaction); how many notifications it made. Round trips,
   * however many rules and addressees: the case facts, the overrides, the directory, the sequence
   * lock and one insert of notifications with their deliveries.
   */
  async route(envelope: EventEnvelope, query: Query): Promise<number> {
    const data = (envelope.data ?? {}) as Data;
    const facts = await this.caseFacts(envelope, data, query);
    const triggered = NOTIFICATION_RULES.filter((rule) =>
      rule.on.some((t) => triggers(t, { context: envelope.context, type: envelope.type, data })),
    );
    if (triggered.length === 0) return 0;
    const overrides = facts.regionCode ? await ruleBook.overrides(query) : [];
    const rules = triggered.map((rule) => ruleBook.effectiveAmong(overrides, rule, facts.regionCode)).filter((rule) => rule.enabled);
    if (rules.length === 0) return 0;
    const directory = await this.directoryFor(query, data, facts);
    const planned: NewNotification[] = [];
    for (const rule of rules) {
      planned.push(...(await this.plan({ rule, envelope, data, facts, addressees: rule.addressees, escalationOf: null }, directory)));
    }
    return this.record(query, planned);
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
    const directory = await this.directoryFor(query, data, facts);
    return this.record(query, await this.plan({ rule, envelope, data, facts, addressees, escalationOf }, directory));
  }

  /** Everything the rules can name for this event, in one query (see directorySnapshot). */
  private directoryFor(query: Query, data: Data, facts: CaseFacts): Promise<DirectoryView> {
    const named = [data.responsibleOrganisationId, data.supervisingOrganisationId].map(str).filter((id): id is string => id !== null);
    return directorySnapshot(query, SCHEMA, {
      organisationIds: [...named, ...facts.policeUnitIds],
      regionCode: facts.regionCode,
      hospitalId: facts.hospitalId,
    });
  }

  /** Writes the notifications at once; the hub (and the worker, for deliveries) are woken when they are committed. */
  private async record(query: Query, planned: readonly NewNotification[]): Promise<number> {
    const inserted = await insertNotifications(query, planned);
    if (inserted.notifications > 0) {
      afterCommit(query, () => {
        this.hub.wake();
        if (inserted.deliveries > 0) for (const listener of this.deliveryListeners) listener();
      });
    }
    return inserted.notifications;
  }

  /** The notifications one rule makes of one event: one per addressee organisation. */
  private async plan(
    { rule, envelope, data, facts, addressees, escalationOf }: Telling,
    directory: DirectoryView,
  ): Promise<NewNotification[]> {
    const resolved = await resolveAddressees(addressees, data, facts, directory);
    if (resolved.length === 0) this.log.warn(`${rule.id}: nobody to tell for ${envelope.type} ${envelope.eventId}`);
    const hospital = facts.hospitalId ? await directory.organisation(facts.hospitalId) : undefined;
    const now = this.runtime.clock();
    return resolved.map((addressee) => {
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
      return {
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
      };
    });
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
