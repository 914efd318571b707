// `npm test`: the whole suite, in the order a failure is cheapest to find. Every step runs even
// after a failure, so one run shows everything that is wrong; the exit code is non-zero if any failed.
//   SKIP=storybook,server npm test   skips steps by name
//   ONLY=browser npm test            runs just the named steps
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { missingBrowsersMessage } from './browsers.mjs';

const missing = missingBrowsersMessage(['chromium', 'firefox']);
if (missing) {
  console.error(`\n${missing}\n`);
  process.exit(1);
}

const list = (value) => (value ? value.split(',').map((s) => s.trim()) : []);
const skip = list(process.env.SKIP);
const only = list(process.env.ONLY);

/** Each step: a name, a command, and how to read its pass/fail counts from the output. */
const steps = [
  { name: 'typecheck', cmd: 'npx tsc --noEmit -p tsconfig.json && npx tsc --noEmit -p server/tsconfig.json' },
  { name: 'lint', cmd: 'npx eslint .' },
  { name: 'format', cmd: 'npx prettier --check .' },
  { name: 'build', cmd: 'npm run build --silent && npm run size --silent && node --test test/build/', counts: nodeTestCounts },
  { name: 'browser', cmd: 'npx wtr', counts: wtrCounts },
  { name: 'storybook', cmd: 'npm run build-storybook --silent && node scripts/test-stories.mjs', counts: plainCounts },
  { name: 'server', cmd: 'npm test --silent -w server', counts: nodeTestCounts },
  // The e2e servers reuse the dist/ the build step just wrote instead of each building again.
  {
    name: 'e2e',
    cmd: 'node --test --test-concurrency=1 test/e2e/',
    counts: nodeTestCounts,
    when: () => existsSync('test/e2e'),
    env: () => (ran.has('build') && existsSync('dist/news-elements.js') ? { SKIP_BUILD: '1' } : {}),
  },
];

function wtrCounts(output) {
  let passed = 0;
  let failed = 0;
  // The last progress line per browser holds its totals.
  const last = new Map();
  for (const match of output.matchAll(/(Chrome|Chromium|Firefox):[^\n]*?(\d+) passed, (\d+) failed/g)) last.set(match[1], [+match[2], +match[3]]);
  for (const [p, f] of last.values()) {
    passed += p;
    failed += f;
  }
  return { passed, failed };
}

function nodeTestCounts(output) {
  const pass = [...output.matchAll(/^# pass (\d+)/gm)].reduce((sum, m) => sum + +m[1], 0);
  const fail = [...output.matchAll(/^# fail (\d+)/gm)].reduce((sum, m) => sum + +m[1], 0);
  return { passed: pass, failed: fail };
}

function plainCounts(output) {
  const match = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
  return match ? { passed: +match[1], failed: +match[2] } : { passed: 0, failed: 0 };
}

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n▶ ${step.name}: ${step.cmd}`);
    const child = spawn(step.cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...step.env?.() } });
    let output = '';
    const tee = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    // Runners colour their output even when told not to; counts are read from the plain text.
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with the ESC control character.
    const plain = () => output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    child.on('close', (code) => resolve({ ...step, ok: code === 0, seconds: (Date.now() - started) / 1000, ...(step.counts?.(plain()) ?? {}) }));
  });
}

const results = [];
/** Steps that passed in this run. */
const ran = new Set();
for (const step of steps) {
  if (skip.includes(step.name) || (only.length && !only.includes(step.name)) || (step.when && !step.when())) continue;
  const result = await run(step);
  results.push(result);
  if (result.ok) ran.add(step.name);
}

console.log('\nSummary');
let passed = 0;
let failed = 0;
for (const r of results) {
  const counts = r.passed != null ? ` (${r.passed} passed, ${r.failed} failed)` : '';
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s${counts}`);
  passed += r.passed ?? 0;
  failed += r.failed ?? 0;
  if (!r.ok && !r.failed) failed++;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
