import type { Request, Response } from 'express';
import { MAX_JSON_DEPTH, RequestError, RequestHygieneMiddleware } from './request-hygiene.js';

describe('RequestHygieneMiddleware', () => {
  const middleware = new RequestHygieneMiddleware();
  const run = (req: { url?: string; headers?: Record<string, string>; body?: unknown; query?: unknown }) => {
    let calls = 0;
    const next = () => void calls++;
    const request = { originalUrl: req.url ?? '/incidents', headers: req.headers ?? {}, body: req.body, query: req.query ?? {} };
    try {
      middleware.use(request as unknown as Request, {} as Response, next);
      return { passed: calls === 1 };
    } catch (error) {
      expect(error).toBeInstanceOf(RequestError);
      const { code, status, errors } = error as RequestError;
      return { passed: false, code, status, errors };
    }
  };
  const json = { 'content-type': 'application/json', 'content-length': '20' };

  it('lets a JSON body of ordinary text through, Chinese and emoji included', () => {
    expect(run({ headers: json, body: { note: '患者家属在急诊科聚集 🚑', victims: [{ name: '张三' }] } })).toEqual({ passed: true });
    expect(run({ body: {} })).toEqual({ passed: true }); // a command without a body needs no Content-Type
  });

  it('refuses a NUL or a lone surrogate anywhere in the body, naming the field', () => {
    expect(run({ headers: json, body: { victims: [{ name: 'a\u0000b' }] } })).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID_TEXT',
      errors: [{ field: 'victims.0.name', code: 'INVALID_TEXT' }],
    });
    expect(run({ headers: json, body: { note: 'x\uD800' } })).toMatchObject({ code: 'REQUEST.INVALID_TEXT', errors: [{ field: 'note' }] });
    expect(run({ headers: json, body: { ['\uDC00']: 1 } })).toMatchObject({ code: 'REQUEST.INVALID_TEXT' });
    expect(run({ headers: json, body: { note: '\uD83D\uDE91' } })).toEqual({ passed: true }); // a pair is a character
  });

  it('refuses a NUL in the path or the query', () => {
    expect(run({ url: '/incidents/%00/dispatch' })).toMatchObject({ status: 400, errors: [{ field: '(path)' }] });
    expect(run({ url: '/incidents/%E0%A4%A' })).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
    expect(run({ url: '/incidents?q=%00', query: { q: '\u0000' } })).toMatchObject({ errors: [{ field: 'query.q' }] });
  });

  it('refuses JSON nested deeper than the limit, without recursion', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(run({ headers: json, body: { deep } })).toMatchObject({ status: 400, code: 'REQUEST.TOO_DEEP' });
    let fine: unknown = {};
    for (let i = 1; i < MAX_JSON_DEPTH; i++) fine = { a: fine };
    expect(run({ headers: json, body: fine })).toEqual({ passed: true });
  });

  it('answers a body without or with another Content-Type than JSON with 415', () => {
    expect(run({ headers: { 'content-length': '5' } })).toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    expect(run({ headers: { 'content-length': '5', 'content-type': 'text/plain' } })).toMatchObject({
      status: 415,
      errors: [{ field: '(content-type)' }],
    });
    expect(run({ headers: { 'transfer-encoding': 'chunked', 'content-type': 'application/x-www-form-urlencoded' } })).toMatchObject({
      status: 415,
    });
    expect(run({ headers: { 'content-length': '2', 'content-type': 'application/json; charset=utf-8' }, body: {} })).toEqual({
      passed: true,
    });
  });

  it('refuses a list (or anything but one object) where the body belongs, on every route', () => {
    for (const body of [[], [{ note: 'x' }], null, 'text', 42]) {
      expect(run({ url: '/access/users', headers: json, body })).toMatchObject({
        status: 400,
        code: 'REQUEST.NOT_AN_OBJECT',
        errors: [{ field: '(body)', code: 'NOT_AN_OBJECT' }],
      });
    }
    expect(run({ headers: json, body: { items: [1, 2] } })).toEqual({ passed: true });
  });
});
