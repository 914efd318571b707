// Screenshots a page at phone and desktop widths, light and dark, for a human to look at.
//   node scripts/screenshot.mjs <url> [out-dir] [--rtl]
import puppeteer from 'puppeteer-core';
import { mkdirSync } from 'node:fs';
import { browserPaths } from './browsers.mjs';

const [url, out = 'test-results/screens'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rtl = process.argv.includes('--rtl');
// --slices: one viewport-high picture per screenful instead of one tall page.
const slices = process.argv.includes('--slices');
if (!url) {
  console.error('usage: node scripts/screenshot.mjs <url> [out-dir] [--rtl]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: browserPaths().chromium,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [name, width] of [
    ['phone', 375],
    ['desktop', 1280],
  ]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage();
      const problems = [];
      page.on('console', (m) => ['error', 'warn'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(url, { waitUntil: 'networkidle0' });
      if (rtl) await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
      // Bring lazy widgets in, then return to the top.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 60));
        }
        window.scrollTo(0, 0);
      });
      await new Promise((r) => setTimeout(r, 800));
      const file = `${out}/${name}-${scheme}.png`;
      if (slices) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        // Scrolled to, not clipped from one tall capture: the comments skip rendering entries off
        // screen (content-visibility: auto), so a capture beyond the viewport shows them blank.
        for (let y = 0, i = 0; y < height; y += 900, i++) {
          await page.evaluate((top) => scrollTo(0, top), y);
          await new Promise((resolve) => setTimeout(resolve, 300));
          await page.screenshot({ path: file.replace('.png', `-${i}.png`) });
        }
      } else {
        await page.screenshot({ path: file, fullPage: true });
      }
      console.log(file, problems.length ? `\n  ${problems.join('\n  ')}` : '');
      await page.close();
    }
  }
} finally {
  await browser.close();
}
