import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { BUS_HEALTH, type BusHealth } from './bus-health.js';

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
            .withTimeout(3_000),
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
}
