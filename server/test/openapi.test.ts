import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generatedOpenApi, openApiFiles } from '../scripts/openapi.ts';

test('the committed openapi.json files equal the document generated from the route schemas', () => {
  const generated = generatedOpenApi();
  for (const file of openApiFiles) {
    assert.ok(readFileSync(file, 'utf8') === generated, `${file.pathname} is out of date: run \`npm run openapi\``);
  }
});

test('the document declares every route once, with its error replies', () => {
  const document = JSON.parse(generatedOpenApi()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
  assert.equal(operations.length, 29);
  for (const { name, operation } of operations) {
    if (name === 'GET /openapi.json') continue;
    assert.ok('429' in operation.responses, `${name} documents 429`);
  }
});
