import { createHmac, randomBytes } from 'node:crypto';
import type { SealedField } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { KeyDestroyedError, gcmOpen, gcmSeal, isSealed } from '@pingan/platform';
import { normaliseResidentId } from '../domain/resident-id.js';
import type { HighRiskKeys } from './high-risk-keys.js';

// Shared with other services that seal personal data (libs/platform crypto/sealing.ts).
export { KeyDestroyedError, isSealed };

const wrapAad = (personId: string): string => `pingan:high-risk:person-key:${personId}`;
const fieldAad = (personId: string): string => `pingan:high-risk:person:${personId}`;

/**
 * Per-person data keys (crypto-shredding). Each person has a random 256-bit key, stored only
 * wrapped by the master key in `<schema>.person_keys`, beside the keyed hash of their ID number
 * used for matching. Erasure deletes both: the events keep their ciphertext, which no key
 * opens any more, and the ID number no longer matches anything.
 *
 * The table is state, not history (like the gateway's credentials): it is not rebuilt from
 * events and must be backed up with them.
 */
export class PersonVault {
  constructor(
    private readonly keys: HighRiskKeys,
    private readonly schema: string,
  ) {}

  /** HMAC-SHA256 of the normalised ID number under the match key: the only form the number is kept in. */
  idHash(idNumber: string): string {
    return createHmac('sha256', this.keys.matchKey).update(normaliseResidentId(idNumber), 'utf8').digest('hex');
  }

  async personByIdHash(query: Query, idHash: string): Promise<string | null> {
    const rows = await query<{ person_id: string }>(`SELECT person_id FROM ${this.schema}.person_keys WHERE id_hash = $1`, [idHash]);
    return rows[0]?.person_id ?? null;
  }

  /** A fresh key for a new person, in the caller's transaction (rolled back with a refused command). */
  async createKey(query: Query, personId: string, idHash: string, at: Date): Promise<void> {
    const dataKey = randomBytes(32);
    const wrapped = gcmSeal(this.keys.masterKey, dataKey, wrapAad(personId));
    await query(
      `INSERT INTO ${this.schema}.person_keys (person_id, key_id, wrapped_key, master_key_id, id_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [personId, `pk-${personId}`, `${wrapped.iv}.${wrapped.data}.${wrapped.tag}`, this.keys.masterKeyId, idHash, at],
    );
  }

  /** Crypto-shredding: the wrapped key and the matching hash are gone for good. */
  async destroyKey(query: Query, personId: string, at: Date): Promise<void> {
    await query(`UPDATE ${this.schema}.person_keys SET wrapped_key = NULL, id_hash = NULL, destroyed_at = $2 WHERE person_id = $1`, [
      personId,
      at,
    ]);
  }

  private async dataKey(query: Query, personId: string): Promise<Buffer> {
    const rows = await query<{ wrapped_key: string | null }>(`SELECT wrapped_key FROM ${this.schema}.person_keys WHERE person_id = $1`, [
      personId,
    ]);
    const wrapped = rows[0]?.wrapped_key;
    if (!wrapped) throw new KeyDestroyedError();
    const [iv, data, tag] = wrapped.split('.');
    return gcmOpen(this.keys.masterKey, { iv, data, tag }, wrapAad(personId));
  }

  /** A sealer for one person: seal(value) → SealedField (JSON inside, the person id as additional data). */
  async sealerFor(query: Query, personId: string): Promise<(value: unknown) => SealedField> {
    const key = await this.dataKey(query, personId);
    return (value) => ({
      alg: 'A256GCM',
      keyId: `pk-${personId}`,
      ...gcmSeal(key, Buffer.from(JSON.stringify(value), 'utf8'), fieldAad(personId)),
    });
  }

  /** Replaces every SealedField inside `value` by what it holds. Throws KeyDestroyedError once erased. */
  async openAll<T>(query: Query, personId: string, value: T): Promise<unknown> {
    const key = await this.dataKey(query, personId);
    const walk = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(walk);
      if (node && typeof node === 'object') {
        if (isSealed(node)) return JSON.parse(gcmOpen(key, node, fieldAad(personId)).toString('utf8'));
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
      }
      return node;
    };
    return walk(value);
  }
}
