// The contract (openapi.json at the package root) and a compact validator for the JSON Schema subset it uses:
// type (also type lists with "null"), nullable, enum, const, required, properties, additionalProperties,
// items, minItems/maxItems, minimum/maximum, minLength/maxLength, pattern, format date-time, oneOf/anyOf/allOf, $ref.
import { readFileSync } from 'node:fs';

/** The bundled contract: one committed copy at the package root, kept identical to server/openapi.json by a test. */
export const contractUrl = new URL('../openapi.json', import.meta.url);

export function loadContract(source = contractUrl) {
  return JSON.parse(readFileSync(source, 'utf8'));
}

const dateTime = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const show = (value) => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

export class Contract {
  constructor(document) {
    this.document = document;
    this.templates = Object.keys(document.paths ?? {});
  }

  /** Follows a local JSON pointer ($ref: "#/components/schemas/Poll"). */
  resolve(schema) {
    let current = schema;
    for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
      if (hops > 32) throw new Error(`$ref loop at ${schema.$ref}`);
      const ref = current.$ref;
      if (!ref.startsWith('#/')) throw new Error(`Only local $ref is supported, got ${ref}`);
      let target = this.document;
      for (const part of ref.slice(2).split('/')) {
        target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      if (!target) throw new Error(`Unknown $ref ${ref}`);
      current = target;
    }
    return current;
  }

  schema(name) {
    return this.resolve({ $ref: `#/components/schemas/${name}` });
  }

  /** Every problem with `value` against `raw`, as "$.path: what" strings (empty when it conforms). */
  validate(raw, value, path = '$') {
    const schema = this.resolve(raw ?? {});
    const errors = [];
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) errors.push(...this.validate(part, value, path));
    }
    if (Array.isArray(schema.oneOf)) {
      const matching = schema.oneOf.filter((option) => this.validate(option, value, path).length === 0).length;
      if (matching !== 1) errors.push(`${path}: matches ${matching} of the ${schema.oneOf.length} oneOf alternatives`);
    }
    if (Array.isArray(schema.anyOf) && !schema.anyOf.some((option) => this.validate(option, value, path).length === 0)) {
      errors.push(`${path}: matches none of the anyOf alternatives`);
    }
    if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema.const)) {
      errors.push(`${path}: expected ${show(schema.const)}, got ${show(value)}`);
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((item) => JSON.stringify(item) === JSON.stringify(value))) {
      errors.push(`${path}: ${show(value)} is not one of ${schema.enum.map(show).join(', ')}`);
    }
    const actual = typeOf(value);
    if (schema.type !== undefined) {
      const allowed = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
      if (schema.nullable === true) allowed.push('null');
      if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
        errors.push(`${path}: expected ${allowed.join(' or ')}, got ${actual}`);
        return errors;
      }
    } else if (value === null && schema.nullable === false) {
      errors.push(`${path}: must not be null`);
    }
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} is below ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} is above ${schema.maximum}`);
    }
    if (typeof value === 'string') {
      if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
      if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
        errors.push(`${path}: ${show(value)} does not match ${schema.pattern}`);
      }
      if (schema.format === 'date-time' && !dateTime.test(value)) errors.push(`${path}: ${show(value)} is not an RFC 3339 date-time`);
    }
    if (Array.isArray(value)) {
      if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
      if (schema.items) value.forEach((item, index) => errors.push(...this.validate(schema.items, item, `${path}[${index}]`)));
    }
    if (actual === 'object') {
      const properties = schema.properties ?? {};
      for (const name of schema.required ?? []) {
        if (!Object.hasOwn(value, name)) errors.push(`${path}: missing required ${name}`);
      }
      for (const [name, item] of Object.entries(value)) {
        if (properties[name]) errors.push(...this.validate(properties[name], item, `${path}.${name}`));
        else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${name}`);
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
          errors.push(...this.validate(schema.additionalProperties, item, `${path}.${name}`));
        }
      }
    }
    return errors;
  }

  /** The document's template for a concrete path (/polls/p1/votes → /polls/{id}/votes); literal segments win. */
  template(path) {
    const segments = path.split('?')[0].split('/');
    const candidates = this.templates.filter((template) => {
      const parts = template.split('/');
      return parts.length === segments.length && parts.every((part, i) => /^\{.+\}$/.test(part) || part === segments[i]);
    });
    const params = (template) => (template.match(/\{/g) ?? []).length;
    candidates.sort((a, b) => params(a) - params(b));
    return candidates[0] ?? null;
  }

  /** The documented response for method + path + status: {template, response} or {problem}. */
  response(method, path, status) {
    const template = this.template(path);
    if (!template) return { problem: `${path} is not in the contract` };
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) return { problem: `${method} ${template} is not in the contract` };
    const response = operation.responses?.[String(status)] ?? operation.responses?.default;
    if (!response) {
      const documented = Object.keys(operation.responses ?? {}).join(', ');
      return { template, problem: `status ${status} is not documented for ${method} ${template} (documented: ${documented})` };
    }
    return { template, response: this.resolve(response) };
  }

  /** The schema name behind a documented JSON response, for messages ("Poll", "Comment[]"). */
  describe(schema) {
    if (!schema) return 'no body';
    if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop();
    if (schema.type === 'array' && schema.items) return `${this.describe(schema.items)}[]`;
    return schema.type ? String(schema.type) : 'JSON';
  }
}
