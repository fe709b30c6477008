import type { PostgresEventStore, StoredEvent } from '@pingan/event-store';
import { actorOf, type Principal } from './principal.js';

export const SENSITIVE_RECORD_READ = 'SensitiveRecordRead';
export const READ_AUDIT_STREAM_TYPE = 'read-audit';

/** One read of a sensitive record, as recorded in the audit stream of the organisation it belongs to. */
export interface SensitiveRecordRead extends Record<string, unknown> {
  recordType: string; // e.g. 'high-risk-person', 'user-personal-data'
  recordId: string;
  ownerOrganisationId: string;
  readerUserId: string;
  readerUsername: string;
  readerOrganisationId: string;
  readerOrganisationKind: string;
  readerRoles: string[];
  purpose: string | null;
  readAt: string; // ISO 8601 UTC
}

export interface RecordReadInput {
  principal: Principal;
  recordType: string;
  recordId: string;
  /** Organisations whose record it is; each gets the read in its own audit stream. */
  ownerOrganisationIds: readonly string[];
  /** Why, e.g. from the `x-access-purpose` header (`accessPurposeOf`). */
  purpose?: string;
  correlationId: string;
}

export interface ListedRead extends SensitiveRecordRead {
  eventId: string;
}

/** The audit stream of one organisation's sensitive records. */
export const readAuditStreamId = (organisationId: string): string => `read-audit-${organisationId}`;

/**
 * Records reads of sensitive records (high-risk persons, personal data of parties) as
 * `SensitiveRecordRead` events in the CALLING service's own store and schema: each service
 * audits the reads it serves, nobody writes across services. Call `record` BEFORE returning
 * the data and let its failure fail the read: a read that could not be audited is not served.
 */
export class ReadAudit {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(input: RecordReadInput): Promise<void> {
    const readAt = this.clock().toISOString();
    const owners = [...new Set(input.ownerOrganisationIds)];
    for (const owner of owners) {
      const data: SensitiveRecordRead = {
        recordType: input.recordType,
        recordId: input.recordId,
        ownerOrganisationId: owner,
        readerUserId: input.principal.userId,
        readerUsername: input.principal.username,
        readerOrganisationId: input.principal.organisationId,
        readerOrganisationKind: input.principal.organisationKind,
        readerRoles: [...input.principal.roles],
        purpose: input.purpose ?? null,
        readAt,
      };
      // 'any': reads only ever append, so there is no state to be stale about.
      await this.store.append(readAuditStreamId(owner), [{ type: SENSITIVE_RECORD_READ, data, occurredAt: new Date(readAt) }], {
        streamType: READ_AUDIT_STREAM_TYPE,
        expectedVersion: 'any',
        actor: actorOf(input.principal),
        correlationId: input.correlationId,
      });
    }
  }

  /** Who read this organisation's records, newest first. */
  async listReads(organisationId: string, options: ListReadsOptions = {}): Promise<ReadsPage> {
    const events = await this.store.readStream(readAuditStreamId(organisationId));
    return listedReads(events, options);
  }
}

export interface ListReadsOptions {
  limit?: number;
  offset?: number;
  recordId?: string;
}

/** One page of reads, in the shape of every list: { items, total, limit, offset }. */
export interface ReadsPage {
  items: ListedRead[];
  total: number;
  limit: number;
  offset: number;
}

/** Pure: the reads in a stream's events, newest first, optionally of one record, `limit` from `offset`. */
export function listedReads(events: readonly StoredEvent[], options: ListReadsOptions = {}): ReadsPage {
  const limit = Math.max(1, Math.min(options.limit ?? 100, 1000));
  const offset = Math.max(0, options.offset ?? 0);
  const all = events
    .filter((event) => event.type === SENSITIVE_RECORD_READ)
    .map((event) => ({ eventId: event.eventId, ...(event.data as SensitiveRecordRead) }))
    .filter((read) => options.recordId === undefined || read.recordId === options.recordId)
    .reverse();
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
