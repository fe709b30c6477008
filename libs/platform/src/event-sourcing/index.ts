export * from './bus.module.js';
export * from './clocks.js';
export * from './event-sourcing.module.js';
export * from './service-runtime.js';
