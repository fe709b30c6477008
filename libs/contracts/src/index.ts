export * from './envelope.js';
export * from './topics.js';
export * from './prosecution.js';
export * from './disputes.js';
export * from './incidents.js';
export * from './oversight.js';
export * from './high-risk-persons.js';
export * from './shanghai-time.js';
