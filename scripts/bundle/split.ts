// The three files of the shipped widget (see docs/architecture.md, "Three files"):
// - script.js: everything; the admin screens' names in src/ui/admin-ui.tsx fold to
//   slots (__BYTEGPT_SPLIT__), so their modules drop out;
// - admin.js: src/lazy/admin.ts as UMD whose anonymous define() depends on the shared
//   modules (src/kommo/shared-ids.ts) under their versioned AMD ids, which script.js
//   defines right before it requires admin.js;
// - engine.js: src/lazy/engine.ts (zod and the network code) as UMD with no dependencies.
// Each build checks what it bundled, so a slip (a stateful module copied into admin.js,
// an admin screen back in script.js) fails the build instead of shipping.
import { dirname, resolve } from 'node:path';
import { parseSync, type Plugin } from 'vite';
import { sections } from '../archive/script.ts';
import { SHARED_MODULES, sharedModuleId, type SharedModule } from '../../src/kommo/shared-ids.ts';

/** Modules admin.js must never carry: another copy would be a second store, registry or engine. */
const NOT_IN_ADMIN = [
  /\/node_modules\//,
  /\/src\/(kommo|monitor|billing|mocks|lazy\/(?!admin\.ts$))/,
  /\/src\/checklist\/(store|progress-schema)\.ts$/,
  /\/src\/i18n\/translate\.ts$/,
  /\/src\/ui\/(styles|admin-ui)\.tsx?$/,
];

/** The admin parts and the network code: if one of them is in script.js, the split did not happen. */
const NOT_IN_MAIN = [
  // engine.js's: zod, the OpenAI client and the relay's client (src/lazy/engine.ts).
  /\/node_modules\/zod\//,
  /\/src\/billing\/(check|http|schemas|report-schema|relay-client|relay-url)\.ts$/,
  /\/src\/ui\/(Dashboard|SpendChart|SpendLimitState|HistoryList|SettingsFields|OptionsForm|options-draft|TestConnection)\.tsx?$/,
  /\/src\/ui\/(Walkthrough|WalkthroughStep|WalkthroughVerify|CardExpiryForm)\.tsx$/,
  /\/src\/ui\/css\/(admin|walkthrough|dashboard|settings)\.ts$/,
  /\/src\/lazy\//,
];

const isShared = (name: string): name is SharedModule => (SHARED_MODULES as readonly string[]).includes(name);

/** admin.js: each shared module becomes an external with its versioned AMD id. */
export function sharedExternals(root: string, build: string): Plugin {
  const localShared = new Map(SHARED_MODULES.filter((name) => name.startsWith('src/')).map((name) => [resolve(root, name), name]));
  return {
    name: 'bytegpt-shared-externals',
    enforce: 'pre',
    resolveId(source, importer) {
      if (isShared(source)) return { id: sharedModuleId(build, source), external: true };
      if (!importer || !source.startsWith('.')) return null;
      const local = localShared.get(resolve(dirname(importer.split('?')[0] ?? importer), source));
      return local ? { id: sharedModuleId(build, local), external: true } : null;
    },
  };
}

/**
 * Fails the build when the bundle holds a module matching one of `forbidden`. Read from
 * the bundler's module comments in the output (the modules list still names modules
 * that constant folding removed later); a minified twin has none and is not checked.
 * Output without those comments fails too: nothing could be found, and a check that
 * cannot see must not pass.
 */
function checkModules(part: string, forbidden: RegExp[]): Plugin {
  return {
    name: `bytegpt-check-${part}`,
    generateBundle(_options, bundle) {
      const modules = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? sections(item.code).map((section) => section.module) : []));
      if (!modules.some((module) => module.startsWith('src/'))) {
        this.error(`${part}: the output has no module comments, so what it bundles cannot be checked (see scripts/bundle/split.ts)`);
      }
      const found = modules.filter((module) => forbidden.some((pattern) => pattern.test(`/${module}`)));
      if (found.length) this.error(`${part} must not bundle ${[...new Set(found)].join(', ')} (see scripts/bundle/split.ts)`);
    },
  };
}

