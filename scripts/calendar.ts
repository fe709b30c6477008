/**
 * npm run calendar -- load <file.json|file.csv>     load (or correct) a year's holiday schedule
 * npm run calendar -- show <year>                   how each day of a year counts, and its loads
 *
 * Talks to the running system's API (PINGAN_URL, default http://localhost:3000) as a system
 * administrator: PINGAN_TOKEN, or PINGAN_USERNAME and PINGAN_PASSWORD to log in. The file is
 * checked here first (the same checks the API makes), so a mistake is reported before anything
 * is sent. Formats: libs/calendar/README.md. Exit code 0 on success, 1 when refused, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { CalendarError, parseYearSchedule, parseYearScheduleCsv, type YearSchedule } from '@pingan/calendar';

const base = (process.env.PINGAN_URL ?? 'http://localhost:3000').replace(/\/$/, '');

async function token(): Promise<string> {
  if (process.env.PINGAN_TOKEN) return process.env.PINGAN_TOKEN;
  const { PINGAN_USERNAME: username, PINGAN_PASSWORD: password } = process.env;
  if (!username || !password) throw new Usage('set PINGAN_TOKEN, or PINGAN_USERNAME and PINGAN_PASSWORD (a system administrator)');
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Refused(`login as ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function readSchedule(file: string): Promise<YearSchedule> {
  const text = await readFile(file, 'utf8');
  return file.toLowerCase().endsWith('.csv') ? parseYearScheduleCsv(text) : parseYearSchedule(JSON.parse(text));
}

async function call(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Refused(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

class Usage extends Error {}
class Refused extends Error {}

async function main(): Promise<number> {
  const [command, argument] = process.argv.slice(2);
  try {
    if (command === 'load' && argument) {
      const schedule = await readSchedule(argument);
      const days = schedule.holidays.length;
      const answer = (await call('PUT', `/calendar/${schedule.year}`, schedule)) as { version: number; changed: boolean };
      console.log(
        answer.changed
          ? `${schedule.year}: loaded from ${schedule.notice} (${days} holiday items), version ${answer.version}`
          : `${schedule.year}: already loaded exactly so (version ${answer.version}); nothing changed`,
      );
      return 0;
    }
    if (command === 'show' && argument) {
      const year = (await call('GET', `/calendar/${argument}`)) as {
        status: string;
        source: string;
        loads: Array<{ version: number; notice: string; loadedAt: string; loadedBy: { userId: string } }>;
        days: Array<{ date: string; kind: string; name: string | null; provisional: boolean }>;
      };
      console.log(`${argument}: ${year.status} (${year.source})`);
      for (const l of year.loads) console.log(`  version ${l.version}: ${l.notice}, loaded ${l.loadedAt} by ${l.loadedBy.userId}`);
      for (const d of year.days.filter((day) => day.kind !== 'working_day' && day.kind !== 'weekend')) {
        console.log(`  ${d.date} ${d.kind.padEnd(19)} ${d.name ?? ''}`);
      }
      return 0;
    }
    throw new Usage('usage: npm run calendar -- load <file.json|file.csv> | show <year>');
  } catch (error) {
    if (error instanceof CalendarError) {
      console.error(`${error.code}: ${error.message}`);
      return 1;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return error instanceof Usage ? 2 : 1;
  }
}

process.exitCode = await main();
