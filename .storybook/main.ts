import type { StorybookConfig } from '@storybook/web-components-vite';

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
};

export default config;
