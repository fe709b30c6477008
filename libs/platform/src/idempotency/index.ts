export {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyError,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  canonicalJson,
  parseIdempotencyKey,
  requestFingerprint,
} from './idempotency-key.js';
export {
  IDEMPOTENCY_IN_FLIGHT_LEASE_MS,
  IDEMPOTENCY_KEY_TTL_MS,
  IDEMPOTENCY_SCHEMA,
  IdempotencyStore,
  idempotencyMigrations,
  type Claim,
  type IdempotencyScope,
  type StoredAnswer,
} from './idempotency-store.js';
export { IdempotencyInterceptor } from './idempotency.interceptor.js';
