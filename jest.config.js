/**
 * One Jest run for the whole repository: the rules beside their code (subgraphs/<name>/src/rules), and
 * the unit, in-process and end-to-end tests under test/ (real PostgreSQL).
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/subgraphs/*/src/**/*.test.ts'],
  // Sources import each other as './x.js' (Node ESM-style paths compiled to CommonJS); Jest reads the .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  // Three workers on CI's 2 cores: much of a test file's time is spent waiting (sockets, child
  // processes, PostgreSQL), so a third worker fills cores the other two leave idle (measured 340 s
  // against 364 s with two for the main run).
  maxWorkers: 3,
  // Longest files first, also on a clean clone (test/support/sequencer.js).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  testTimeout: 60_000,
  reporters: [
    'default',
    '<rootDir>/test/support/results-file-reporter.js',
    '<rootDir>/test/support/timings-reporter.js',
  ],
};
