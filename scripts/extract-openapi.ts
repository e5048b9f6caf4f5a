// `npx tsx scripts/extract-openapi.ts [full-spec.json] [licence-file]`: cuts OpenAI's
// official OpenAPI spec (3+ MB, kept beside the repo, not in it) down to what
// tests/unit/mocks/openapi.test.ts reads, so a fresh clone can run the tests alone.
// Keeps the responses of the operations below and every component they reach through
// $refs, nothing else. Key order follows the source, so re-running on the same spec
// gives a byte-identical file (a unit test checks that when the full spec is present).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Obj = Record<string, unknown>;

const repo = new URL('..', import.meta.url);
/** The full spec as the shared folder beside the repo holds it. */
export const FULL_SPEC_PATH = fileURLToPath(new URL('../shared/specs/openai-openapi.json', repo));
export const EXTRACT_URL = new URL('tests/fixtures/openai-openapi-extract.json', repo);

/** The operations whose response schemas the mock's bodies are checked against. */
export const OPERATIONS: readonly (readonly [path: string, method: string])[] = [
  ['/models', 'get'],
  ['/chat/completions', 'post'],
  ['/organization/costs', 'get'],
  ['/organization/spend_limit', 'get'],
];
// Only responses matter to the tests; requestBody/parameters/x-oaiMeta would pull in
// the (huge) request schemas for nothing.
const OPERATION_FIELDS = ['operationId', 'summary', 'responses'];

/** The spec's licence text sits beside it under the same name: x.json → x.LICENSE. */
export function licencePathFor(specPath: string): string {
  return specPath.replace(/\.json$/, '') + '.LICENSE';
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function pick(source: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  // Source order, not `keys` order, so the output mirrors the spec.
  for (const key of Object.keys(source)) if (keys.includes(key)) out[key] = source[key];
  return out;
}

function collectRefs(node: unknown, out: string[]): void {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out);
  else if (isObj(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
}

/** `#/components/<kind>/<name>[/...]` → [kind, name]; anything else is not supported. */
function componentOf(ref: string): [string, string] {
  const parts = ref.split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== '#' || parts[1] !== 'components' || !parts[2] || !parts[3]) {
    throw new Error(`unsupported $ref (only #/components/... is followed): ${ref}`);
  }
  return [parts[2], parts[3]];
}

/** The licence field carried inside the extract, built from info.license and the licence text. */
function licenceField(spec: Obj, licenceText: string): Obj {
  const license = (spec.info as Obj | undefined)?.license as Obj | undefined;
  const copyright = /^Copyright .+$/m.exec(licenceText)?.[0];
  // Refuse to write a notice we cannot vouch for.
  if (license?.identifier !== 'MIT' || !licenceText.startsWith('The MIT License') || !copyright?.includes('OpenAI')) {
    throw new Error('expected the spec to be MIT-licensed by OpenAI (info.license and the licence text disagree)');
  }
  return {
    name: license.name,
    identifier: license.identifier,
    copyright,
    notice: "An extract of OpenAI's OpenAPI specification, under the MIT License below.",
    text: licenceText,
  };
}

export function extractOpenApi(spec: Obj, licenceText: string): Obj {
  const info = spec.info as Obj;
  const sourcePaths = spec.paths as Record<string, Obj>;
  const paths: Obj = {};
  for (const [path, item] of Object.entries(sourcePaths)) {
    const methods = OPERATIONS.filter(([p]) => p === path).map(([, m]) => m);
    if (methods.length === 0) continue;
    const kept: Obj = {};
    for (const [method, operation] of Object.entries(item)) {
      if (methods.includes(method)) kept[method] = pick(operation as Obj, OPERATION_FIELDS);
    }
    paths[path] = kept;
  }
  for (const [path, method] of OPERATIONS) {
    if (!isObj((paths[path] as Obj | undefined)?.[method])) throw new Error(`the spec has no ${method.toUpperCase()} ${path}`);
  }

  // Follow $refs to a fixed point: each component reached is scanned for more.
  const sourceComponents = spec.components as Record<string, Obj>;
  const wanted = new Set<string>();
  const queue: string[] = [];
  collectRefs(paths, queue);
  for (let ref = queue.pop(); ref !== undefined; ref = queue.pop()) {
    const [kind, name] = componentOf(ref);
    const key = `${kind}/${name}`;
    if (wanted.has(key)) continue;
    const component = sourceComponents[kind]?.[name];
    if (component === undefined) throw new Error(`unresolvable $ref in the full spec: ${ref}`);
    wanted.add(key);
    collectRefs(component, queue);
  }
  const components: Obj = {};
  for (const [kind, all] of Object.entries(sourceComponents)) {
    const kept = pick(all, Object.keys(all).filter((name) => wanted.has(`${kind}/${name}`)));
    if (Object.keys(kept).length > 0) components[kind] = kept;
  }

  return {
    openapi: spec.openapi,
    info: pick(info, ['title', 'version']),
    'x-license': licenceField(spec, licenceText),
    paths,
    components,
  };
}

export function serialize(extract: Obj): string {
  return `${JSON.stringify(extract, null, 2)}\n`;
}

/** Reads the full spec and its licence file and returns the extract's file text. */
export function extractFromFiles(specPath: string, licencePath = licencePathFor(specPath)): string {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Obj;
  return serialize(extractOpenApi(spec, readFileSync(licencePath, 'utf8')));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const specPath = process.argv[2] ? resolve(process.argv[2]) : FULL_SPEC_PATH;
  const text = extractFromFiles(specPath, process.argv[3] ? resolve(process.argv[3]) : undefined);
  const out = fileURLToPath(EXTRACT_URL);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const extract = JSON.parse(text) as { components: Record<string, Obj> };
  const counts = Object.entries(extract.components).map(([kind, all]) => `${Object.keys(all).length} ${kind}`);
  console.log(`wrote tests/fixtures/openai-openapi-extract.json: ${Buffer.byteLength(text)} bytes, ${OPERATIONS.length} operations, ${counts.join(', ')}`);
}
