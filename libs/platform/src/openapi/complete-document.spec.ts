import type { OpenAPIObject } from '@nestjs/swagger';
import { completeDocument } from './complete-document.js';

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/incidents': {
      get: { responses: { 200: { description: 'ok' } } },
      post: { responses: { 201: { description: 'created' } } },
    },
    '/auth/login': { post: { 'x-public': true, responses: { 200: { description: 'ok' } } } as never },
  },
});

const headerNames = (operation: unknown) =>
  ((operation as { parameters?: { in: string; name: string }[] }).parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);

describe('the OpenAPI document, completed', () => {
  it('lists the Idempotency-Key header on every command of a caller, not on reads or public routes', () => {
    const paths = completeDocument(document()).paths;
    expect(headerNames(paths['/incidents'].post)).toEqual(['Idempotency-Key']);
    expect(headerNames(paths['/incidents'].get)).toEqual([]);
    expect(headerNames(paths['/auth/login'].post)).toEqual([]);
    expect(String((paths['/incidents'].post!.responses[422] as { description: string }).description)).toContain(
      'REQUEST.IDEMPOTENCY_KEY_REUSED',
    );
  });
});
