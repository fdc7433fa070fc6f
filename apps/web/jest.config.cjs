// Unit tests of the web app's pure logic (formatting, chart series, error wording): no DOM needed.
module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx', isolatedModules: true, esModuleInterop: true } }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // The pure libraries the app shares with the API and the worker (see tsconfig.app.json paths).
  moduleNameMapper: {
    '^@anchored/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@anchored/curriculum$': '<rootDir>/../../libs/curriculum/src/index.ts',
  },
};
