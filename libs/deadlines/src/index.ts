export * from './deadline.js';
export * from './deadline-store.js';
export * from './deadline-sweeper.js';
export * from './due-date.js';
export * from './errors.js';
export * from './events.js';
export { deadlineMigrations } from './migrations/index.js';
export * from './rules.js';
export * from './clock-steps.js';
