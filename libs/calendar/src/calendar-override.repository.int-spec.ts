import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE, databaseFromDataSource, runMigrations } from '@pingan/event-store';
import { createTestDatabase, type TestDatabase } from '@pingan/testing';
import { CalendarOverrideRepository, loadChinaCalendar } from './calendar-override.repository.js';
import type { CalendarOverride } from './china-calendar.js';
import { calendarMigrations } from './migrations/index.js';

describe('CalendarOverrideRepository (real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  // The repository works on a plain pg query; its tables come from the migrations (run on a DataSource).
  let dataSource: DataSource;
  const migrate = () => runMigrations(databaseFromDataSource(dataSource), 'calendar', calendarMigrations);
  let now: Date;
  let repository: CalendarOverrideRepository;
  const query = (sql: string, params?: unknown[]) => pool.query(sql, params).then((result) => result.rows);

  // A made-up 2027 notice: Spring Festival Feb 5–11 off, Sat Feb 20 a make-up working day.
  const notice2027: CalendarOverride[] = [
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((date): CalendarOverride => ({
      date,
      kind: 'off',
      note: '2027 notice: 春节',
    })),
    { date: '2027-02-20', kind: 'working', note: '2027 notice: 春节 make-up day' },
  ];

  beforeAll(async () => {
    db = await createTestDatabase('calendar');
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    now = new Date('2026-11-20T02:00:00Z');
    repository = new CalendarOverrideRepository(query, { schema: 'calendar', now: () => now });
    dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 1 } }).initialize();
    await migrate();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await pool.end();
    await db.drop();
  });

  it('migrates idempotently', async () => {
    expect(await migrate()).toEqual([]);
    const rows = await query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'calendar' AND table_name <> $1 ORDER BY table_name",
      [MIGRATIONS_TABLE],
    );
    expect(rows.map((row) => row.table_name)).toEqual(['calendar_overrides', 'calendar_schedules']);
  });

  it('Given no schedule loaded, then 2027 is provisional', async () => {
    const calendar = await loadChinaCalendar(repository);
    expect(calendar.dayInfo('2027-02-11')).toMatchObject({ working: true, provisional: true });
  });

  it('Given the 2027 notice loaded as complete, then the calendar built from the database is official for 2027', async () => {
    const schedule = await repository.loadYear(2027, notice2027, { source: '国办发明电〔2026〕x号', loadedBy: 'admin-1' });
    expect(schedule).toEqual({ year: 2027, completed: true, source: '国办发明电〔2026〕x号', loadedBy: 'admin-1', loadedAt: now });

    expect(await repository.all()).toEqual(notice2027);
    const calendar = await loadChinaCalendar(repository);
    expect(calendar.dayInfo('2027-02-10')).toEqual({
      date: '2027-02-10',
      working: false,
      provisional: false,
      reason: 'override: 2027 notice: 春节',
    });
    expect(calendar.dayInfo('2027-02-20')).toMatchObject({ working: true, provisional: false });
    expect(calendar.dayInfo('2027-03-10')).toMatchObject({ working: true, provisional: false });
  });

  it('Given a corrected notice loaded again, then it replaces the year and records who loaded it when', async () => {
    now = new Date('2026-11-21T03:00:00Z');
    const corrected: CalendarOverride[] = [
      ...notice2027.filter((override) => override.date !== '2027-02-11' && override.kind === 'off'),
      { date: '2027-02-21', kind: 'working', note: 'corrected: make-up day is Sunday' },
    ];
    await repository.loadYear(2027, corrected, { source: 'correction', loadedBy: 'admin-2' });

    expect((await repository.all()).map((override) => override.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-21',
    ]);
    expect(await repository.schedules()).toEqual([
      { year: 2027, completed: true, source: 'correction', loadedBy: 'admin-2', loadedAt: new Date('2026-11-21T03:00:00Z') },
    ]);
    const calendar = await loadChinaCalendar(repository);
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-20')).toBe(false);
  });

  it('Given a partial load for 2028 (not complete), then those dates are firm and the rest of 2028 stays provisional', async () => {
    await repository.loadYear(2028, [{ date: '2028-01-03', kind: 'off', note: 'local decision' }], {
      source: 'draft',
      loadedBy: 'admin-1',
      completed: false,
    });
    const calendar = await loadChinaCalendar(repository);
    expect(calendar.dayInfo('2028-01-03')).toMatchObject({ working: false, provisional: false });
    expect(calendar.dayInfo('2028-01-04')).toMatchObject({ working: true, provisional: true });
    expect(calendar.dayInfo('2027-03-10')).toMatchObject({ provisional: false });
  });

  it('rejects a load that would make a statutory holiday a working day, and keeps the previous schedule', async () => {
    const before = await repository.all();
    await expect(
      repository.loadYear(2027, [{ date: '2027-10-01', kind: 'working', note: 'typo' }], { source: 'x', loadedBy: 'admin-3' }),
    ).rejects.toThrow(/statutory holiday/);
    await expect(
      repository.loadYear(2027, [{ date: '2028-02-01', kind: 'off', note: 'wrong year' }], { source: 'x', loadedBy: 'admin-3' }),
    ).rejects.toThrow(/not in 2027/);
    expect(await repository.all()).toEqual(before);
  });

  it('Given the database refuses one row of a load, then nothing of that load is kept (one transaction)', async () => {
    const before = await repository.all();
    // A missing note passes the calendar checks but violates NOT NULL inside the statement,
    // after the schedule row has been upserted.
    const withoutNote = [{ date: '2027-03-01', kind: 'off', note: null }] as unknown as CalendarOverride[];
    await expect(repository.loadYear(2027, withoutNote, { source: 'broken', loadedBy: 'admin-4' })).rejects.toThrow(/null value/);
    expect(await repository.all()).toEqual(before);
    expect((await repository.schedules()).find((schedule) => schedule.year === 2027)).toMatchObject({
      source: 'correction',
      loadedBy: 'admin-2',
    });
  });
});
