import { formatCaseNumber, shanghaiDateOf } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';

/**
 * Case numbers: region + Asia/Shanghai date + a sequence per region and date, e.g.
 * '500101-20261122-0007'. The counter is one row per (region, date) in the incidents schema,
 * bumped by a single INSERT … ON CONFLICT DO UPDATE … RETURNING: two reporters at the same moment
 * get different numbers without a lock of our own. Run it in the transaction that appends the
 * report, so a rejected report gives its number back (no gaps from failed intakes). The table
 * comes from the service's migrations (migrations/).
 */
export class CaseNumbers {
  constructor(private readonly schema: string) {}

  async allocate(query: Query, regionCode: string, at: Date): Promise<string> {
    const shanghaiDate = shanghaiDateOf(at);
    const [row] = await query<{ last_sequence: number }>(
      `INSERT INTO ${this.schema}.case_number_sequences AS s (region_code, shanghai_date, last_sequence)
       VALUES ($1, $2, 1)
       ON CONFLICT (region_code, shanghai_date) DO UPDATE SET last_sequence = s.last_sequence + 1
       RETURNING last_sequence`,
      [regionCode, shanghaiDate],
    );
    return formatCaseNumber(regionCode, shanghaiDate, Number(row.last_sequence));
  }
}
