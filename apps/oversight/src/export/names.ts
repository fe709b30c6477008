import { Injectable } from '@nestjs/common';
import { DIRECTORY_TABLE } from '@pingan/access';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { S } from '../read-models/schema.js';

/** Organisation id → name; an id the directory does not (yet) know shows as itself. */
export type OrganisationNames = (organisationId: string | null | undefined) => string;

/**
 * Names for exports and printed pages, from oversight's copy of the access directory (the
 * gateway's organisation events): officials read 重庆市万州区人民医院, not a UUID.
 */
@Injectable()
export class OversightNames {
  constructor(@InjectRuntime('oversight') private readonly runtime: ServiceRuntime) {}

  async organisations(ids: Iterable<string | null | undefined>): Promise<OrganisationNames> {
    const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
    const rows = wanted.length
      ? await this.runtime.db.query<{ organisation_id: string; name: string }>(
          `SELECT organisation_id, name FROM ${S}.${DIRECTORY_TABLE} WHERE organisation_id = ANY($1)`,
          [wanted],
        )
      : [];
    const names = new Map(rows.map((r) => [r.organisation_id, r.name]));
    return (id) => (id ? (names.get(id) ?? id) : '—');
  }
}
