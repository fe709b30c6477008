// Run by service-runtime.int-spec.ts as its own process (tsx): starts a runtime, appends one event
// that starts a clock, and is killed (SIGKILL) the moment the append returns — before the relay,
// the projections or anything else asynchronous could run.
import { DataSource } from 'typeorm';
import { databaseFromDataSource } from '@pingan/event-store';
import { InProcessBus } from '@pingan/messaging';
import { ServiceRuntime } from '@pingan/platform';
import { clockTestRuntimeOptions } from './clock-test-runtime.fixtures.js';

const [url, context, streamId] = process.argv.slice(2);
const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
const runtime = new ServiceRuntime(clockTestRuntimeOptions(context), databaseFromDataSource(dataSource), new InProcessBus());
await runtime.start();
await runtime.store.append(streamId, [{ type: 'PoliceDispatched', data: {}, occurredAt: new Date('2026-11-22T02:00:00Z') }], {
  streamType: 'incident',
  expectedVersion: 'no_stream',
  actor: { userId: 'dispatcher-1', organisationId: 'station-1', role: 'police_dispatcher' },
  correlationId: 'C-killed',
});
process.kill(process.pid, 'SIGKILL');
