import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CASUALTY_GROUPS,
  INCIDENTS_CONTEXT,
  PROSECUTION_CONTEXT,
  type EventEnvelope,
  type IncidentClassification,
  type DisturbanceStoppedData,
  type IncidentClosedData,
  type IncidentLinkedToPoliceCaseData,
  type IncidentReclassifiedData,
  type IncidentReportedData,
  type InjuryAppraisedData,
  type PoliceCaseKind,
  type PoliceDispatchedData,
  readClassification,
} from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { PoliceCaseCommandMessage } from '../police-cases/commands/police-case-command.js';

export const INCIDENT_FACTS_TABLE = 'prosecution.incident_facts';
export const INCIDENTS_GROUP = 'prosecution.incidents';

/**
 * An incident handed to the police becomes a police case (受案).
 *
 * The incidents contract says so with `IncidentClosed { outcome: 'handed_to_police_case' }`
 * (转为案件办理): that is the trigger. `IncidentLinkedToPoliceCase` only attaches the police
 * system's own number afterwards, so it is recorded (on the facts row) but opens nothing.
 * The case keeps the incident's case number as its number and correlation id.
 *
 * The closing event does not say which unit handles the case or what happened, so the
 * consumer remembers what earlier events said (reported classification, the unit dispatched)
 * in a small table of its own, written in the inbox transaction like the case itself.
 * Handling unit: the unit dispatched, else the organisation of whoever closed the incident.
 * Kind: criminal by default (see `kindOf`) when the incident is major, anyone has an injury of
 * 轻伤 or worse, or it was a knife attack; administrative (治安案件) otherwise — the police
 * convert later if need be. A criminal case is never opened as administrative (no 降格处理).
 *
 * Exactly once: the inbox drops a redelivered event; the decider answers an incident opening
 * the same case again with no events (a republished copy under another event id).
 */
@Injectable()
export class IncidentHandoverConsumer implements OnModuleInit {
  private readonly log = new Logger(IncidentHandoverConsumer.name);

  constructor(
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.subscribe({
      group: INCIDENTS_GROUP,
      contexts: [INCIDENTS_CONTEXT],
      handle: (envelope, query) => this.handle(envelope, query),
    });
  }

  async handle(envelope: EventEnvelope, query: Query): Promise<void> {
    switch (envelope.type) {
      case 'IncidentReported': {
        const data = envelope.data as unknown as IncidentReportedData;
        const summary = 'behaviour' in data.intake ? data.intake.behaviour : 'description' in data.intake ? data.intake.description : null;
        await this.upsert(query, envelope, { classification: data.classification, major: data.major, summary });
        return;
      }
      // Both re-classify: an appraisal may end a suspected serious injury's majority.
      case 'IncidentReclassified':
      case 'InjuryAppraised': {
        const data = envelope.data as unknown as IncidentReclassifiedData | InjuryAppraisedData;
        await this.upsert(query, envelope, { classification: data.after, major: data.majorAfter });
        return;
      }
      case 'PoliceDispatched': {
        const data = envelope.data as unknown as PoliceDispatchedData;
        await this.upsert(query, envelope, { dispatched_unit_id: data.unitOrganisationId });
        return;
      }
      // 违法行为已制止: the police case's 治安调解 waits for it [S3 一(二)].
      case 'DisturbanceStopped': {
        const data = envelope.data as unknown as DisturbanceStoppedData;
        await this.upsert(query, envelope, { disturbance_stopped_at: data.stoppedAt });
        return;
      }
      case 'IncidentLinkedToPoliceCase': {
        const data = envelope.data as unknown as IncidentLinkedToPoliceCaseData;
        await this.upsert(query, envelope, { police_system_number: data.policeCaseNumber });
        return;
      }
      case 'IncidentClosed': {
        const data = envelope.data as unknown as IncidentClosedData;
        if (data.outcome !== 'handed_to_police_case') return;
        await this.upsert(query, envelope, data.major ? { major: true } : {});
        await this.openCase(envelope, data, query);
        return;
      }
      default:
        return; // the other incident events mean nothing to a police case
    }
  }

