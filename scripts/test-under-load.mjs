// `npm run test:under-load`: the whole `npm test` several times in a row while busy-loop processes
// keep every core busy, to catch tests that only pass on an idle machine (they wait for a time
// instead of a state, or race the server). Stops at the first failing run.
//   RUNS=3 HOGS=2 npm run test:under-load     (defaults: 3 runs, one hog per core)
//   npm run test:under-load -- --dry-run       starts and stops the hogs around an echo instead
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const runs = Number(process.env.RUNS ?? 3);
const hogCount = Number(process.env.HOGS ?? availableParallelism());
const dryRun = process.argv.includes('--dry-run');

/** A child process spinning one core until it is killed. */
function startHog() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

/** Runs `command`, passing its output through; resolves to its exit code and the suite's closing counts. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const tee = (stream, target) =>
      stream.on('data', (chunk) => {
        target.write(chunk);
        tail = (tail + chunk).slice(-4000);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, counts: [...tail.matchAll(/^tests: (\d+ passed, \d+ failed)$/gm)].pop()?.[1] }));
  });
}

const hogs = Array.from({ length: hogCount }, startHog);
const stopHogs = () => {
  for (const hog of hogs) hog.kill('SIGKILL');
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

console.log(`[under load] ${hogCount} busy-loop processes started (pids ${hogs.map((h) => h.pid).join(', ')})`);
const results = [];
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  console.log(`\n[under load] run ${i} of ${runs}`);
  const { code, counts = 'no counts' } = await run(dryRun ? 'echo tests: 0 passed, 0 failed' : 'npm test');
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ run: i, ok: code === 0, seconds, counts });
  console.log(`[under load] run ${i}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s (${counts})`);
  if (code !== 0) break;
}
stopHogs();

console.log('\n[under load] summary');
for (const r of results) console.log(`  run ${r.run}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds} s (${r.counts})`);
process.exit(results.length === runs && results.every((r) => r.ok) ? 0 : 1);
