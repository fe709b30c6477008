export * from './bus.module.js';
export * from './event-sourcing.module.js';
export * from './service-runtime.js';
export { RunningClockDto, runningClocks } from './running-clocks.js';
