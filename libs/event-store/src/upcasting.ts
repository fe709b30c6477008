/**
 * Turns a stored event of an old schema version into the next version's shape, on read.
 * Stored events are never edited; upcasters chain (v1 → v2 → v3) until none applies.
 */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

export function upcast(
  upcasters: readonly Upcaster[],
  type: string,
  schemaVersion: number,
  data: Record<string, unknown>,
): { schemaVersion: number; data: Record<string, unknown> } {
  let current = { schemaVersion, data };
  for (;;) {
    const next = upcasters.find((u) => u.type === type && u.fromSchemaVersion === current.schemaVersion);
    if (!next) return current;
    current = { schemaVersion: current.schemaVersion + 1, data: next.upcast(current.data) };
  }
}
