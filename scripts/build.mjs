// `npm run build`: types + npm entries (tsc), the CDN bundle (rollup), the custom elements manifest.
// Everything is built in a scratch folder and then swapped in, so a page or a test that reads
// dist/ while a build runs never sees it half-written.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';

const scratch = `.build-${process.pid}`;
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, BUILD_DIR: scratch } });
const bin = (name) => `node_modules/.bin/${name}`;

try {
  run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', `${scratch}/lib`]);
  run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
  run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
  const old = `.dist-old-${process.pid}`;
  try {
    renameSync('dist', old);
  } catch {
    // No previous build.
  }
  renameSync(scratch, 'dist');
  rmSync(old, { recursive: true, force: true });
  console.log('built dist/');
} catch (error) {
  rmSync(scratch, { recursive: true, force: true });
  console.error(`build failed: ${error.message.split('\n')[0]}`);
  process.exit(1);
}
