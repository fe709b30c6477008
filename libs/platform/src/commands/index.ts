export * from './command.js';
export * from './decide-command.js';
export * from './occurred-at.js';
export * from './stated-instant.dto.js';
