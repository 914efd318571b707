#!/usr/bin/env node
// `npm start`: build the library (a failed build only warns), then serve the demo page, /dist/ and /api/ (demo mode
// unless JWT_SECRET is supplied; DEMO=1 forces it on, DEMO=0 off).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (process.env.SKIP_BUILD !== '1') {
  console.log('[start] building the library (npm run build)...');
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.error || build.status !== 0) {
    const why = build.error ? build.error.message : `exit code ${build.status}`;
    console.warn(`[start] warning: the library build failed (${why}); serving whatever is in dist/ already.`);
  }
}
if (!existsSync(new URL('../dist/news-elements.js', import.meta.url))) {
  console.warn('[start] warning: dist/news-elements.js is missing, so the demo page will show its static HTML only.');
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  // Demo mode unless the environment says otherwise: a supplied JWT_SECRET turns it off (DEMO=1 forces it on).
  env: { ...process.env, DEMO: process.env.DEMO || 'auto' },
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
