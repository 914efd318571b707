// Browser tests run in Debian's Chromium and Firefox ESR (no downloaded browsers).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { testApiPlugin } from './test/support/test-api-plugin.mjs';
import { browserPaths } from './scripts/browsers.mjs';

const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
const paths = browserPaths();

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: paths.chromium,
        headless: true,
        // Test files run in parallel pages; background pages must not have rAF, timers or
        // IntersectionObserver throttled.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-dev-shm-usage',
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: paths.firefox, headless: true },
      concurrency: 1,
    }),
  );
}

/** Serves the repo a second time under /second-copy/, so a page can load two copies of the bundle. */
function secondCopy(context, next) {
  if (context.url.startsWith('/second-copy/')) context.url = context.url.slice('/second-copy'.length);
  return next();
}

export default {
  files: process.env.TEST_FILES ?? 'test/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  browsers,
  // One test page at a time: a page in a background tab gets no animation frames.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60000,
  middleware: [secondCopy],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), testApiPlugin()],
};
