// The widget's other JavaScript files (admin.js, engine.js): script.js requires them by URL from the
// widget's folder through Kommo's RequireJS (kommo-platform.md §1.1, "other files"), so
// each must be one anonymous define() whose dependencies are host modules or modules
// script.js defines itself under versioned ids (`<name>@<version>/<module>`), of this
// archive's version, so a file from another build can never run against this one. The
// same source scans as script.js: no eval, no minified own code, no mocks, console.
import { HOST_MODULES, issue, warning, type Issue } from './rules.ts';
import { runInSandbox, scanSource } from './script.ts';

/** `<widget>@<version>/<module>`, the ids script.js defines before it requires a lazy file. */
const SHARED_ID = /^[a-z][a-z0-9-]*@([^/\s]+)\/[\w./-]+$/i;

function checkLazyAmd(file: string, source: string, version: string | null): Issue[] {
  const { calls, error } = runInSandbox(source, file);
  if (error) return [issue('lazy.amd', file, `throws while loading: ${error}`)];
  if (calls.length !== 1) return [issue('lazy.amd', file, `must call define() exactly once, called it ${calls.length} times`)];
  const [deps, factory] = calls[0] ?? [];
  if (!Array.isArray(deps) || !deps.every((dep) => typeof dep === 'string')) {
    return [issue('lazy.amd', file, 'must call an anonymous define([deps], factory): script.js requires it by URL')];
  }
  if (typeof factory !== 'function') return [issue('lazy.amd', file, `define()'s factory must be a function, found ${typeof factory}`)];
  const issues: Issue[] = [];
  for (const dep of deps as string[]) {
    if (HOST_MODULES.includes(dep)) continue;
    const shared = SHARED_ID.exec(dep);
    if (!shared) issues.push(issue('lazy.deps', file, `depends on "${dep}", which neither Kommo's page nor script.js provides`));
    else if (version !== null && shared[1] !== version) {
      issues.push(issue('lazy.deps', file, `depends on "${dep}" of version ${shared[1]}, but the archive is version ${version}`));
    }
  }
  return issues;
}

/** The file names script.js holds as whole string literals ("engine.js"): what it loads on demand. */
function namedFiles(script: string): Set<string> {
  return new Set([...script.matchAll(/["'`]([\w.-]+\.m?js)["'`]/g)].map((match) => match[1] ?? '').filter((name) => name !== 'script.js'));
}

/**
 * script.js against the archive's other .js files: a file it names but the archive lacks
 * would fail to load on every page (an error); a file it never names is dead weight,
 * which Kommo asks to delete (a warning).
 */
export function checkLazyNames(script: string, lazyPaths: readonly string[]): Issue[] {
  const named = namedFiles(script);
  const issues: Issue[] = [];
  for (const name of named) {
    if (!lazyPaths.includes(name)) issues.push(issue('lazy.missing', 'script.js', `loads ${name} on demand, but the archive has no ${name} at its root`));
  }
  for (const path of lazyPaths) {
    if (!named.has(path)) issues.push(warning('lazy.unused', path, 'script.js never names this file, so nothing loads it; delete it or load it'));
  }
  return issues;
}

/** Every check for one lazily loaded .js file; `version` is the manifest's widget.version. */
export function checkLazyScript(file: string, source: string, version: string | null): Issue[] {
  return [...checkLazyAmd(file, source, version), ...scanSource(source, file)];
}
