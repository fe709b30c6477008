/**
 * The malformed requests no endpoint may answer with a 5xx, each with the status and code it must
 * get instead. The same list runs against the embedded app and through the gateway.
 */
export interface BadRequest {
  name: string;
  /** The path to send to, from the endpoint's real path. */
  path?: (path: string) => string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  status: number;
  code: string;
}

const json = { 'content-type': 'application/json' };
// Inside an object: a list at the top is refused before its depth is looked at (REQUEST.NOT_AN_OBJECT).
const deepArray = '{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
const deepObject = '{"a":'.repeat(2_000) + '{}' + '}'.repeat(2_000);

/** A NUL at the first path parameter (or at the end of a path without one). */
const nulInPath = (path: string): string => {
  const segments = path.split('/');
  const index = segments.findIndex((segment, i) => i > 1 && /^[A-Za-z0-9-]{8,}$/.test(segment));
  if (index < 0) return `${path}%00`;
  segments[index] = `${segments[index]}%00`;
  return segments.join('/');
};

export const BAD_REQUESTS: BadRequest[] = [
  { name: 'a NUL in a string', headers: json, body: '{"note":"a\\u0000b","reason":"\\u0000"}', status: 400, code: 'REQUEST.INVALID_TEXT' },
  { name: 'a NUL in a key', headers: json, body: '{"a\\u0000":"x"}', status: 400, code: 'REQUEST.INVALID_TEXT' },
  { name: 'a lone high surrogate', headers: json, body: '{"note":"x\\ud800"}', status: 400, code: 'REQUEST.INVALID_TEXT' },
  { name: 'a lone low surrogate', headers: json, body: '{"reason":"\\udc00y"}', status: 400, code: 'REQUEST.INVALID_TEXT' },
  { name: 'a NUL in the path', path: nulInPath, headers: json, body: '{}', status: 400, code: 'REQUEST.INVALID_TEXT' },
  {
    name: 'a bad percent-encoding in the path',
    path: (p) => `${p}%E0%A4%A`,
    headers: json,
    body: '{}',
    status: 400,
    code: 'REQUEST.MALFORMED',
  },
  { name: 'a NUL in the query', path: (p) => `${p}?q=%00`, headers: json, body: '{}', status: 400, code: 'REQUEST.INVALID_TEXT' },
  { name: 'arrays 10,000 deep', headers: json, body: deepArray, status: 400, code: 'REQUEST.TOO_DEEP' },
  { name: 'a list instead of an object', headers: json, body: '[{"note":"x"}]', status: 400, code: 'REQUEST.NOT_AN_OBJECT' },
  { name: 'objects 2,000 deep', headers: json, body: deepObject, status: 400, code: 'REQUEST.TOO_DEEP' },
  {
    name: 'no Content-Type',
    headers: {},
    body: new TextEncoder().encode('{"note":"x"}'),
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'text/plain',
    headers: { 'content-type': 'text/plain' },
    body: '{"note":"x"}',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a form',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'note=x&reason=y',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'JSON in Latin-1',
    headers: { 'content-type': 'application/json; charset=latin1' },
    body: '{"note":"x"}',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  },
  { name: 'not JSON', headers: json, body: '{"note": x', status: 400, code: 'REQUEST.MALFORMED' },
  { name: 'a JSON string', headers: json, body: '"just text"', status: 400, code: 'REQUEST.MALFORMED' },
  {
    name: 'a body of 300 KiB',
    headers: json,
    body: JSON.stringify({ note: 'x'.repeat(300 * 1024) }),
    status: 413,
    code: 'REQUEST.TOO_LARGE',
  },
];
