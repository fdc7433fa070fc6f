// Shared jest settings for every project: Nx's resolver maps the @anchored/* path aliases.
const { nxPreset } = require('@nx/jest/preset');

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    // isolatedModules: transpile only; type errors are caught by the typecheck target.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
