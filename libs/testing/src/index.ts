export * from './infra/api.js';
