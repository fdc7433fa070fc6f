module.exports = {
  displayName: 'worker',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/../../libs/data/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/data/src/testing/global-teardown.ts',
  testTimeout: 60000,
};
