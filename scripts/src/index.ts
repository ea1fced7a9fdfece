/** What other packages (the tests) import from @tdkt/scripts. */
export * from './compose.js';
export * from './backup.js';
