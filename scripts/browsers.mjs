// Finds the Debian browsers the tests drive, and says exactly how to install a missing one.
import { existsSync } from 'node:fs';

const candidates = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};
const packages = { chromium: 'chromium', firefox: 'firefox-esr' };

export function browserPaths() {
  const found = {};
  for (const [name, list] of Object.entries(candidates)) {
    found[name] = list.find((p) => p && existsSync(p)) ?? null;
  }
  return found;
}

/** Returns a message naming the install command for every missing browser, or null. */
export function missingBrowsersMessage(names = ['chromium', 'firefox']) {
  const paths = browserPaths();
  const missing = names.filter((n) => !paths[n]);
  if (missing.length === 0) return null;
  const pkgs = missing.map((n) => packages[n]).join(' ');
  return [
    `news-elements tests need ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed.`,
    `Install on Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y ${pkgs}`,
    `Or point to an existing binary: ${missing.map((n) => (n === 'chromium' ? 'CHROMIUM_PATH=/path/to/chrome' : 'FIREFOX_PATH=/path/to/firefox')).join(' ')}`,
  ].join('\n');
}
