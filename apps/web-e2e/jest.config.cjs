// End-to-end: the built web app and API (production mode) against real Postgres and Redis,
// driven in Debian's Chromium by playwright-core. Screenshots go to test-results/screenshots/.
module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/../../libs/data/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/data/src/testing/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 120000,
};
