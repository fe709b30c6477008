export * from './deadline-rules.js';
export * from './incident.classification.js';
export type * from './incident.commands.js';
export * from './incident.decider.js';
export * from './incident.errors.js';
export * from './incident.events.js';
export * from './incident.state.js';
export * from './incident.summary.js';
export * from './incident.clocks.js';