/** engine.js: the network code and the pure layers under it; no Preact, no state of the widget's. */
const NOT_IN_ENGINE = [
  /\/node_modules\/preact\//,
  /\/src\/(kommo|monitor|ui|checklist|i18n|mocks|relay)\//,
  /\/src\/lazy\/(?!engine[\w-]*\.ts$)/,
];

export const checkAdminModules = () => checkModules('admin.js', NOT_IN_ADMIN);
export const checkEngineModules = () => checkModules('engine.js', NOT_IN_ENGINE);
export const checkMainModules = () => checkModules('script.js', NOT_IN_MAIN);

/** What admin.js reads of each shared module, by export name. */
export type SharedUse = Map<SharedModule, Set<string>>;

type AstNode = { type?: string } & Record<string, unknown>;

function walkAst(node: unknown, visit: (node: AstNode, parent: AstNode | null) => void, parent: AstNode | null = null): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walkAst(item, visit, parent);
    return;
  }
  const current = node as AstNode;
  if (typeof current.type === 'string') visit(current, parent);
  for (const [key, value] of Object.entries(current)) if (key !== 'type' && value && typeof value === 'object') walkAst(value, visit, current);
}

/**
 * admin.js: records the names it reads from each shared module (`dep.name` on the
 * factory's parameters), so script.js can lend exactly those. Any other use of a
 * shared module (passed whole, read by a computed key) fails the build.
 */
export function recordSharedUse(build: string, into: SharedUse): Plugin {
  // Rolldown names each factory parameter after its module id, non-identifier characters as "_".
  const byParam = new Map(SHARED_MODULES.map((name) => [sharedModuleId(build, name).replace(/[^\w$]/g, '_'), name] as const));
  return {
    name: 'bytegpt-record-shared-use',
    generateBundle(_options, bundle) {
      into.clear();
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const parsed = parseSync(item.fileName, item.code, { lang: 'js', sourceType: 'script' });
        if (parsed.errors.length) this.error(`cannot read ${item.fileName}: ${parsed.errors[0]?.message}`);
        walkAst(parsed.program, (node, parent) => {
          if (node.type !== 'Identifier') return;
          const shared = byParam.get(node.name as string);
          if (!shared) return;
          if (parent?.type === 'FunctionExpression' && (parent.params as unknown[]).includes(node)) return;
          const property = parent?.type === 'MemberExpression' && parent.object === node && !parent.computed ? (parent.property as AstNode) : null;
          if (property?.type !== 'Identifier') this.error(`${item.fileName} uses ${shared} other than by a plain name; script.js cannot lend it`);
          const names = into.get(shared) ?? new Set<string>();
          names.add(property.name as string);
          into.set(shared, names);
        });
      }
    },
  };
}

/**
 * script.js: src/kommo/admin-shared.ts (every shared module as a whole namespace, for
 * type checks and source builds) becomes an object with only the names admin.js reads.
 */
export function lendSharedUse(root: string, used: SharedUse): Plugin {
  const file = resolve(root, 'src/kommo/admin-shared.ts');
  return {
    name: 'bytegpt-lend-shared-use',
    load(id) {
      if (id.split('?')[0] !== file) return null;
      const imports: string[] = [];
      const entries = SHARED_MODULES.map((name, index) => {
        const names = [...(used.get(name) ?? [])].sort();
        const from = name.startsWith('src/') ? resolve(root, name) : name;
        const locals = names.map((n) => `${n} as shared${index}_${n}`);
        if (names.length) imports.push(`import { ${locals.join(', ')} } from ${JSON.stringify(from)};`);
        return `  ${JSON.stringify(name)}: { ${names.map((n) => `${n}: shared${index}_${n}`).join(', ')} },`;
      });
      return `${imports.join('\n')}\nexport const SHARED_VALUES = {\n${entries.join('\n')}\n};\n`;
    },
  };
}
