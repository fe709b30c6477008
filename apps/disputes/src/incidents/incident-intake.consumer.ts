import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  DISPUTE_STREAM_TYPE,
  INCIDENTS_CONTEXT,
  SYSTEM_ACTOR,
  type AlarmDetailsCompletedData,
  type DisturbanceStoppedData,
  type EventEnvelope,
  type IncidentClosedData,
  type IncidentLinkedToDisputeData,
  type IncidentReportedData,
  type PoliceDispatchedData,
} from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { DisputeCommandMessage } from '../commands/dispute-command.js';
import { disputeIdForIncident } from '../dispute-ref.js';
import { SCHEMA } from '../read-models/dispute-state.js';

export { disputeIdForIncident } from '../dispute-ref.js';

/**
 * Follows `pingan.incidents.events` (group 'disputes.incidents'). Every effect runs on the inbox
 * transaction's `query`, so the effect and the inbox row commit together: an incident event
 * delivered twice opens one dispute, records one stop.
 *
 * - IncidentReported / AlarmDetailsCompleted / PoliceDispatched: facts kept to open a dispute with.
 * - IncidentClosed with outcome `referred_to_dispute` (转医疗纠纷处理): OpenDisputeFromIncident,
 *   keeping the incident's case number; the link case number → dispute id is kept.
 * - DisturbanceStopped: RecordIncidentDisturbanceStopped on every linked dispute [S3 一(二)].
 * - IncidentLinkedToDispute (a dispute opened on its own, linked to the incident later): LinkIncident,
 *   with what we heard of the disturbance, so that route into mediation obeys the same rule.
 */
@Injectable()
export class IncidentIntakeConsumer {
  constructor(private readonly commands: CommandBus) {}

  /** Registered by DisputesStartup. */
  readonly subscription = {
    group: 'disputes.incidents',
    contexts: [INCIDENTS_CONTEXT],
    handle: (envelope: EventEnvelope, query: Query) => this.handle(envelope, query),
  };

  async handle(envelope: EventEnvelope, query: Query): Promise<void> {
    switch (envelope.type) {
      case 'IncidentReported':
        return this.reported(envelope.data as IncidentReportedData, query);
      case 'AlarmDetailsCompleted': {
        const data = envelope.data as AlarmDetailsCompletedData;
        await query(`UPDATE ${SCHEMA}.incident_facts SET summary = $2, parties_count = $3 WHERE case_number = $1`, [
          data.caseNumber,
          data.particulars.description ?? data.particulars.behaviour,
          data.particulars.partiesCount,
        ]);
        return;
      }
      case 'PoliceDispatched': {
        const data = envelope.data as PoliceDispatchedData;
        await query(`UPDATE ${SCHEMA}.incident_facts SET police_dispatched = true WHERE case_number = $1`, [data.caseNumber]);
        return;
      }
      case 'DisturbanceStopped':
        return this.disturbanceStopped(envelope, query);
      case 'IncidentClosed':
        if ((envelope.data as IncidentClosedData).outcome === 'referred_to_dispute') return this.referred(envelope, query);
        return;
      case 'IncidentLinkedToDispute':
        return this.linked(envelope, query);
      default:
        return; // other incident events mean nothing here
    }
  }

  private async reported(data: IncidentReportedData, query: Query): Promise<void> {
    const intake = data.intake;
    const summary =
      intake.channel === 'hospital_report'
        ? (intake.description ?? intake.behaviour)
        : intake.channel === 'one_key_alarm'
          ? `一键报警 ${intake.location}`
          : intake.description;
    const partiesCount = intake.channel === 'hospital_report' ? intake.partiesCount : null;
    await query(
      `INSERT INTO ${SCHEMA}.incident_facts (case_number, hospital_id, region_code, summary, parties_count)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_number) DO NOTHING`,
      [data.caseNumber, data.hospitalId, data.regionCode, summary, partiesCount],
    );
  }

