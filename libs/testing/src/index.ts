export * from './infra/api.js';
export * from './decider-spec.js';
