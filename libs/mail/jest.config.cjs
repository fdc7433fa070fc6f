module.exports = {
  displayName: 'mail',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
