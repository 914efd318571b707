// `npm run openapi`: writes openapi.json from the route declarations, to server/openapi.json and
// to the package root (the copy shipped in the npm package). `--check` only reports a difference.
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiDocument } from '../src/api/document.ts';

export const openApiFiles = [new URL('../openapi.json', import.meta.url), new URL('../../openapi.json', import.meta.url)];
export const generatedOpenApi = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = generatedOpenApi();
  const stale = openApiFiles.filter((file) => readFileSync(file, 'utf8') !== text);
  if (process.argv.includes('--check')) {
    for (const file of stale) console.error(`${file.pathname} is out of date: run npm run openapi`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const file of stale) writeFileSync(file, text);
  console.log(stale.length ? `wrote ${stale.map((file) => file.pathname).join(', ')}` : 'openapi.json is up to date');
}
