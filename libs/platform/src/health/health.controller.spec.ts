import type { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { BusHealth } from './bus-health.js';
import { HealthController } from './health.controller.js';

describe('liveness and readiness', () => {
  const brokerDown: BusHealth = { check: async () => ({ up: false, detail: 'no answer within 3000 ms' }) };
  const brokerUp: BusHealth = { check: async () => ({ up: true, detail: '' }) };
  const database = (up: boolean) =>
    ({
      query: async () =>
        up ? [{ '?column?': 1 }] : Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })),
    }) as unknown as DataSource;
  const controller = (dbUp: boolean, bus: BusHealth) =>
    new HealthController({} as HealthCheckService, {} as HealthIndicatorService, database(dbUp), bus);
  const response = () => {
    const res = { statusCode: 200, status: (code: number) => ((res.statusCode = code), res) };
    return res;
  };

  it('stays live whatever the database and the broker do (it asks neither)', () => {
    expect(controller(false, brokerDown).live()).toMatchObject({ status: 'up' });
  });

  it('is ready but degraded while Kafka is down: 200, naming the broker', async () => {
    const res = response();
    const answer = await controller(true, brokerDown).ready(res as unknown as Response);
    expect(res.statusCode).toBe(200);
    expect(answer).toEqual({
      status: 'degraded',
      degraded: ['broker'],
      checks: { database: { status: 'up' }, broker: { status: 'down', detail: 'no answer within 3000 ms' } },
    });
  });

  it('is not ready without the database: 503, naming it, without the host', async () => {
    const res = response();
    const answer = await controller(false, brokerUp).ready(res as unknown as Response);
    expect(res.statusCode).toBe(503);
    expect(answer).toMatchObject({ status: 'down', degraded: ['database'] });
    expect(JSON.stringify(answer)).not.toContain('10.0.0.5');
  });
});
