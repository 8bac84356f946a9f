// Browser tests over the built stack: one server for the whole run (global setup), one browser per file.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: '<rootDir>/support/environment.cjs',
  setupFilesAfterEnv: ['<rootDir>/support/failure-report.ts'],
  testMatch: ['<rootDir>/tests/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // Real browser + real server: generous, but a hung step still fails instead of blocking CI.
  testTimeout: 120_000,
  maxWorkers: 1,
};
