import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@pingan/testing';

describe('PostgreSQL harness', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('infra_postgres');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('is PostgreSQL 15 or newer', async () => {
    const { rows } = await client.query<{ server_version: string; server_version_num: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
    );
    console.log(`PostgreSQL server_version ${rows[0].server_version}`);
    expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
  });

  it('rolls back a failed transaction', async () => {
    await client.query('CREATE TABLE items (id int PRIMARY KEY)');
    await client.query('BEGIN');
    await client.query('INSERT INTO items VALUES (1)');
    await expect(client.query('INSERT INTO items VALUES (1)')).rejects.toThrow(/duplicate key/);
    await client.query('ROLLBACK');
    const { rows } = await client.query('SELECT count(*)::int AS n FROM items');
    expect(rows[0].n).toBe(0);
  });

  it('gives each caller its own database', async () => {
    const other = await createTestDatabase('infra_postgres');
    try {
      expect(other.url).not.toBe(db.url);
      const c = new pg.Client({ connectionString: other.url });
      await c.connect();
      const { rows } = await c.query("SELECT to_regclass('items') AS t");
      await c.end();
      expect(rows[0].t).toBeNull();
    } finally {
      await other.drop();
    }
  });
});
