// `npm test -w server`: the suites on PGlite, then, when TEST_DATABASE_URL is set, the same suites on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const files = readdirSync(new URL('../test/', import.meta.url))
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => `test/${name}`);
const postgresUrl = process.env.TEST_DATABASE_URL;
const { TEST_DATABASE_URL: _omitted, ...withoutPostgres } = process.env;

const passes = [{ name: 'PGlite', env: withoutPostgres }];
if (postgresUrl) passes.push({ name: 'PostgreSQL', env: { ...process.env, TEST_DATABASE_URL: postgresUrl } });
else console.log('[server tests] TEST_DATABASE_URL is not set: PostgreSQL-only tests are skipped.');

let failed = false;
for (const pass of passes) {
  console.log(`\n[server tests] ${pass.name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...process.argv.slice(2), ...files], {
    cwd: serverDir,
    env: pass.env,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
