// Starts the reference server (`scripts/start.mjs`: build unless SKIP_BUILD=1, then API + demo) on a
// free loopback port with a temporary DATA_DIR, and stops its whole process group afterwards.
// Also the small helpers every end-to-end test needs: a free port, a sleep.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const startScript = join(repoRoot, 'scripts/start.mjs');
/** `npm start` builds the library before it listens, so the first answer can take a while. */
const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS ?? 240_000);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `E2E_BASE_URL=http://127.0.0.1:8787` points the demo and poll tests at a server that is already running. */
export const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '');

/** Builds the library unless `dist/news-elements.js` is there already. */
export function ensureDist() {
  if (!existsSync(join(repoRoot, 'dist/news-elements.js'))) spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}

/**
 * Starts `scripts/start.mjs` with DEMO=1 and the given extra environment. Resolves once `/api/openapi.json`
 * answers, with `{ baseUrl, port, dataDir, log(), halt(), resume(), stop() }`: `halt()` stops the process group
 * and keeps the port and data, `resume()` starts it again on both, `stop()` stops it and removes the data.
 *
 * `build` says who builds `dist/`: `'env'` leaves it to start.mjs (it builds unless SKIP_BUILD=1 in this
 * process's environment); `'if-missing'` builds here only when dist/news-elements.js is missing, then starts
 * with SKIP_BUILD=1; `'never'` starts with SKIP_BUILD=1.
 */
export async function startReferenceServer({ env = {}, label = 'e2e', build = 'env' } = {}) {
  if (build === 'if-missing') ensureDist();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `news-elements-${label}-`));
  const skipBuild = build === 'env' ? {} : { SKIP_BUILD: '1' };
  let log = '';
  let child;

  async function halt() {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    signalGroup('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) {
      signalGroup('SIGKILL');
      await exited;
    }
  }

  async function stop() {
    await halt();
    rmSync(dataDir, { recursive: true, force: true });
  }

  async function resume() {
    child = spawn(process.execPath, [startScript], {
      cwd: repoRoot,
      env: { ...process.env, ...skipBuild, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));

    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`scripts/start.mjs exited (${child.exitCode ?? child.signalCode}) before answering:\n${log}`);
      }
      try {
        const response = await fetch(`${baseUrl}/api/openapi.json`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        await halt();
        throw new Error(`scripts/start.mjs did not answer within ${startTimeoutMs} ms:\n${log}`);
      }
      await sleep(250);
    }
  }

  try {
    await resume();
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, dataDir, log: () => log, halt, resume, stop };
}

/**
 * The server a demo-page test runs against: the one at E2E_BASE_URL if set (left running afterwards),
 * otherwise a reference server of its own. Resolves with `{ baseUrl, stop() }`.
 */
export function demoServer({ label } = {}) {
  if (externalBaseUrl) return Promise.resolve({ baseUrl: externalBaseUrl, stop: async () => {} });
  return startReferenceServer({ label });
}

/** A demo-page test runs unless there is neither an external server nor scripts/start.mjs to start one. */
export const demoSkip = externalBaseUrl || existsSync(startScript) ? false : 'scripts/start.mjs does not exist yet';

/**
 * A private copy of `dist/`, so a build another process swaps in while the test runs cannot hand a page
 * an entry file whose chunks were just deleted. Returns `{ dir, remove() }`.
 */
export function snapshotDist() {
  const source = join(repoRoot, 'dist');
  if (!existsSync(join(source, 'news-elements.js'))) throw new Error('dist/news-elements.js is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'news-elements-dist-'));
  cpSync(source, dir, { recursive: true, filter: (path) => !path.includes(`${join(source, 'lib')}`) });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