  private async openCase(envelope: EventEnvelope, data: IncidentClosedData, query: Query): Promise<void> {
    const [facts] = await query<{
      classification: IncidentClassification | null;
      major: boolean;
      summary: string | null;
      dispatched_unit_id: string | null;
      disturbance_stopped_at: Date | null;
    }>(
      `SELECT classification, major, summary, dispatched_unit_id, disturbance_stopped_at FROM ${INCIDENT_FACTS_TABLE} WHERE case_number = $1`,
      [data.caseNumber],
    );
    const handlingUnitId = facts?.dispatched_unit_id ?? envelope.actor.organisationId;
    const kind = kindOf(facts?.classification ?? null, facts?.major ?? false);
    const summary =
      [facts?.summary, data.note].filter((s): s is string => !!s && s.trim() !== '').join(' — ') || `Incident ${data.caseNumber}`;
    const system = { userId: envelope.actor.userId, organisationId: envelope.actor.organisationId, role: envelope.actor.role };
    // In the inbox transaction (the case and the consumed event commit together), accepted when it was handed over.
    await this.commands.execute(
      new PoliceCaseCommandMessage({
        streamId: data.caseNumber,
        command: {
          type: 'OpenCaseFromIncident',
          data: {
            caseNumber: data.caseNumber,
            incidentId: envelope.streamId,
            hospitalId: data.hospitalId,
            regionCode: data.regionCode,
            kind,
            handlingUnitId,
            summary,
            ...(facts?.major ? { major: true } : {}),
            disturbanceStopped: facts?.disturbance_stopped_at != null,
          },
        },
        actor: system,
        correlationId: data.caseNumber,
        query,
        now: new Date(data.closedAt),
      }),
    );
    this.log.log(`incident ${data.caseNumber} handed over: police case opened (${kind})`);
  }

  private async upsert(query: Query, envelope: EventEnvelope, change: Record<string, unknown>): Promise<void> {
    const ref = envelope.data as { caseNumber: string; hospitalId: string; regionCode: string };
    const columns = Object.keys(change);
    const values = columns.map((c) => (c === 'classification' ? JSON.stringify(change[c]) : change[c]));
    const insertCols = ['case_number', 'incident_stream_id', 'hospital_id', 'region_code', 'updated_at', ...columns];
    const placeholders = insertCols.map((_, i) => `$${i + 1}`);
    const updates = ['updated_at = EXCLUDED.updated_at', ...columns.map((c) => `${c} = EXCLUDED.${c}`)];
    await query(
      `INSERT INTO ${INCIDENT_FACTS_TABLE} (${insertCols.join(', ')}) VALUES (${placeholders.join(', ')})
       ON CONFLICT (case_number) DO UPDATE SET ${updates.join(', ')}`,
      [ref.caseNumber, envelope.streamId, ref.hospitalId, ref.regionCode, envelope.occurredAt, ...values],
    );
  }
}

/**
 * The kind a handed-over case opens as. Criminal by default, with no downgrading (降格处理) to a
 * public-security case [S2 二(六), S3 一(一)], when:
 * - the incident is major (a death, a 重伤 or a suspected one awaiting appraisal, a mass incident);
 * - anyone, in any group, has an injury of 轻伤 or worse: 轻伤 is the threshold of intentional
 *   injury (故意伤害罪, 刑法 art. 234); 轻微伤 alone is not;
 * - it was a knife attack: an assault on staff with a weapon (持刀伤医).
 */
export function kindOf(stored: IncidentClassification | null, major: boolean): PoliceCaseKind {
  if (major) return 'criminal';
  if (!stored) return 'administrative';
  // Facts stored before the grades were kept apart read their merged count as 轻微伤.
  const classification = readClassification(stored);
  const hurt = CASUALTY_GROUPS.some((group) => {
    const c = classification.casualties[group];
    return c.deaths + c.seriousInjuries + c.lightInjuries > 0;
  });
  const knifeAttack = classification.weaponsInvolved && classification.categories.includes('assault_on_staff');
  return hurt || knifeAttack || classification.seriousInjuryPendingAppraisal ? 'criminal' : 'administrative';
}
