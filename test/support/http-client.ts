import { randomUUID } from 'node:crypto';

export interface Reply {
  status: number;
  body: unknown;
  text: string;
}

/**
 * The demo logins as the gateway prints them once at the first seeding
 * ("  username  password  roles @ organisation"; see formatDemoLogins).
 */
export function parseDemoLogins(output: string): Map<string, string> {
  const passwords = new Map<string, string>();
  for (const line of output.split('\n')) {
    const match = /^\s{2}(\S+)\s+(\S{5}-\S{5}-\S{5})\s/.exec(line);
    if (match) passwords.set(match[1], match[2]);
  }
  return passwords;
}

/** A small HTTP client for the gateway (or the standalone app): JSON in, JSON out, a token per user. */
export class GatewayClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly passwords: Map<string, string>,
    /** A request that hangs fails after this long, naming itself, instead of running into Jest's timeout. */
    private readonly requestTimeoutMs = 20_000,
  ) {}

  async login(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const password = this.passwords.get(username);
    if (password === undefined)
      throw new Error(`no demo password captured for ${username} (known: ${[...this.passwords.keys()].join(', ')})`);
    const res = await this.call('POST', '/auth/login', null, { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
    const token = (res.body as { accessToken: string }).accessToken;
    this.tokens.set(username, token);
    return token;
  }

  async as(username: string, method: string, path: string, body?: unknown): Promise<Reply> {
    return this.call(method, path, await this.login(username), body);
  }

  async call(method: string, path: string, token: string | null, body?: unknown): Promise<Reply> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        // Reads of personal data are audited with a purpose.
        'x-access-purpose': 'e2e',
        // Each command is one action with a key of its own, as the console sends it (docs/api.md).
        ...(token && method !== 'GET' && method !== 'HEAD' ? { 'idempotency-key': randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed, text };
  }
}
