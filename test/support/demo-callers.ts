import type { GatewayClient } from './http-client.js';

export interface DemoCaller {
  username: string;
  token: string;
  roles: string[];
  organisationId: string;
}

/** Logs every demo user in and says who they are (from /auth/me, not from the demo's source). */
export async function demoCallers(client: GatewayClient, usernames: Iterable<string>): Promise<DemoCaller[]> {
  const callers: DemoCaller[] = [];
  for (const username of usernames) {
    const token = await client.login(username);
    const me = await client.call('GET', '/auth/me', token);
    const { roles, organisationId } = me.body as { roles: string[]; organisationId: string };
    callers.push({ username, token, roles, organisationId });
  }
  return callers;
}

/** The first caller holding one of the roles (any caller when the operation names none). */
export const callerFor = (callers: DemoCaller[], roles: string[] | undefined): DemoCaller | undefined =>
  roles?.length ? callers.find((c) => c.roles.some((role) => roles.includes(role))) : callers.find((c) => c.username !== 'admin');