  private async referred(envelope: EventEnvelope, query: Query): Promise<void> {
    const data = envelope.data as IncidentClosedData;
    const [facts] = await query<{ summary: string; police_dispatched: boolean; disturbance_stopped_at: Date | null }>(
      `SELECT summary, police_dispatched, disturbance_stopped_at FROM ${SCHEMA}.incident_facts WHERE case_number = $1`,
      [data.caseNumber],
    );
    // The incidents context refers only once police stopped the disturbance or were never called
    // [S3 一(二)]; we still check what we heard, so a referral during a disturbance cannot open mediation.
    const disturbanceStopped = facts ? facts.disturbance_stopped_at !== null || !facts.police_dispatched : true;
    const disputeId = disputeIdForIncident(data.caseNumber);
    const at = new Date(data.closedAt);
    await this.commands.execute(
      new DisputeCommandMessage({
        streamId: disputeId,
        command: {
          type: 'OpenDisputeFromIncident',
          data: {
            disputeId,
            caseNumber: data.caseNumber,
            incidentId: data.caseNumber,
            hospitalId: data.hospitalId,
            regionCode: data.regionCode,
            summary: `转医疗纠纷处理 (incident ${data.caseNumber}): ${facts?.summary ?? data.note ?? ''}`.trim(),
            // The patient side is not named in incident events: one unnamed party until the hospital registers them.
            parties: [{ partyId: `${disputeId}/patient-side`, relation: 'other' }],
            claims: [],
            disturbanceStopped,
            referredAt: at,
          },
        },
        actor: SYSTEM_ACTOR,
        correlationId: data.caseNumber,
        causationId: envelope.eventId,
        query,
      }),
    );
    await query(`INSERT INTO ${SCHEMA}.incident_disputes (case_number, dispute_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      data.caseNumber,
      disputeId,
      at,
    ]);
  }

  private async linked(envelope: EventEnvelope, query: Query): Promise<void> {
    const data = envelope.data as IncidentLinkedToDisputeData;
    // The dispute by its case number, from the store itself (a list projection may lag behind).
    const [dispute] = await query<{ stream_id: string }>(
      `SELECT stream_id FROM ${SCHEMA}.events WHERE stream_type = $1 AND type = 'DisputeOpened' AND data->>'caseNumber' = $2 LIMIT 1`,
      [DISPUTE_STREAM_TYPE, data.disputeCaseNumber],
    );
    if (!dispute) return; // a number of no dispute of ours (another system's): nothing to hold back here
    const [facts] = await query<{ police_dispatched: boolean; disturbance_stopped_at: Date | null }>(
      `SELECT police_dispatched, disturbance_stopped_at FROM ${SCHEMA}.incident_facts WHERE case_number = $1`,
      [data.caseNumber],
    );
    // Police called and no stop recorded: the disturbance is going on as far as we know.
    const disturbanceStopped = facts ? facts.disturbance_stopped_at !== null || !facts.police_dispatched : true;
    await this.commands.execute(
      new DisputeCommandMessage({
        streamId: dispute.stream_id,
        command: {
          type: 'LinkIncident',
          data: { incidentId: data.caseNumber, disturbanceStopped, linkedAt: new Date(data.linkedAt) },
        },
        actor: SYSTEM_ACTOR,
        correlationId: data.disputeCaseNumber,
        causationId: envelope.eventId,
        query,
      }),
    );
    // A stop recorded later reaches this dispute too.
    await query(`INSERT INTO ${SCHEMA}.incident_disputes (case_number, dispute_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      data.caseNumber,
      dispute.stream_id,
      new Date(data.linkedAt),
    ]);
  }

  private async disturbanceStopped(envelope: EventEnvelope, query: Query): Promise<void> {
    const data = envelope.data as DisturbanceStoppedData;
    await query(`UPDATE ${SCHEMA}.incident_facts SET disturbance_stopped_at = $2 WHERE case_number = $1`, [
      data.caseNumber,
      data.stoppedAt,
    ]);
    const links = await query<{ dispute_id: string }>(`SELECT dispute_id FROM ${SCHEMA}.incident_disputes WHERE case_number = $1`, [
      data.caseNumber,
    ]);
    for (const { dispute_id: disputeId } of links) {
      await this.commands.execute(
        new DisputeCommandMessage({
          streamId: disputeId,
          command: {
            type: 'RecordIncidentDisturbanceStopped',
            data: { incidentId: data.caseNumber, stoppedAt: new Date(data.stoppedAt) },
          },
          actor: SYSTEM_ACTOR,
          correlationId: data.caseNumber,
          causationId: envelope.eventId,
          query,
        }),
      );
    }
  }
}
