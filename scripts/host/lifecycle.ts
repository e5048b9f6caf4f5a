// Kommo's widget loader and lifecycle, as observed in Kommo's bundle
// (kommo-platform.md §3.1–§3.2): require the script by URL, mix in the base widget,
// `new` it, set ns/params/langs, check the three callbacks, then
// render → (init) → bind_actions → advancedSettings; on an area change destroy first.
import { listInstance } from './app.ts';
import { baseWidgetMethods } from './base-widget.ts';
import { optionalFailures, requireAsync } from './requirejs.ts';
import { recordError, type HostManifest, type HostState, type WidgetInstance } from './state.ts';

type Ctor = new () => WidgetInstance;

let moduleValue: unknown = null;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';

/** Loads script.js, the i18n file and the manifest the way Kommo does (once per page). */
export async function loadWidgetModule(state: HostState): Promise<void> {
  const { widgetPath, version } = state.config;
  const moduleId = `${widgetPath}/script.js?v=${version}`;
  const [value, manifest] = await requireAsync([`optional!${moduleId}`, `json!${widgetPath}/manifest.json?v=${version}`]);
  state.manifest = (manifest ?? {}) as HostManifest;
  state.langs = await loadLangs(state);
  moduleValue = value;
  state.loader = {
    moduleId,
    moduleType: typeof value,
    dropped: typeof value !== 'function',
    ...(typeof value !== 'function' ? { reason: optionalFailures.get(moduleId) ?? 'module value is not a function' } : {}),
  };
}

async function loadLangs(state: HostState): Promise<unknown> {
  const { widgetPath, version } = state.config;
  try {
    const [langs] = await requireAsync([`json!${widgetPath}/i18n/${state.query.lang}.json?v=${version}`]);
    return langs;
  } catch (err) {
    recordError(state, `i18n/${state.query.lang}.json`, err);
    if (state.query.lang === 'en') return {};
    const [fallback] = await requireAsync([`json!${widgetPath}/i18n/en.json?v=${version}`]);
    return fallback;
  }
}

/** The params object Kommo hands the widget: saved settings + Kommo's own keys. */
function buildParams(state: HostState): Record<string, unknown> {
  const { widgetCode, widgetPath, version } = state.config;
  return {
    ...state.savedSettings,
    id: '1101',
    status: state.installStatus,
    widget_code: widgetCode,
    path: widgetPath,
    version,
    oauth_client_uuid: 'c0ffee00-0000-4000-8000-00000000b17e',
    widget_active: state.installStatus === 'installed' ? 'Y' : 'N',
    images_path: `${widgetPath}/images`,
    support: state.manifest.widget?.support,
  };
}

function log(state: HostState, instance: WidgetInstance, call: string, detail?: string): void {
  state.events.push({ instance: instance.__hostInstance ?? 0, area: state.query.area, call, ...(detail !== undefined ? { detail } : {}) });
}

/** Calls `callbacks[name]` if it is a function; a throwing widget never breaks the page. */
export function callCallback(state: HostState, instance: WidgetInstance, name: string, ...args: unknown[]): unknown {
  const fn = instance.callbacks?.[name];
  if (typeof fn !== 'function') return undefined;
  try {
    const result: unknown = fn.apply(instance.callbacks, args);
    log(state, instance, name, isThenable(result) ? 'thenable' : String(result));
    return result;
  } catch (err) {
    log(state, instance, name, 'threw');
    recordError(state, `callbacks.${name}`, err);
    return undefined;
  }
}

function createInstance(state: HostState): WidgetInstance | null {
  if (typeof moduleValue !== 'function') return null;
  const WidgetCtor = moduleValue as Ctor;
  const proto = WidgetCtor.prototype as Record<string, unknown>;
  for (const [key, method] of Object.entries(baseWidgetMethods(state))) {
    if (!(key in proto)) proto[key] = method;
  }
  let instance: WidgetInstance;
  try {
    instance = new WidgetCtor();
  } catch (err) {
    recordError(state, 'new Widget()', err);
    return null;
  }
  instance.__hostInstance = ++state.instanceCounter;
  instance.ns = `.widget:${state.config.widgetCode}`;
  instance.init_once = state.manifest.widget?.init_once === true;
  instance.set_lang(state.langs);
  instance.params = {};
  instance.set_settings(buildParams(state));
  const cb = instance.callbacks;
  const usable = !!cb && ['render', 'init', 'bind_actions'].every((k) => typeof cb[k] === 'function');
  if (!usable) {
    if (state.loader) Object.assign(state.loader, { dropped: true, reason: 'callbacks.render/init/bind_actions must be functions' });
    return null;
  }
  return instance;
}

/** A new instance for the current area: render → init (when truthy) / bind_actions. */
export async function startInstance(state: HostState): Promise<void> {
  const instance = createInstance(state);
  if (!instance) return;
  state.current = instance;
  listInstance(state.config.widgetCode, instance);
  const $ = state.$;
  const rendered = callCallback(state, instance, 'render');
  const initWhenTruthy = (ok: unknown) => {
    if (!ok || state.current !== instance) return;
    $(document).trigger(`widget:${state.config.widgetCode}:loaded`);
    callCallback(state, instance, 'init');
  };
  let initDone: Promise<void> = Promise.resolve();
  if (isThenable(rendered)) {
    initDone = Promise.resolve(rendered).then(initWhenTruthy, (err: unknown) => recordError(state, 'callbacks.render (rejected)', err));
  } else {
    initWhenTruthy(rendered);
  }
  // Kommo calls bind_actions right after render returns, whatever render returned.
  callCallback(state, instance, 'bind_actions');
  if (state.query.area === 'advanced_settings') callCallback(state, instance, 'advancedSettings');
  await initDone;
}

/** Kommo's destroyAll for one widget: destroy(), unbind its namespace, drop its block. */
export function destroyInstance(state: HostState): void {
  const instance = state.current;
  if (!instance) return;
  callCallback(state, instance, 'destroy');
  const $ = state.$;
  if (instance.ns) $(document).off(instance.ns);
  $(`#widgets_block .card-widgets__widget-${state.config.widgetCode}`).remove();
  listInstance(state.config.widgetCode, null);
  state.current = null;
}
