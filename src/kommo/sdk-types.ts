// Our own types for the part of Kommo's widget API this widget uses, written from the
// documented facts (kommo-platform.md §3.2–§3.5, §12). Kommo publishes no npm package.
// Everything here describes values Kommo hands us; treat every member as possibly
// missing at run time (callers go through the readers in app.ts / settings.ts).

/** Areas our callbacks care about (`self.system().area`). */
type KommoArea =
  | 'lcard'
  | 'ccard'
  | 'comcard'
  | 'llist'
  | 'clist'
  | 'settings'
  | 'advanced_settings'
  | (string & {});

interface KommoSystem {
  area: KommoArea;
  amouser?: string;
  amouser_id?: number | string;
  subdomain?: string;
  domain?: string;
}

/**
 * The params object Kommo builds for the widget: the saved settings (field code →
 * value; `custom` fields hold a JSON string) plus Kommo's own keys.
 */
export interface KommoSettingsParams {
  widget_code?: string;
  path?: string;
  version?: string;
  id?: string | number;
  status?: string;
  widget_active?: 'Y' | 'N';
  images_path?: string;
  oauth_client_uuid?: string;
  /** Our fields (manifest.json `settings`). */
  api_key?: string;
  base_url?: string;
  relay_url?: string;
  options?: string;
  [field: string]: unknown;
}

interface RenderTemplateOptions {
  caption?: { class_name?: string; html?: string };
  body: string;
  render: string;
}

type InstallStatus = 'install' | 'installed' | 'not_configured';

/** The jQuery.ajax settings we pass to `$authorizedAjax`. */
interface KommoAjaxSettings {
  url: string;
  type: 'GET';
  /** 'text': jQuery hands the body over as it came (no JSON or script conversion). */
  dataType: 'text';
  timeout: number;
}

/** What a failed jQuery request gives its `fail` callbacks (the jqXHR), as far as we read it. */
export interface KommoAjaxFailure {
  status?: number;
  responseText?: string;
}

/** A jQuery Deferred/jqXHR, as far as we use it; treat every member as possibly missing. */
export interface KommoDeferred {
  done?(callback: (data: unknown, textStatus: string, xhr: { status?: number }) => void): unknown;
  fail?(callback: (xhr: KommoAjaxFailure | undefined, textStatus: string) => void): unknown;
  then?(onDone: (data: unknown) => void, onFail: (xhr: KommoAjaxFailure | undefined, textStatus?: string) => void): unknown;
  abort?(): void;
}

/** What Kommo mixes into the widget's prototype before calling `new Widget()`. */
export interface KommoWidgetBase {
  get_settings(): KommoSettingsParams;
  set_settings(patch: Partial<KommoSettingsParams>): void;
  params?: KommoSettingsParams;
  /** The whole i18n file for the current language (our locales/<lang>.json). */
  langs?: unknown;
  /** A top-level or dotted key: an object or a string. */
  i18n(key: string): unknown;
  system(): KommoSystem;
  render_template(options: RenderTemplateOptions, params?: Record<string, unknown>): unknown;
  /** jQuery event namespace, ".widget:<code>", set by Kommo after construction. */
  ns?: string;
  get_version(): string;
  set_status(status: 'install' | 'installed' | 'error'): void;
  get_install_status(): InstallStatus;
  /**
   * `$.ajax` to the integration's own server with header `X-Auth-Token`: a one-time JWT
   * (HS256, the integration's secret; claims iss, aud, jti, iat, nbf, exp, account_id,
   * user_id, subdomain, client_uuid). kommo-platform.md §3.4, "One-time tokens".
   */
  $authorizedAjax(settings: KommoAjaxSettings): KommoDeferred;
}

/** `onSave` gets the form: field code → value, plus whether the widget stays active. */
export interface KommoSaveParams {
  fields?: Record<string, unknown>;
  active?: 'Y' | 'N';
}

/**
 * `$modal` of `settings()`. The documented type is a jQuery object; we only need a way
 * to find elements inside it, and fall back to `document` when it is not usable.
 */
export type KommoModal = unknown;

export interface KommoCallbacks {
  render(): boolean;
  init(): boolean;
  bind_actions(): boolean;
  settings($modal?: KommoModal): boolean;
  onSave(params?: KommoSaveParams): boolean | Promise<boolean>;
  destroy(): void;
  advancedSettings(): boolean;
}

/** `APP.constant('user')` (§12). */
interface KommoUser {
  id: number;
  login?: string;
  name?: string;
  theme?: number;
}

/** One record of `APP.constant('managers')`, keyed by user id as a string (§12). */
interface KommoManager {
  is_admin?: 'Y' | 'N';
  free_user?: 'Y' | 'N';
  active?: boolean | 'Y' | 'N';
  login?: string;
  title?: string;
  theme?: 1 | 2;
}

export interface KommoConstants {
  user: KommoUser;
  managers: Record<string, KommoManager>;
  /** Typed only as `object` by Kommo itself; do not rely on its shape. */
  user_rights: object;
  account: { id?: number; subdomain?: string; [key: string]: unknown };
}

interface KommoMessage {
  header: string;
  text: string;
  date?: number;
  icon?: string;
}

interface KommoErrorMessage {
  header?: string;
  text: string;
  date?: number;
  link?: string;
}

interface KommoNotifications {
  show_message(message: KommoMessage): void;
  show_message_error(message: KommoErrorMessage & { header: string }): void;
  add_error(message: KommoErrorMessage): void;
}

/** The read-only subset of the global `APP` we use. Widgets must never write to it. */
export interface KommoApp {
  lang_id?: string;
  constant<K extends keyof KommoConstants>(key: K): KommoConstants[K] | undefined;
  notifications?: Partial<KommoNotifications>;
  data?: { current_card?: false | { id?: number | string } };
}
