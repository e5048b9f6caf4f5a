// What script.js lends admin.js, one value per name of SHARED_MODULES (the type makes
// the two lists match), so admin.js runs on this file's Preact, hooks and option
// schemas. Here each is the whole module; the widget build replaces this module with
// one that lends only the names admin.js reads (scripts/bundle/split.ts), which keeps
// the rest of Preact tree-shaken out of script.js.
import * as preact from 'preact';
import * as hooks from 'preact/hooks';
import * as jsxRuntime from 'preact/jsx-runtime';
import * as options from '../health/options.ts';
import type { SharedModule } from './shared-ids.ts';

export const SHARED_VALUES: Readonly<Record<SharedModule, object>> = {
  preact,
  'preact/hooks': hooks,
  'preact/jsx-runtime': jsxRuntime,
  'src/health/options.ts': options,
};
