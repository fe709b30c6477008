import { EventSource } from 'eventsource';
import type { GatewayClient } from './http-client.js';

type Frame = { caseNumber: string | null; title: string };

/**
 * Both modes: three demo users open the live stream (a ticket, then EventSource, as the console
 * does); the central hospital's security officer raises a one-key alarm through the incidents
 * API. Its security office and its police office see it on their streams; the second hospital's
 * security officer sees nothing.
 */
export async function alarmReachesItsHospitalOnly(client: GatewayClient, baseUrl: string, timeoutMs = 30_000) {
  const streams = await Promise.all(
    ['wz.security', 'wz.second.security', 'wz.police.office'].map(async (username) => {
      const ticket = await client.as(username, 'POST', '/notifications/stream-tickets');
      if (ticket.status !== 201) throw new Error(`a stream ticket for ${username}: ${ticket.status} ${JSON.stringify(ticket.body)}`);
      const { url } = ticket.body as { url: string };
      const frames: Frame[] = [];
      const source = new EventSource(`${baseUrl}${url}`);
      source.addEventListener('notification', (e) => frames.push(JSON.parse(e.data) as Frame));
      await new Promise<void>((resolve, reject) => {
        source.addEventListener('ready', () => resolve());
        source.onerror = () => reject(new Error(`the stream of ${username} did not open`));
      });
      return { username, frames, source };
    }),
  );
  try {
    const me = (await client.as('wz.security', 'GET', '/auth/me')).body as { organisationId: string; organisationRegion: string };
    const reported = await client.as('wz.security', 'POST', '/incidents', {
      hospital: { hospitalId: me.organisationId },
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      intake: { channel: 'one_key_alarm', location: '急诊科', deviceId: null },
    });
    if (reported.status !== 201) throw new Error(`reporting the alarm: ${reported.status} ${JSON.stringify(reported.body)}`);
    const { caseNumber } = reported.body as { caseNumber: string };
    const [security, second, office] = streams;
    const deadline = Date.now() + timeoutMs;
    const seen = (frames: Frame[]) => frames.some((f) => f.caseNumber === caseNumber);
    while (!(seen(security.frames) && seen(office.frames)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return { caseNumber, security: security.frames, second: second.frames, office: office.frames };
  } finally {
    for (const s of streams) s.source.close();
  }
}
