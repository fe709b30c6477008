/**
 * npm run verify -- <schema> [--stream <id>]
 * Checks a service's event store for edited, deleted, reordered or truncated events.
 * Uses DATABASE_URL, or the embedded engine in DATA_DIR (default ./data) while the app is stopped.
 * Exit code 0 when intact, 1 when anything was found, 2 on a usage error.
 */
import { DataSource } from 'typeorm';
import { databaseFromDataSource, verifyEventStore } from '@pingan/event-store';
import { acquireEmbeddedPostgres } from '@pingan/platform';

async function main(): Promise<number> {
  const [schema, flag, streamId] = process.argv.slice(2);
  if (!schema || (flag && flag !== '--stream')) {
    console.error('usage: npm run verify -- <schema> [--stream <stream id>]');
    return 2;
  }
  const embedded = process.env.DATABASE_URL ? null : await acquireEmbeddedPostgres(process.env.DATA_DIR ?? './data');
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL ?? embedded!.url, extra: { max: 1 } });
  await dataSource.initialize();
  try {
    const report = await verifyEventStore(databaseFromDataSource(dataSource), schema, { streamId });
    console.log(`${schema}: ${report.events} events in ${report.streams} streams checked`);
    for (const f of report.findings) console.log(`  ${f.kind.padEnd(9)} ${f.streamId} v${f.version}: ${f.detail}`);
    console.log(report.ok ? 'intact' : `${report.findings.length} problem(s) found`);
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
    await embedded?.release();
  }
}

process.exitCode = await main();
