// The custom elements manifest drives Storybook controls, docs and editor hints; JSDoc is its source.
export default {
  globs: ['src/**/news-*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
