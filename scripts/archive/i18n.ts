// i18n/<lang>.json: one per manifest locale and no others, the same key structure in
// every file, every i18n key the manifest names resolvable to a string, and the
// Marketplace text limits on name / short description / description.
import { isObject } from './manifest.ts';
import { filePaths, type ArchiveFiles } from './layout.ts';
import { issue, TEXT_LIMITS, type Issue } from './rules.ts';
import { decodeText } from './text.ts';

type Json = Record<string, unknown>;

/** "a.b.c" → the value at that path, or undefined. */
export function resolveKey(tree: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), tree);
}

/** Every leaf path with its kind, e.g. "panel.title:string", sorted. */
export function keyShape(tree: Json, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isObject(value)) return keyShape(value, path);
      return [`${path}:${Array.isArray(value) ? 'array' : typeof value}`];
    })
    .sort();
}

/** The i18n keys the manifest points at. */
export function manifestKeys(manifest: Json): string[] {
  const keys: string[] = [];
  const widget = isObject(manifest.widget) ? manifest.widget : {};
  for (const field of ['name', 'description', 'short_description']) if (typeof widget[field] === 'string') keys.push(widget[field]);
  if (isObject(manifest.tour) && typeof manifest.tour.tour_description === 'string') keys.push(manifest.tour.tour_description);
  if (isObject(manifest.advanced) && typeof manifest.advanced.title === 'string') keys.push(manifest.advanced.title);
  const settingsBlocks = [manifest.settings, isObject(manifest.dp) ? manifest.dp.settings : undefined];
  for (const block of settingsBlocks) {
    if (!isObject(block)) continue;
    for (const field of Object.values(block)) if (isObject(field) && typeof field.name === 'string') keys.push(field.name);
  }
  return keys;
}

/** Marketplace text rules for one locale's resolved widget texts. */
export function checkWidgetTexts(file: string, texts: { name?: unknown; short?: unknown; description?: unknown }): Issue[] {
  const issues: Issue[] = [];
  const { name, short, description } = texts;
  if (typeof name === 'string') {
    const length = [...name].length;
    if (length > TEXT_LIMITS.name) issues.push(issue('text.name_length', file, `name "${name}" has ${length} characters (max ${TEXT_LIMITS.name})`));
    const longWord = name.split(/\s+/).find((word) => [...word].length > TEXT_LIMITS.word);
    if (longWord) issues.push(issue('text.word_length', file, `name word "${longWord}" is longer than ${TEXT_LIMITS.word} characters`));
    if (/kommo/i.test(name)) issues.push(issue('text.name_kommo', file, `name "${name}" must not contain "Kommo"`));
    if (!/(^|\s)(by|via|vía)\s+\S/i.test(name)) issues.push(issue('text.name_creator', file, `name "${name}" must end with "by"/"via" and the creator`));
  }
  if (typeof short === 'string' && [...short].length > TEXT_LIMITS.short) {
    issues.push(issue('text.short_length', file, `short description has ${[...short].length} characters (max ${TEXT_LIMITS.short})`));
  }
  if (typeof description === 'string') {
    if ([...description].length > TEXT_LIMITS.description) {
      issues.push(issue('text.description_length', file, `description has ${[...description].length} characters (max ${TEXT_LIMITS.description})`));
    }
    if (/<\s*script\b/i.test(description) || /\son[a-z]+\s*=/i.test(description)) {
      issues.push(issue('text.script_tag', file, 'description contains <script> or an inline event handler'));
    }
  }
  return issues;
}

function parseLocale(path: string, bytes: Uint8Array): { tree?: Json; issues: Issue[] } {
  const { text } = decodeText(path, bytes); // encoding problems are reported by checkTextFiles
  if (text === undefined) return { issues: [] };
  try {
    const tree: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (isObject(tree)) return { tree, issues: [] };
    return { issues: [issue('i18n.json', path, 'the top level is not an object')] };
  } catch (error) {
    return { issues: [issue('i18n.json', path, `does not parse as JSON: ${(error as Error).message}`)] };
  }
}

function diffShapes(path: string, shape: string[], reference: string[], referencePath: string): Issue[] {
  const missing = reference.filter((key) => !shape.includes(key));
  const extra = shape.filter((key) => !reference.includes(key));
  if (missing.length === 0 && extra.length === 0) return [];
  const parts = [
    missing.length ? `missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (+${missing.length - 5})` : ''}` : '',
    extra.length ? `extra ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ` (+${extra.length - 5})` : ''}` : '',
  ].filter(Boolean);
  return [issue('i18n.structure', path, `key structure differs from ${referencePath}: ${parts.join('; ')}`)];
}

export function checkLocales(manifest: Json, files: ArchiveFiles): Issue[] {
  const widget = isObject(manifest.widget) ? manifest.widget : {};
  const locales = Array.isArray(widget.locale) ? widget.locale.filter((l): l is string => typeof l === 'string') : [];
  const issues: Issue[] = [];
  const present = filePaths(files).filter((path) => path.startsWith('i18n/'));
  for (const path of present) {
    const lang = /^i18n\/([^/]+)\.json$/.exec(path)?.[1];
    if (!lang || !locales.includes(lang)) issues.push(issue('i18n.extra', path, 'not listed in widget.locale'));
  }
  const trees = new Map<string, Json>();
  for (const lang of locales) {
    const path = `i18n/${lang}.json`;
    const bytes = files[path];
    if (!bytes) {
      issues.push(issue('i18n.missing', path, `widget.locale lists "${lang}" but the file is missing`));
      continue;
    }
    const parsed = parseLocale(path, bytes);
    issues.push(...parsed.issues);
    if (parsed.tree) trees.set(path, parsed.tree);
  }
  const [referencePath, referenceTree] = [...trees.entries()][0] ?? [];
  const keys = manifestKeys(manifest);
  for (const [path, tree] of trees) {
    if (referencePath && referenceTree && path !== referencePath) {
      issues.push(...diffShapes(path, keyShape(tree), keyShape(referenceTree), referencePath));
    }
    for (const key of keys) {
      if (typeof resolveKey(tree, key) !== 'string') issues.push(issue('i18n.key', path, `manifest key "${key}" does not resolve to a string`));
    }
    issues.push(
      ...checkWidgetTexts(path, {
        name: resolveKey(tree, String(widget.name)),
        short: resolveKey(tree, String(widget.short_description)),
        description: resolveKey(tree, String(widget.description)),
      }),
    );
  }
  return issues;
}
