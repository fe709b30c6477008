import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessDeniedError, actorOf, type Principal } from '@pingan/access';
import { SUPERVISION_STREAM_TYPE, supervisionStreamId } from '@pingan/contracts';
import { fold, handleCommand } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { supervisionDecider, type SupervisionCommand, type SupervisionEvent } from '../domain/supervision.decider.js';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { canReadCase, oversightPrefix } from '../oversight-access.js';
import { accessFactsOf, findCase } from '../read-models/cases.js';
import { S } from '../read-models/schema.js';

type Mutation = { type: 'RecordSupervisionProgress'; note: string } | { type: 'CloseSupervision'; conclusion: string };

/** 督办: load, decide, append (rules in the decider; who may, here). */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectRuntime('oversight') private readonly runtime: ServiceRuntime,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  /** A commission or political-legal committee supervises a case it may read (its region, or escalated to it). */
  async start(principal: Principal, input: { caseNumber: string; dueAt: Date; instructions: string }) {
    const found = await findCase(this.runtime.db.query, input.caseNumber);
    if (!found || !found.region_code || !canReadCase(principal, accessFactsOf(found))) throw new AccessDeniedError();
    const supervisionId = randomUUID();
    const command: SupervisionCommand = {
      type: 'StartSupervision',
      supervisionId,
      caseNumber: input.caseNumber,
      regionCode: found.region_code,
      hospitalId: found.hospital_id,
      supervisorOrganisationId: principal.organisationId,
      supervisorKind: principal.organisationKind === 'political_legal' ? 'political_legal' : 'health_commission',
      instructions: input.instructions,
      dueAt: input.dueAt,
      now: this.clock(),
    };
    const { events } = await handleCommand(this.runtime.store, supervisionDecider, supervisionStreamId(supervisionId), command, {
      streamType: SUPERVISION_STREAM_TYPE,
      actor: actorOf(principal, 'health_commission_official', 'political_legal_officer'),
      correlationId: input.caseNumber,
      occurredAt: command.now,
    });
    await this.runtime.catchUpProjections();
    return { supervisionId, ...(events[0].data as object) };
  }

  /** Only the supervising body records progress and closes its supervision. */
  async change(principal: Principal, supervisionId: string, mutation: Mutation): Promise<void> {
    const streamId = supervisionStreamId(supervisionId);
    const state = fold(supervisionDecider, (await this.runtime.store.readStream(streamId)) as unknown as SupervisionEvent[]);
    if (state.status === 'none' || state.started.supervisorOrganisationId !== principal.organisationId) throw new AccessDeniedError();
    const now = this.clock();
    await handleCommand(
      this.runtime.store,
      supervisionDecider,
      streamId,
      { ...mutation, now },
      {
        streamType: SUPERVISION_STREAM_TYPE,
        actor: actorOf(principal, 'health_commission_official', 'political_legal_officer'),
        correlationId: state.started.caseNumber,
        occurredAt: now,
      },
    );
    await this.runtime.catchUpProjections();
  }

  /** Supervisions of the caller's region, or its own. */
  async list(principal: Principal, filter: { status?: string; caseNumber?: string }) {
    const params: unknown[] = [principal.organisationId, oversightPrefix(principal)];
    const where = [`(supervisor_organisation_id = $1 OR ($2::text IS NOT NULL AND region_code LIKE $2 || '%'))`];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.caseNumber) {
      params.push(filter.caseNumber);
      where.push(`case_number = $${params.length}`);
    }
    const rows = await this.runtime.db.query<Record<string, unknown>>(
      `SELECT s.*, b.state AS clock_state FROM ${S}.supervisions s
       LEFT JOIN ${S}.board b ON b.context = 'oversight' AND b.deadline_id = s.deadline_id
       WHERE ${where.join(' AND ')} ORDER BY due_at, supervision_id LIMIT 1000`,
      params,
    );
    return rows.map(toView);
  }

  async get(principal: Principal, supervisionId: string) {
    const rows = await this.list(principal, {});
    const found = rows.find((r) => r.supervisionId === supervisionId);
    if (!found) throw new AccessDeniedError();
    return found;
  }
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const toView = (r: Record<string, unknown>) => ({
  supervisionId: r.supervision_id as string,
  caseNumber: r.case_number as string,
  regionCode: r.region_code as string,
  supervisorOrganisationId: r.supervisor_organisation_id as string,
  supervisorKind: r.supervisor_kind as string,
  instructions: r.instructions as string,
  dueAt: iso(r.due_at),
  startedAt: iso(r.started_at),
  status: r.status as string,
  deadlineId: r.deadline_id as string,
  clockState: (r.clock_state as string | null) ?? null,
  progress: r.progress as { note: string; recordedAt: string; by: string }[],
  closedAt: iso(r.closed_at),
  conclusion: (r.conclusion as string | null) ?? null,
  metDueDate: (r.met_due_date as boolean | null) ?? null,
});
