// Runs every project's jest config (`npx jest` at the root).
module.exports = { projects: ['<rootDir>/libs/*/jest.config.cjs', '<rootDir>/apps/*/jest.config.cjs'] };
