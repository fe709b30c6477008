import fc from 'fast-check';
import { BAD_REQUESTS } from './bad-requests.js';
import { bodyArbitrary, writeOperations, type OpenApiDocument, type WriteOperation } from './openapi-arbitraries.js';

export interface FuzzTarget {
  baseUrl: string;
  /** A token of a user who may call the operation (its x-roles), or of anybody for the others. */
  tokenFor(operation: WriteOperation): string | undefined;
  /** A real value for a path parameter, so that requests reach the records and their deciders. */
  parameter(path: string, name: string): string;
  /** Ids and numbers of real records, mixed into generated strings. */
  known: string[];
}

export interface FuzzReport {
  requests: number;
  operations: number;
  /** Every answer that broke a rule: a 5xx, a 4xx that is not problem+json naming what to change, a wrong status. */
  failures: string[];
  byStatus: Record<number, number>;
}

interface Answer {
  status: number;
  contentType: string;
  body: { code?: string; errors?: { code?: string; message?: string }[] } | undefined;
}

async function send(url: string, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined): Promise<Answer> {
  const res = await fetch(url, { method: method.toUpperCase(), headers, body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: parsed };
}

/**
 * Sends every write operation of the document the malformed requests of BAD_REQUESTS (each must
 * get its own 4xx) and `generated` bodies from fast-check shaped by the operation's request schema
 * (any status but a 5xx). Every 4xx must be problem+json whose `errors` says what to change.
 */
export async function fuzzWrites(document: OpenApiDocument, target: FuzzTarget, generated: number): Promise<FuzzReport> {
  const report: FuzzReport = { requests: 0, operations: 0, failures: [], byStatus: {} };
  const check = (what: string, answer: Answer, expected?: { status: number; code: string }) => {
    report.requests++;
    report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
    const problems: string[] = [];
    if (answer.status >= 500) problems.push('a 5xx');
    if (expected && (answer.status !== expected.status || answer.body?.code !== expected.code)) {
      problems.push(`expected ${expected.status} ${expected.code}`);
    }
    if (answer.status >= 400 && answer.status < 500) {
      if (!answer.contentType.startsWith('application/problem+json')) problems.push('not problem+json');
      const errors = answer.body?.errors;
      if (!errors?.length || !errors.every((e) => e.code && e.message)) problems.push('no errors[] naming what to change');
    }
    if (problems.length > 0)
      report.failures.push(`${what}: ${problems.join(', ')} — got ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`);
    return problems.length === 0;
  };

  for (const write of writeOperations(document)) {
    report.operations++;
    const path = write.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(target.parameter(write.path, name)));
    const token = target.tokenFor(write);
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const label = `${write.method.toUpperCase()} ${write.path}`;

    for (const bad of BAD_REQUESTS) {
      const url = `${target.baseUrl}${bad.path ? bad.path(path) : path}`;
      check(`${label} with ${bad.name}`, await send(url, write.method, { ...auth, ...bad.headers }, bad.body), bad);
    }
    await fc
      .assert(
        fc.asyncProperty(bodyArbitrary(document, write.bodySchema, target.known), async (body) => {
          const answer = await send(
            `${target.baseUrl}${path}`,
            write.method,
            { ...auth, 'content-type': 'application/json' },
            JSON.stringify(body),
          );
          check(`${label} with ${JSON.stringify(body).slice(0, 200)}`, answer);
          return answer.status < 500;
        }),
        { numRuns: generated, endOnFailure: true },
      )
      .catch(() => undefined); // recorded in failures, with the body; shrinking a stateful API says little
  }
  return report;
}
