import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE, databaseFromDataSource, runMigrations, type Database, type SchemaMigration } from '@pingan/event-store';

let n = 0;
const freshSchema = () => `mig_test_${process.pid}_${++n}`;

/** Two migrations that count how often they ran; the second adds a column to the first's table. */
function countingMigrations(): { migrations: SchemaMigration[]; runs: Record<string, number> } {
  const runs: Record<string, number> = {};
  const step = (name: string, sql: (s: string) => string): SchemaMigration => ({
    name,
    async up(query, schema) {
      runs[name] = (runs[name] ?? 0) + 1;
      // Slow enough that a second runner not waiting for the first would overlap it.
      await query('SELECT pg_sleep(0.2)');
      await query(sql(schema));
    },
  });
  return {
    runs,
    migrations: [
      step('CreateNotes1796184000000', (s) => `CREATE TABLE ${s}.notes (id integer PRIMARY KEY)`),
      step('AddNoteText1796184100000', (s) => `ALTER TABLE ${s}.notes ADD COLUMN text text NOT NULL DEFAULT ''`),
    ],
  };
}

const recorded = (db: Database, schema: string) =>
  db.query<{ name: string }>(`SELECT name FROM ${schema}.${MIGRATIONS_TABLE} ORDER BY id`).then((rows) => rows.map((r) => r.name));

describe('runMigrations', () => {
  // Two pools: two processes starting on one database.
  let sources: DataSource[];
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    sources = await Promise.all(
      [1, 2].map(() => new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 2 } }).initialize()),
    );
    [a, b] = sources.map(databaseFromDataSource);
  });
  afterAll(() => Promise.all(sources.map((s) => s.destroy())));

  it('applies the list in order, records it in the schema, and applies nothing the second time', async () => {
    const schema = freshSchema();
    const { migrations, runs } = countingMigrations();
    expect(await runMigrations(a, schema, migrations)).toEqual(['CreateNotes1796184000000', 'AddNoteText1796184100000']);
    expect(await runMigrations(a, schema, migrations)).toEqual([]);
    expect(runs).toEqual({ CreateNotes1796184000000: 1, AddNoteText1796184100000: 1 });
    expect(await recorded(a, schema)).toEqual(['CreateNotes1796184000000', 'AddNoteText1796184100000']);
    const [table] = await a.query<{ schema: string }>(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'notes'
      AND table_schema = $1`,
      [schema],
    );
    expect(table).toEqual({ schema });
  });

  it('two runs starting at once on a fresh schema both succeed, and each migration is applied once', async () => {
    const schema = freshSchema();
    const { migrations, runs } = countingMigrations();
    const results = await Promise.all([runMigrations(a, schema, migrations), runMigrations(b, schema, migrations)]);
    expect(results.flat().sort()).toEqual(['AddNoteText1796184100000', 'CreateNotes1796184000000']);
    expect(results.some((applied) => applied.length === 0)).toBe(true);
    expect(runs).toEqual({ CreateNotes1796184000000: 1, AddNoteText1796184100000: 1 });
    expect(await recorded(b, schema)).toEqual(['CreateNotes1796184000000', 'AddNoteText1796184100000']);
  });

  it('applies only what is new when the list grows, and rolls a failing run back whole', async () => {
    const schema = freshSchema();
    const { migrations } = countingMigrations();
    await runMigrations(a, schema, migrations.slice(0, 1));
    const failing: SchemaMigration = {
      name: 'Broken1796184200000',
      up: async (query, s) => {
        await query(`CREATE TABLE ${s}.half_done (id integer)`);
        throw new Error('broken migration');
      },
    };
    await expect(runMigrations(a, schema, [...migrations, failing])).rejects.toThrow('broken migration');
    expect(await recorded(a, schema)).toEqual(['CreateNotes1796184000000']);
    expect(await a.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'half_done'`, [schema])).toEqual(
      [],
    );
    expect(await runMigrations(a, schema, migrations)).toEqual(['AddNoteText1796184100000']);
  });

  it('refuses a name without its timestamp and the same name twice', async () => {
    const up = async () => undefined;
    await expect(runMigrations(a, freshSchema(), [{ name: 'CreateThings', up }])).rejects.toThrow('13-digit timestamp');
    await expect(
      runMigrations(a, freshSchema(), [
        { name: 'CreateThings1796184000000', up },
        { name: 'CreateThings1796184000000', up },
      ]),
    ).rejects.toThrow('Duplicate migrations');
  });
});
