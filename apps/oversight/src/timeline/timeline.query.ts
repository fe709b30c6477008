import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { canReadCase, canReadRecord, seesHighRisk } from '../oversight-access.js';
import { accessFactsOf, caseRecords, findCase } from '../read-models/cases.js';
import { S } from '../read-models/schema.js';

export interface TimelineEntry {
  eventId: string;
  context: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { userId: string; organisationId: string; role: string };
  summary: string;
}

export interface Timeline {
  caseNumber: string;
  regionCode: string | null;
  hospitalId: string | null;
  entries: TimelineEntry[];
  /** What the reader may not see is said, not silently left out: how many entries, in words. */
  hidden: { count: number; message: string | null };
}

interface Row {
  event_id: string;
  context: string;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  actor_user_id: string;
  actor_organisation_id: string;
  actor_role: string;
  summary: string;
  record_context: string | null;
  high_risk: boolean;
}

/** One case, every context, in the order things happened (ties: the order they were recorded). */
export class TimelineQuery extends Query<Timeline> {
  constructor(
    readonly principal: Principal,
    readonly caseNumber: string,
  ) {
    super();
  }
}

@QueryHandler(TimelineQuery)
export class TimelineHandler implements IQueryHandler<TimelineQuery> {
  constructor(@InjectRuntime('oversight') private readonly runtime: ServiceRuntime) {}

  async execute({ principal, caseNumber }: TimelineQuery): Promise<Timeline> {
    const found = await findCase(this.runtime.db.query, caseNumber);
    const records = await caseRecords(this.runtime.db.query, caseNumber);
    const wholeCase = found !== null && canReadCase(principal, accessFactsOf(found));
    // Each entry is shown to whoever may read the record it belongs to (its incident, police case,
    // dispute, supervision), as the owning service decides. Lines fed before records were kept
    // have none: they follow the case as a whole, as they did.
    const readable = (r: Row): boolean => {
      const facts = r.record_context ? records.get(r.record_context) : undefined;
      if (!facts) return wholeCase && (!r.high_risk || seesHighRisk(principal));
      return canReadRecord(principal, r.record_context!, facts);
    };
    const readsSome = records.size === 0 ? wholeCase : [...records].some(([context, facts]) => canReadRecord(principal, context, facts));
    // An unknown case answers like a forbidden one, so case numbers cannot be probed.
    if (!found || !readsSome) throw new AccessDeniedError();
    const all = await this.runtime.db.query<Row>(
      `SELECT * FROM ${S}.timeline WHERE case_number = $1 ORDER BY occurred_at, recorded_at, event_id`,
      [caseNumber],
    );
    const rows = all.filter(readable);
    const hidden = all.length - rows.length;
    return {
      caseNumber,
      regionCode: found.region_code,
      hospitalId: found.hospital_id,
      hidden: {
        count: hidden,
        message: hidden === 0 ? null : `${hidden} 条记录贵单位无权查看 (${hidden} entries not visible to your organisation)`,
      },
      entries: rows.map((r) => ({
        eventId: r.event_id,
        context: r.context,
        type: r.type,
        occurredAt: new Date(r.occurred_at).toISOString(),
        recordedAt: new Date(r.recorded_at).toISOString(),
        actor: { userId: r.actor_user_id, organisationId: r.actor_organisation_id, role: r.actor_role },
        summary: r.summary,
      })),
    };
  }
}

export const TIMELINE_COLUMNS = [
  'occurredAt',
  'recordedAt',
  'context',
  'type',
  'summary',
  'actorRole',
  'actorOrganisationId',
  'actorUserId',
  'eventId',
];
export const timelineRows = (timeline: Timeline): string[][] =>
  timeline.entries.map((e) => [
    e.occurredAt,
    e.recordedAt,
    e.context,
    e.type,
    e.summary,
    e.actor.role,
    e.actor.organisationId,
    e.actor.userId,
    e.eventId,
  ]);
