// t(): dotted keys into the Kommo i18n object (our locales/<lang>.json), with
// {placeholder} interpolation. Pure: the caller hands in whatever Kommo loaded.

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: string, params?: TranslateParams) => string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks `a.b.c`; a literal flat key ("a.b.c" at the top) is accepted too. */
function lookup(tree: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, part)) {
      node = undefined;
      break;
    }
    node = node[part];
  }
  if (typeof node === 'string') return node;
  const flat = Object.prototype.hasOwnProperty.call(tree, key) ? tree[key] : undefined;
  return typeof flat === 'string' ? flat : undefined;
}

/** Replaces {name} with params.name; a placeholder without a value stays as written. */
function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Builds t() over `langs` (anything: a missing or broken i18n file must not break the
 * widget) and, optionally, a fallback tree tried before giving up and returning the key.
 */
export function createT(langs: unknown, fallback?: unknown): Translate {
  const primary = isRecord(langs) ? langs : {};
  const secondary = isRecord(fallback) ? fallback : {};
  return (key, params) => {
    const template = lookup(primary, key) ?? lookup(secondary, key) ?? key;
    return interpolate(template, params);
  };
}
