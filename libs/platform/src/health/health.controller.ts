import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { BUS_HEALTH, type BusHealth } from './bus-health.js';
import { readiness, type Readiness } from './readiness.js';

const DATABASE_TIMEOUT_MS = 3_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(BUS_HEALTH) private readonly bus: BusHealth,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Database and message bus status: 200 when both are up, 503 otherwise',
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () =>
          this.indicators
            .check('database')
            .attempt(async () => {
              await this.dataSource.query('SELECT 1');
            })
            .withTimeout(DATABASE_TIMEOUT_MS),
        async () => {
          const indicator = this.indicators.check('bus');
          const { up, detail } = await this.bus.check();
          return up ? indicator.up({ detail }) : indicator.down({ detail });
        },
      ]);
    } catch (error) {
      // Terminus reports "down" as a 503 exception; keep its body (not problem+json), which
      // load balancers and humans read, and only set the status.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  /**
   * Liveness: the process runs and its event loop answers. It asks nothing of the database or the
   * broker, so an outage of either never makes an orchestrator restart every service at once.
   */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process runs, whatever the database and the broker do' })
  live(): { status: 'up'; uptimeSeconds: number } {
    return { status: 'up', uptimeSeconds: Math.floor(process.uptime()) };
  }

  /**
   * Readiness: may traffic come here? Only without the database is the answer no (503); without the
   * broker, commands are still recorded (the events table is the outbox) and published when it
   * returns, so the service stays ready and says it is degraded.
   */
  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: 200 "up", or 200 "degraded" naming what is down (the broker); 503 "down" without the database. ' +
      '{ status, degraded, checks: { database, broker } }',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    const [database, broker] = await Promise.all([this.databaseCheck(), this.bus.check()]);
    const answer = readiness({ database, broker });
    if (answer.status === 'down') res.status(503);
    return answer;
  }

  private async databaseCheck(): Promise<{ up: boolean; detail: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ up: boolean; detail: string }>((resolve) => {
      timer = setTimeout(() => resolve({ up: false, detail: `no answer within ${DATABASE_TIMEOUT_MS} ms` }), DATABASE_TIMEOUT_MS);
    });
    const probe = this.dataSource
      .query('SELECT 1')
      .then(() => ({ up: true, detail: '' }))
      // The error's class only: its message may name hosts and users.
      .catch((error: unknown) => ({ up: false, detail: error instanceof Error ? error.name : 'error' }));
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
