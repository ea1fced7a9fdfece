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
  maxWorkers: 2,
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/results-file-reporter.js'],
};
