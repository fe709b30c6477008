import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actorOf, type Principal } from '@pingan/access';
import { SYSTEM_ACTOR, incidentStreamId, type IncidentReportedData } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { INCIDENTS_CONTEXT_NAME } from '../incidents.context.js';
import { IncidentCommandMessage } from '../incidents/commands/incident-command.js';
import { INCIDENT_LIST_TABLE } from '../read-models/incident-list.projection.js';
import { CallerKeys } from './caller-keys.js';
import { hasCallerData, recordedCallerOf } from './caller-view.js';

/**
 * Default retention of the 110 caller's details after the incident is closed: one year. It
 * outlasts the windows in which the case may still need the caller as a witness or be
 * challenged — administrative reconsideration (60 days), an administrative suit (6 months), the
 * yearly oversight review of a county's incidents — and is no longer than that (PIPL Art. 19:
 * the shortest period necessary). An administrator sets it between the bounds below.
 */
export const DEFAULT_CALLER_RETENTION_DAYS = 365;
export const MIN_CALLER_RETENTION_DAYS = 30;
export const MAX_CALLER_RETENTION_DAYS = 3650;
/** How often the sweep looks for callers to erase (a missed day erases a day late, never early). */
export const CALLER_SWEEP_INTERVAL_MS = 60 * 60_000;

export interface CallerRetentionSetting {
  retentionDays: number;
  /** Whether an administrator set it (else the default). */
  isDefault: boolean;
  setBy: string | null;
  setAt: string | null;
}

/**
 * The retention period (a row in the incidents' schema, set by a system administrator) and the
 * sweep: each closed 110 incident whose retention has run out gets CallerDataErased in its history
 * and its case key destroyed, in one transaction (crypto-shredding: what the events and Kafka
 * carry can no longer be opened).
 */
@Injectable()
export class CallerRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CallerRetention.name);
  private timer: NodeJS.Timeout | null = null;
  private readonly table: string;

  constructor(
    @InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
    private readonly keys: CallerKeys,
  ) {
    this.table = `${runtime.schema}.caller_data_settings`;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn(`caller data sweep failed: ${String(error)}`));
    }, CALLER_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async setting(): Promise<CallerRetentionSetting> {
    const [row] = await this.runtime.db.query<{ retention_days: number; set_by: string; set_at: Date }>(
      `SELECT retention_days, set_by, set_at FROM ${this.table} WHERE id`,
    );
    return row
      ? { retentionDays: row.retention_days, isDefault: false, setBy: row.set_by, setAt: new Date(row.set_at).toISOString() }
      : { retentionDays: DEFAULT_CALLER_RETENTION_DAYS, isDefault: true, setBy: null, setAt: null };
  }

  async set(retentionDays: number, principal: Principal): Promise<CallerRetentionSetting> {
    const by = actorOf(principal, 'system_administrator');
    await this.runtime.db.query(
      `INSERT INTO ${this.table} (id, retention_days, set_by, set_at) VALUES (true, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET retention_days = EXCLUDED.retention_days, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
      [retentionDays, by.userId, this.runtime.clock()],
    );
    this.logger.log(`caller data retention set to ${retentionDays} days by ${by.userId} (${by.organisationId})`);
    return this.setting();
  }

  /** Erases every caller whose retention has run out; returns their case numbers. */
  async sweep(): Promise<string[]> {
    const { retentionDays } = await this.setting();
    const now = this.runtime.clock();
    await this.runtime.catchUpProjections(); // the list finds the closed incidents
    const due = await this.runtime.db.query<{ case_number: string }>(
      `SELECT case_number FROM ${this.runtime.schema}.${INCIDENT_LIST_TABLE}
        WHERE status = 'closed' AND state->'intake'->>'channel' = 'call_110' AND state->>'callerDataErasedAt' IS NULL
          AND (state->>'closedAt')::timestamptz <= $1
        ORDER BY case_number`,
      [new Date(now.getTime() - retentionDays * 86_400_000)],
    );
    const erased: string[] = [];
    for (const { case_number: caseNumber } of due) {
      try {
        if (await this.erase(caseNumber, retentionDays, now)) erased.push(caseNumber);
      } catch (error) {
        // Reopened meanwhile, or a concurrent sweep: the next sweep sees it as it then is.
        this.logger.warn(`caller data of ${caseNumber} not erased: ${String(error)}`);
      }
    }
    if (erased.length > 0) this.logger.log(`erased the callers of ${erased.length} incident(s) after ${retentionDays} days`);
    return erased;
  }

  private async erase(caseNumber: string, retentionDays: number, now: Date): Promise<boolean> {
    const [first] = await this.runtime.store.readStream(incidentStreamId(caseNumber));
    const caller = recordedCallerOf((first?.data as IncidentReportedData | undefined)?.intake);
    if (!caller || !hasCallerData(caller)) return false; // nothing personal to erase
    const { events } = await this.runtime.db.transaction((query) =>
      this.commands.execute(
        new IncidentCommandMessage({
          streamId: incidentStreamId(caseNumber),
          command: { type: 'EraseCallerData', data: { retentionDays } },
          actor: SYSTEM_ACTOR,
          correlationId: caseNumber,
          now,
          query,
          inTransaction: async (q, decided) => {
            if (decided.events.length > 0) await this.keys.destroyKey(q, caseNumber, now);
          },
        }),
      ),
    );
    return events.length > 0;
  }
}
