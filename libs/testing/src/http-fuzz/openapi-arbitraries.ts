import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzz test reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}
export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema; examples?: Record<string, { value: unknown }> }> };
  responses?: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>;
  'x-roles'?: string[];
  'x-public'?: boolean;
}
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
}

export interface WriteOperation {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operation: OpenApiOperation;
  bodySchema?: OpenApiSchema;
}

/** Every operation that changes something, from the document the app serves (not a hand list). */
export function writeOperations(document: OpenApiDocument): WriteOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['post', 'put', 'patch', 'delete'] as const)
      .filter((method) => item[method])
      .map((method) => ({
        method,
        path,
        operation: item[method],
        bodySchema: item[method].requestBody?.content?.['application/json']?.schema,
      })),
  );
}

/** Strings a handler may choke on: instants at and past the edges, odd numbers as text, scripts, very long text. */
const TRICKY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'NaN',
  '1970-01-01T00:00:00.000Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T10:00:00Z',
  '2026-13-45T25:61:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-11-22',
  '2026-11',
  '500101',
  '00000000-0000-0000-0000-000000000000',
  '../../etc/passwd',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '患者家属在急诊科聚集 🚑',
  '\u202e\u200b\ufeff',
  'x'.repeat(5_000),
];

const instant = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const recentInstant = fc.integer({ min: -30 * 86_400_000, max: 600_000 }).map((offset) => new Date(Date.now() + offset).toISOString());

/**
 * Bodies shaped by a request schema but not bound by its rules: the right fields with values of
 * any kind (often valid, often not: wrong types, edge instants, unknown ids, huge numbers, extra
 * fields, missing ones), so that requests reach the validation, the deciders and the stores.
 */
export function bodyArbitrary(document: OpenApiDocument, schema: OpenApiSchema | undefined, known: string[]): fc.Arbitrary<unknown> {
  const strings = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
    { weight: 2, arbitrary: instant },
    { weight: 2, arbitrary: recentInstant },
    { weight: 1, arbitrary: fc.uuid() },
    ...(known.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }] : []),
  );
  const numbers = fc.oneof(
    fc.integer(),
    fc.integer({ min: -5, max: 100 }),
    fc.double({ noNaN: true }),
    fc.constantFrom(0, -1, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5),
  );
  const resolve = (s: OpenApiSchema): OpenApiSchema => {
    if (!s.$ref) return s;
    const name = s.$ref.replace('#/components/schemas/', '');
    return document.components?.schemas?.[name] ?? {};
  };
  const of = (raw: OpenApiSchema, depth: number): fc.Arbitrary<unknown> => {
    const s = resolve(raw);
    const variants = s.oneOf ?? s.anyOf;
    const shaped = ((): fc.Arbitrary<unknown> => {
      if (variants?.length) return fc.oneof(...variants.map((v) => of(v, depth)));
      if (s.allOf?.length) return of(s.allOf[0], depth);
      if (s.enum?.length) return fc.constantFrom(...s.enum);
      if (s.type === 'string') return s.format === 'date-time' ? fc.oneof(recentInstant, instant, strings) : strings;
      if (s.type === 'integer' || s.type === 'number') return numbers;
      if (s.type === 'boolean') return fc.boolean();
      if (s.type === 'array') return depth > 4 ? fc.constant([]) : fc.array(of(s.items ?? {}, depth + 1), { maxLength: 3 });
      if (s.properties && depth <= 4) {
        const record = Object.fromEntries(Object.entries(s.properties).map(([key, value]) => [key, of(value, depth + 1)]));
        return fc.record(record, { requiredKeys: s.required?.filter((key) => key in record) ?? [] });
      }
      return fc.jsonValue({ maxDepth: 2 });
    })();
    // Mostly the documented kind; sometimes anything at all, or a text that looks like one.
    return fc.oneof(
      { weight: 8, arbitrary: shaped },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      { weight: 1, arbitrary: strings },
    );
  };
  if (!schema) return fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }));
  return fc.oneof(
    { weight: 9, arbitrary: of(schema, 0) },
    // an unknown field beside valid-looking ones
    {
      weight: 1,
      arbitrary: fc
        .tuple(of(schema, 0), fc.string({ minLength: 1, maxLength: 8 }))
        .map(([body, key]) => ({ ...(body as object), [key]: 1 })),
    },
  );
}
