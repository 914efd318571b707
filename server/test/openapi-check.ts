import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Live replies checked against server/openapi.json with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses it). */
type Schema = Record<string, unknown>;

export const openApi = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

const documentId = 'urn:news-elements:server-openapi';
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema({ $id: documentId, components: openApi.components });

/** A copy of `schema` whose local $refs point into the document. */
function anchored(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(anchored);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? documentId + value : anchored(value),
    ]),
  );
}

const compiled = new Map<Schema, ValidateFunction>();

export function validate(schema: Schema, value: unknown): string[] {
  let check = compiled.get(schema);
  if (!check) {
    check = ajv.compile(anchored(schema) as Schema);
    compiled.set(schema, check);
  }
  if (check(value)) return [];
  return (check.errors ?? []).map((error) => `$${error.instancePath}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
}

/** The document's path template for a concrete path, e.g. /polls/p1/votes → /polls/{id}/votes. */
export function findTemplate(path: string): string | null {
  const segments = path.split('/');
  const candidates = Object.keys(openApi.paths).filter((template) => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((part, i) => part.startsWith('{') || part === segments[i]);
  });
  // Literal segments beat parameters (/articles/lookup over /articles/{id}).
  candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  return candidates[0] ?? null;
}

/** Problems with a live response against the document: undocumented route/status, or a body off-schema. */
export function checkResponse(method: string, path: string, status: number, contentType: string, body: unknown): string[] {
  const template = findTemplate(path);
  if (!template) return [`${method} ${path}: no path in openapi.json`];
  const operation = openApi.paths[template]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${template}: method not in openapi.json`];
  const response = operation.responses[String(status)];
  if (!response) return [`${method} ${template}: status ${status} not documented`];
  if (!response.content) return body === null || body === undefined ? [] : [`${method} ${template} ${status}: documented without a body`];
  const media = contentType.includes('event-stream') ? 'text/event-stream' : 'application/json';
  const schema = response.content[media]?.schema;
  if (!schema) return [`${method} ${template} ${status}: no ${media} schema`];
  if (media !== 'application/json') return [];
  return validate(schema, body).map((error) => `${method} ${template} ${status}: ${error}`);
}
