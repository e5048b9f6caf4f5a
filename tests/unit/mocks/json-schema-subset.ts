// A small checker for the JSON-schema subset the OpenAI spec's response schemas use:
// type (also as a list), nullable, enum, properties/required, items, $ref, anyOf,
// oneOf (with `discriminator`), allOf, additionalProperties. It reports deviations
// instead of a yes/no so a test can compare them with a list of known ones.
//
// One deliberate strictness: a property the schema does not declare is reported as
// `extra`. JSON Schema allows it, but tracking undeclared fields is how we notice the
// mock (or the API) drifting from the spec.

export type Schema = Record<string, unknown>;

export interface Deviation {
  /** JSON path with array indices collapsed to `[]`, e.g. `data[].results[].amount.value`. */
  path: string;
  kind: 'type' | 'required' | 'extra' | 'enum' | 'discriminator';
  detail: string;
}

export function deviationKey(d: Deviation): string {
  return `${d.path || '(root)'} ${d.kind}${d.detail ? `: ${d.detail}` : ''}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export class SchemaChecker {
  constructor(private readonly root: Schema) {}

  /** Resolves `#/a/b/c` inside the document. */
  resolve(ref: string): Schema {
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
    let node: unknown = this.root;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown> | undefined)?.[key];
    }
    if (typeof node !== 'object' || node === null) throw new Error(`unresolvable $ref: ${ref}`);
    return node as Schema;
  }

  check(schema: Schema, value: unknown, path = ''): Deviation[] {
    if (typeof schema.$ref === 'string') return this.check(this.resolve(schema.$ref), value, path);
    const out: Deviation[] = [];
    if (Array.isArray(schema.allOf)) for (const part of schema.allOf as Schema[]) out.push(...this.check(part, value, path));
    if (Array.isArray(schema.anyOf)) out.push(...this.bestBranch(schema.anyOf as Schema[], value, path));
    if (Array.isArray(schema.oneOf)) out.push(...this.oneOf(schema, value, path));
    out.push(...this.checkOwn(schema, value, path));
    return out;
  }

  /** anyOf: fine if one branch fits; otherwise the closest branch's deviations. */
  private bestBranch(branches: Schema[], value: unknown, path: string): Deviation[] {
    let best: Deviation[] | null = null;
    for (const branch of branches) {
      const found = this.check(branch, value, path);
      if (found.length === 0) return [];
      if (best === null || found.length < best.length) best = found;
    }
    return best ?? [];
  }

  private oneOf(schema: Schema, value: unknown, path: string): Deviation[] {
    const branches = schema.oneOf as Schema[];
    const discriminator = (schema.discriminator as { propertyName?: string } | undefined)?.propertyName;
    if (discriminator === undefined || typeof value !== 'object' || value === null) return this.bestBranch(branches, value, path);
    // With a discriminator the branch is chosen by the tag, so deviations are precise.
    const tag = (value as Record<string, unknown>)[discriminator];
    for (const branch of branches) {
      const resolved = typeof branch.$ref === 'string' ? this.resolve(branch.$ref) : branch;
      const tagSchema = (resolved.properties as Record<string, Schema> | undefined)?.[discriminator];
      if (Array.isArray(tagSchema?.enum) && tagSchema.enum.includes(tag)) return this.check(resolved, value, path);
    }
    return [{ path: join(path, discriminator), kind: 'discriminator', detail: `no branch for ${JSON.stringify(tag)}` }];
  }

  private checkOwn(schema: Schema, value: unknown, path: string): Deviation[] {
    const actual = typeOf(value);
    const declared = schema.type;
    const types = (Array.isArray(declared) ? declared : declared === undefined ? [] : [declared]) as string[];
    if (schema.properties !== undefined && types.length === 0) types.push('object'); // e.g. Model declares no type
    if (schema.nullable === true) types.push('null');
    if (types.length > 0 && !types.some((t) => typeMatches(t, actual))) {
      return [{ path, kind: 'type', detail: `expected ${types.join('|')}, got ${actual}` }];
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
      return [{ path, kind: 'enum', detail: `${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}` }];
    }
    if (actual === 'array' && schema.items !== undefined) {
      return (value as unknown[]).flatMap((item) => this.check(schema.items as Schema, item, `${path}[]`));
    }
    if (actual === 'object' && (schema.properties !== undefined || schema.required !== undefined || schema.additionalProperties !== undefined)) {
      return this.checkObject(schema, value as Record<string, unknown>, path);
    }
    return [];
  }

  private checkObject(schema: Schema, value: Record<string, unknown>, path: string): Deviation[] {
    const out: Deviation[] = [];
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!Object.hasOwn(value, key)) out.push({ path: join(path, key), kind: 'required', detail: '' });
    }
    const additional = schema.additionalProperties;
    for (const [key, item] of Object.entries(value)) {
      const own = properties[key];
      if (own !== undefined) out.push(...this.check(own, item, join(path, key)));
      else if (typeof additional === 'object' && additional !== null) out.push(...this.check(additional as Schema, item, join(path, key)));
      else if (additional !== true) out.push({ path: join(path, key), kind: 'extra', detail: '' });
    }
    return out;
  }
}
