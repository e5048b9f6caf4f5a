// Locale texts against Kommo's length limits. Source: kommo-platform.md §7 "Naming/text"
// (from Kommo's Marketplace checklist): name ≤ 30 characters with no word over 19, short
// description ≤ 50, install-screen description ≤ 400; §2.2 / §7: ai_agent_description
// ≤ 100 (recommended, enforced here). Counted in Unicode code points.
import { isObject } from '../archive/manifest.ts';
import { resolveKey } from '../archive/i18n.ts';
import { TEXT_LIMITS } from '../archive/rules.ts';
import { finding, type Finding } from './finding.ts';

const AI_AGENT_LIMIT = 100;
const length = (text: string) => [...text].length;

/** The line of every key path ("widget.name") in a JSON text, found by a small tokenizer. */
function keyLines(json: string): Map<string, number> {
  const lines = new Map<string, number>();
  const path: Array<string | number> = [];
  const containers: Array<'object' | 'array'> = [];
  let line = 1;
  let pendingKey: string | undefined;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '\n') line++;
    else if (c === '{' || c === '[') {
      if (pendingKey !== undefined) path.push(pendingKey);
      else if (containers.length) path.push('[]');
      containers.push(c === '{' ? 'object' : 'array');
      pendingKey = undefined;
    } else if (c === '}' || c === ']') {
      containers.pop();
      if (containers.length) path.pop();
      pendingKey = undefined;
    } else if (c === '"') {
      let end = i + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const text = json.slice(i, end + 1);
      const rest = json.slice(end + 1).trimStart();
      if (containers.at(-1) === 'object' && rest.startsWith(':') && pendingKey === undefined) {
        pendingKey = JSON.parse(text) as string;
        lines.set([...path, pendingKey].join('.'), line);
      } else pendingKey = undefined;
      i = end;
    } else if (c === ',') pendingKey = undefined;
  }
  return lines;
}

interface Text {
  what: string;
  key: string;
  limit: number;
}

export function checkLocaleLengths(manifest: Record<string, unknown>, files: Record<string, string>): Finding[] {
  const widget = isObject(manifest.widget) ? manifest.widget : {};
  const keyOf = (field: string) => (typeof widget[field] === 'string' ? widget[field] : `widget.${field}`);
  const texts: Text[] = [
    { what: 'name', key: keyOf('name'), limit: TEXT_LIMITS.name },
    { what: 'short description', key: keyOf('short_description'), limit: TEXT_LIMITS.short },
    { what: 'description', key: keyOf('description'), limit: TEXT_LIMITS.description },
    { what: 'AI-agent description', key: 'widget.ai_agent_description', limit: AI_AGENT_LIMIT },
  ];
  const findings: Finding[] = [];
  for (const [file, json] of Object.entries(files)) {
    let tree: unknown;
    try {
      tree = JSON.parse(json);
    } catch {
      continue; // npm run validate reports broken JSON
    }
    const lines = keyLines(json);
    for (const { what, key, limit } of texts) {
      const value = resolveKey(tree, key);
      if (typeof value !== 'string') continue;
      const line = lines.get(key) ?? 1;
      if (length(value) > limit) findings.push(finding('locale.length', file, line, `${what} (${key}) has ${length(value)} characters, Kommo allows ${limit}`));
      const long = what === 'name' ? value.split(/\s+/).find((word) => length(word) > TEXT_LIMITS.word) : undefined;
      if (long) findings.push(finding('locale.length', file, line, `name word "${long}" has ${length(long)} characters, Kommo allows ${TEXT_LIMITS.word}`));
    }
  }
  return findings;
}
