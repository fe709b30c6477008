import { ApiProperty } from '@nestjs/swagger';
import type { ServiceRuntime } from './service-runtime.js';

/** A legal clock still running on a case, as a command's answer shows it: what to do by when. */
export class RunningClockDto {
  @ApiProperty() deadlineId!: string;
  @ApiProperty({ example: 'police-arrival-with-office' }) rule!: string;
  @ApiProperty({ nullable: true, description: 'where the rule comes from (law, notice)' }) source!: string | null;
  @ApiProperty({ enum: ['running', 'warned', 'paused'] }) state!: 'running' | 'warned' | 'paused';
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'the instant the duty falls due (for a paused clock: as of the pause)' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) warnAt!: string;
  @ApiProperty({ description: 'the due instant depends on a year whose official holiday schedule is not yet published' })
  provisional!: boolean;
  @ApiProperty({ nullable: true }) responsibleOrganisationId!: string | null;
  @ApiProperty({ nullable: true }) supervisingOrganisationId!: string | null;
}

const RUNNING = ['running', 'warned', 'paused'] as const;

/**
 * The clocks still running on a case, soonest due first. Read after the command's transaction:
 * the clocks committed with its events, so they are the command's own.
 */
export async function runningClocks(runtime: Pick<ServiceRuntime, 'deadlines'>, caseNumber: string): Promise<RunningClockDto[]> {
  const clocks = (await runtime.deadlines?.list({ subject: caseNumber, state: RUNNING })) ?? [];
  return clocks
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .map((c) => ({
      deadlineId: c.id,
      rule: c.rule.name,
      source: c.rule.source ?? null,
      state: c.state as RunningClockDto['state'],
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      warnAt: c.warnAt.toISOString(),
      provisional: c.provisional,
      responsibleOrganisationId: c.responsibleOrganisationId,
      supervisingOrganisationId: c.supervisingOrganisationId,
    }));
}
