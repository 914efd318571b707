// Shared helpers for `npm run bench`: statistics, a loopback server under our control, clean-up.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Nearest-rank percentile (p in 0..100). */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Clean-up steps run once, in reverse order, on normal exit, on error and on Ctrl-C. */
const cleanups = [];
export function onCleanup(step) {
  cleanups.push(step);
  return () => {
    const i = cleanups.indexOf(step);
    if (i >= 0) cleanups.splice(i, 1);
  };
}
export async function cleanupAll() {
  while (cleanups.length) {
    const step = cleanups.pop();
    try {
      await step();
    } catch (error) {
      console.warn(`[bench] clean-up step failed: ${error.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    console.error(`\n[bench] ${signal}: stopping servers, browsers and databases`);
    await cleanupAll();
    process.exit(130);
  });
}

/**
 * Starts the reference server (server/src/main.ts, no library build) on a free loopback port with its own
 * data directory. Resolves to { url, pid, stop, log } once the API answers.
 */
export async function startServer(env = {}, { label = 'server' } = {}) {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? tempDir('news-bench-data-');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DEMO: '0', ...env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killed = await Promise.race([exited.then(() => true), sleep(6000).then(() => false)]);
    if (!killed) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
    }
  };
  const removeCleanup = onCleanup(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited during start-up:\n${log.slice(-2000)}`);
    try {
      const response = await fetch(`${url}/api/openapi.json`);
      if (response.ok) {
        await response.arrayBuffer();
        return {
          url,
          pid: child.pid,
          get log() {
            return log;
          },
          stop: async () => {
            removeCleanup();
            await stop();
          },
        };
      }
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`${label} did not answer within 60 s:\n${log.slice(-2000)}`);
}
