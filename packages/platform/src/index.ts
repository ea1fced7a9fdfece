export * from './manifest.js';
export * from './errors.js';
export * from './log.js';
export * from './http-metrics.js';
export * from './request-id.js';
export * from './shutdown.js';
export * from './supervise.js';
export * from './ports.js';
