module.exports = {
  displayName: 'jobs',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts'],
  // The outbox test runs against the run's own test database (real Postgres, real migrations).
  globalSetup: '<rootDir>/../data/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../data/src/testing/global-teardown.ts',
  testTimeout: 30000,
};
