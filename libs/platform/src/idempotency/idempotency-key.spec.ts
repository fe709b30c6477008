import { canonicalJson, IdempotencyError, parseIdempotencyKey, requestFingerprint } from './idempotency-key.js';

const rejection = (header: string | string[]) => {
  try {
    parseIdempotencyKey(header);
  } catch (error) {
    return error as IdempotencyError;
  }
  throw new Error(`${JSON.stringify(header)} was accepted`);
};

describe('Idempotency-Key validation', () => {
  it('takes a bare key and a structured-field string alike', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"say \\"hi\\" \\\\ bye"')).toBe('say "hi" \\ bye');
    expect(parseIdempotencyKey(['k-1'])).toBe('k-1');
  });

  it('means no key when the header is absent', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('accepts 1 and 255 characters, refuses 0 and 256 with a 400 naming the header', () => {
    expect(parseIdempotencyKey('x')).toBe('x');
    expect(parseIdempotencyKey('x'.repeat(255))).toHaveLength(255);
    for (const header of ['', '   ', '""', 'x'.repeat(256), `"${'x'.repeat(256)}"`]) {
      const error = rejection(header);
      expect(error).toBeInstanceOf(IdempotencyError);
      expect(error).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_INVALID', status: 400 });
      expect(error.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    }
  });

  it('refuses characters that are not printable ASCII, a bad escape and a repeated header', () => {
    for (const header of ['key\u0001', 'ключ', '案件-1', 'tab\there', '"bad \\n escape"', '"ends in \\"', ['a', 'b']]) {
      expect(rejection(header)).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_INVALID' });
    }
  });
});

describe('request fingerprint', () => {
  it('is the same for the same body with its fields in another order', () => {
    expect(requestFingerprint({}, { a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
      requestFingerprint({}, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
    );
    expect(canonicalJson({ b: 1, a: undefined, c: null })).toBe('{"b":1,"c":null}');
  });

  it('differs when a value, the query or the body type differs', () => {
    const base = requestFingerprint({}, { injured: 1 });
    expect(requestFingerprint({}, { injured: 2 })).not.toBe(base);
    expect(requestFingerprint({ dryRun: 'true' }, { injured: 1 })).not.toBe(base);
    expect(requestFingerprint({}, [{ injured: 1 }])).not.toBe(base);
    expect(requestFingerprint({}, { injured: '1' })).not.toBe(base);
  });
});
