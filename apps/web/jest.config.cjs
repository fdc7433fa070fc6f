// Unit tests of the web app's pure logic (formatting, chart series, error wording): no DOM needed.
module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx', isolatedModules: true, esModuleInterop: true } }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
