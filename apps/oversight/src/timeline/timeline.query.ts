import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, regionName, type Principal } from '@pingan/access';
import { LABELS, shanghaiDateTimeOf, type CasualtyCounts } from '@pingan/contracts';
import { beijingTime, labelOf } from '../domain/event-facts.js';
import { CONTEXT_TITLES } from '@pingan/contracts';
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
  /** `name`: as the event carried it; null for events written before actors carried one, and the system's. */
  actor: { userId: string; organisationId: string; role: string; name: string | null };
  summary: string;
}

export interface Timeline {
  caseNumber: string;
  regionCode: string | null;
  hospitalId: string | null;
  /** The incident's particulars as the read model holds them (null before its report was read). */
  incident: {
    occurredAt: string | null;
    categories: string[];
    major: boolean;
    outcome: string | null;
    /** Summed over staff, patients, perpetrators and bystanders, by grade; null before its report was read. */
    casualties: CasualtyCounts | null;
  };
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
  actor_name: string | null;
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
      incident: {
        occurredAt: found.occurred_at ? new Date(found.occurred_at).toISOString() : null,
        categories: found.categories ?? [],
        major: found.major === true,
        outcome: found.incident_outcome ?? null,
        casualties: found.casualties ?? null,
      },
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
        actor: { userId: r.actor_user_id, organisationId: r.actor_organisation_id, role: r.actor_role, name: r.actor_name },
        summary: r.summary,
      })),
    };
  }
}

export const TIMELINE_TITLE = '涉医案事件办理时间线';
export const TIMELINE_HEADER = ['序号', '发生时间（北京时间）', '记录时间（北京时间）', '来源', '事件', '操作单位', '操作人'];

/** 死亡 0 人，重伤 1 人，轻伤 0 人，轻微伤 2 人 */
export const casualtiesLine = (c: CasualtyCounts): string =>
  `死亡 ${c.deaths} 人，重伤 ${c.seriousInjuries} 人，轻伤 ${c.lightInjuries} 人，轻微伤 ${c.slightInjuries} 人`;

/** 张伟（医院保卫人员）: the person by name and the role they acted in; the role alone when the event names no one. */
export const actorLine = (actor: TimelineEntry['actor']): string =>
  actor.name ? `${actor.name}（${labelOf(['role'], actor.role)}）` : labelOf(['role'], actor.role);

/**
 * The timeline as officials print and file it: the incident's particulars on top (who, where,
 * when, what), then one line per event in Chinese with Beijing times. Pure: names come in.
 */
export function timelineReport(
  timeline: Timeline,
  names: { organisation: (id: string | null) => string; now: Date },
): { title: string; particulars: string[]; header: string[]; rows: string[][] } {
  const time = (iso: string) => shanghaiDateTimeOf(new Date(iso));
  const { incident } = timeline;
  const particulars = [
    `案件编号：${timeline.caseNumber}`,
    `医疗机构：${names.organisation(timeline.hospitalId)}`,
    `所在区划：${timeline.regionCode ? regionName(timeline.regionCode) : '—'}`,
    `发生时间：${incident.occurredAt ? beijingTime(incident.occurredAt) : '—'}`,
    `事件类别：${incident.categories.length ? incident.categories.map((c) => labelOf(['incidentCategory'], c)).join('、') : '—'}`,
    `是否重大：${incident.major ? '是（造成死亡、重伤或群体性事件）' : '否'}`,
    `伤亡情况：${incident.casualties ? casualtiesLine(incident.casualties) : '—'}`,
    `处置结果：${incident.outcome ? labelOf(['incidentOutcome'], incident.outcome) : LABELS.caseStatus.open}`,
    `导出时间：${beijingTime(names.now)}；共 ${timeline.entries.length} 条${timeline.hidden.message ? `；${timeline.hidden.message}` : ''}`,
  ];
  const rows = timeline.entries.map((e, i) => [
    String(i + 1),
    time(e.occurredAt),
    time(e.recordedAt),
    CONTEXT_TITLES[e.context] ?? e.context,
    e.summary,
    names.organisation(e.actor.organisationId),
    actorLine(e.actor),
  ]);
  return { title: `${TIMELINE_TITLE}（${timeline.caseNumber}）`, particulars, header: TIMELINE_HEADER, rows };
}
