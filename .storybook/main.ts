import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type Plugin } from 'vite';

const sourceDir = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * The package's `sideEffects` describes the built `dist/` files, so the bundler takes every
 * `src/` module for side-effect free and drops a story's `import '../src/x/news-x.ts'`: the tag
 * is never defined and the story shows bare light-DOM text. Element modules register themselves
 * and core modules set page defaults when imported, so source modules keep their side effects here.
 */
function sourceKeepsSideEffects(): Plugin {
  return {
    name: 'news-elements:source-side-effects',
    transform(_code, id) {
      return id.startsWith(sourceDir) ? { moduleSideEffects: true } : null;
    },
  };
}

/**
 * Storybook for designers: one stories file per element under `stories/`, docs pages generated
 * from the custom elements manifest (run `npm run analyze` first, see `preview.ts`).
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // Story images live beside the stories; a path of our own keeps them clear of Storybook's `assets/`.
  staticDirs: [{ from: '../stories/assets', to: '/news-assets' }],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [sourceKeepsSideEffects()],
      // The renderer imports `lit/directive-helpers.js`; unless it is pre-bundled with `lit`, the dev
      // server serves it raw and the preview loads a second lit-html ("Multiple versions of Lit").
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
    }),
};

export default config;
