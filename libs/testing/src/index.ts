export * from './infra/api.js';
export * from './decider-spec.js';
export * from './fixtures/authorisation-matrix.js';
export * from './fixtures/databases.js';
export * from './fixtures/deadline-rules.js';
export * from './fixtures/envelopes.js';
export * from './fixtures/principals.js';
export * from './fixtures/directory.js';
