module.exports = {
  displayName: 'curriculum',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
