import { DataSource } from 'typeorm';
import { databaseFromDataSource, type Database } from '@pingan/event-store';

/** Polls until `check` passes (it throws while not yet), for effects that arrive asynchronously. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function openDatabase(url: string): Promise<{ db: Database; close: () => Promise<void> }> {
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 10 } });
  await dataSource.initialize();
  return { db: databaseFromDataSource(dataSource), close: () => dataSource.destroy() };
}

/** A context name no other test run uses, so every run gets fresh topics. */
export const uniqueContext = (label: string): string => `t-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
