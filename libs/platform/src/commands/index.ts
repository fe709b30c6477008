export * from './command.js';
export * from './decide-command.js';
