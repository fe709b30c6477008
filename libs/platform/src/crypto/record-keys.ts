import { randomBytes } from 'node:crypto';
import type { SealedField } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { KeyDestroyedError, openValue, sealValue, unwrapKey, wrapKey } from './sealing.js';

/** A service's master key (outside the database) and its fingerprint. */
export interface MasterKey {
  key: Buffer;
  keyId: string;
}

/**
 * Per-record data keys in `table` (record_id, key_id, wrapped_key, master_key_id, created_at,
 * destroyed_at): each record's random 256-bit key, stored only wrapped by the master key.
 * Destroying it (wrapped_key NULL) is the erasure. The table is state, not history: it is not
 * rebuilt from events and must be backed up with them.
 */
export class RecordKeys {
  constructor(
    private readonly master: MasterKey,
    private readonly table: string,
    /** Names the record kind in the additional data ('pingan:incidents:caller'), so a box is bound to its record. */
    private readonly purpose: string,
  ) {}

  keyIdOf = (recordId: string): string => `${this.purpose}:${recordId}`;
  private wrapAad = (recordId: string): string => `${this.purpose}:key:${recordId}`;

  /** A fresh key for a new record, in the caller's transaction (rolled back with a refused command). */
  async createKey(query: Query, recordId: string, at: Date): Promise<void> {
    await query(
      `INSERT INTO ${this.table} (record_id, key_id, wrapped_key, master_key_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [recordId, this.keyIdOf(recordId), wrapKey(this.master.key, randomBytes(32), this.wrapAad(recordId)), this.master.keyId, at],
    );
  }

  /** Crypto-shredding: the wrapped key is gone for good. Returns whether there was a key to destroy. */
  async destroyKey(query: Query, recordId: string, at: Date): Promise<boolean> {
    const rows = await query<{ record_id: string }>(
      `UPDATE ${this.table} SET wrapped_key = NULL, destroyed_at = $2 WHERE record_id = $1 AND wrapped_key IS NOT NULL RETURNING record_id`,
      [recordId, at],
    );
    return rows.length > 0;
  }

  private async dataKey(query: Query, recordId: string): Promise<Buffer> {
    const rows = await query<{ wrapped_key: string | null }>(`SELECT wrapped_key FROM ${this.table} WHERE record_id = $1`, [recordId]);
    const wrapped = rows[0]?.wrapped_key;
    if (!wrapped) throw new KeyDestroyedError();
    return unwrapKey(this.master.key, wrapped, this.wrapAad(recordId));
  }

  async seal(query: Query, recordId: string, value: unknown): Promise<SealedField> {
    return sealValue(await this.dataKey(query, recordId), this.keyIdOf(recordId), value, `${this.purpose}:${recordId}`);
  }

  /** What `sealed` holds. Throws KeyDestroyedError once the record's key is destroyed. */
  async open(query: Query, recordId: string, sealed: SealedField): Promise<unknown> {
    return openValue(await this.dataKey(query, recordId), sealed, `${this.purpose}:${recordId}`);
  }
}
