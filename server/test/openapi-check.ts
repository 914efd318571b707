import { readFileSync } from 'node:fs';

/** A small JSON Schema checker for the subset server/openapi.json uses, so tests compare live responses with the document. */
type Schema = Record<string, unknown>;

export const openApi = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

function resolveRef(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = openApi.components.schemas[name];
  if (!target) throw new Error(`Unknown $ref ${ref}`);
  return target;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function validate(raw: Schema, value: unknown, path = '$'): string[] {
  const schema = resolveRef(raw);
  const errors: string[] = [];
  if (Array.isArray(schema.oneOf)) {
    const matching = (schema.oneOf as Schema[]).filter((option) => validate(option, value, path).length === 0);
    if (matching.length !== 1) errors.push(`${path}: matches ${matching.length} of oneOf`);
    return errors;
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
      errors.push(`${path}: expected ${allowed.join('|')}, got ${actual}`);
      return errors;
    }
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: too short`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: too long`);
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${path}: not a date-time`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => errors.push(...validate(schema.items as Schema, item, `${path}[${index}]`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in record)) errors.push(`${path}: missing ${name}`);
    }
    for (const [name, item] of Object.entries(record)) {
      if (properties[name]) errors.push(...validate(properties[name], item, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${name}`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        errors.push(...validate(schema.additionalProperties as Schema, item, `${path}.${name}`));
      }
    }
  }
  return errors;
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
