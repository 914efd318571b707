// The custom elements manifest drives Storybook controls, docs and editor hints; JSDoc is its source.

/** Editors and docs should see the public API only: drop private, protected and static members. */
const publicApiOnly = {
  name: 'public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
        );
      }
    }
  },
};

export default {
  globs: ['src/**/news-*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: process.env.BUILD_DIR ?? 'dist',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [publicApiOnly],
};
