// Critical alerts (issue 8): while the check says critical, each Kommo user gets one
// notification a day through APP.notifications, on whatever page they are (the
// `everywhere` location draws nothing, it only listens). The day is remembered per user
// in localStorage: a date and a user id, never the key. Without APP.notifications, or
// when it throws, nothing is sent and nothing is thrown. APP is only read, never written.
import { readConstant } from './app.ts';
import { readStrings } from './language.ts';
import { reportCaught } from './notify.ts';
import { dashboardPath, problemText } from './problem-text.ts';
import { readParams, readWidgetCode } from './settings.ts';
import { readUserRole } from './user-role.ts';
import type { KommoApp, KommoWidgetBase } from './sdk-types.ts';
import type { HealthSource } from '../monitor/index.ts';

const KEY_PREFIX = 'bytegpt-health:alerted:';

type DayStore = Pick<Storage, 'getItem' | 'setItem'>;

export interface AlertEnv {
  widget: Partial<KommoWidgetBase>;
  app(): KommoApp | null;
  /** The report source; asked once, when the alerts start. */
  source(): HealthSource;
  /** Defaults: the page's localStorage and clock (tests pass their own). */
  storage?(): DayStore | null;
  now?(): Date;
}

/** Per user, when localStorage is blocked: at least this page does not repeat itself. */
const alertedInPage = new Map<string, string>();

function pageStorage(): DayStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be disabled by the browser; reading the property then throws.
    return null;
  }
}

/** The user's own calendar day, "YYYY-MM-DD" (a new day starts at their midnight). */
function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function readDay(store: DayStore | null, key: string): string | null {
  try {
    return store ? store.getItem(key) : null;
  } catch {
    return null;
  }
}

function writeDay(store: DayStore | null, key: string, day: string): void {
  try {
    if (store) return store.setItem(key, day);
  } catch {
    // Full or blocked storage: fall back to this page's memory.
  }
  alertedInPage.set(key, day);
}

function maybeAlert(env: AlertEnv, source: HealthSource): void {
  const { report, configured, checking } = source.snapshot();
  // Only a settled critical report of a configured widget: no key is not an outage.
  if (!configured || checking || report?.status !== 'critical') return;
  const app = env.app();
  const notifications = app?.notifications;
  if (typeof notifications?.add_error !== 'function' && typeof notifications?.show_message_error !== 'function') return;
  const userId = readConstant(app, 'user')?.id;
  if (userId === undefined || userId === null) return;

  const key = `${KEY_PREFIX}${String(userId)}`;
  const now = env.now?.() ?? new Date();
  const today = localDay(now);
  const store = env.storage ? env.storage() : pageStorage();
  if (readDay(store, key) === today || alertedInPage.get(key) === today) return;

  const { t, fmt } = readStrings(env.widget, app);
  const admin = readUserRole(app) === 'admin';
  const problem = problemText(report, t, fmt);
  const message = {
    header: t('alerts.header'),
    text: t(admin ? 'alerts.text_admin' : 'alerts.text_member', { problem }),
    date: Math.floor(now.getTime() / 1000),
    // Members cannot open Kommo's settings: their notice says to ask the admin instead.
    ...(admin ? { link: dashboardPath(readWidgetCode(readParams(env.widget))) } : {}),
  };
  try {
    // Called as methods of APP.notifications (Kommo's `this`); add_error stays in the bell.
    if (typeof notifications.add_error === 'function') notifications.add_error(message);
    else notifications.show_message_error?.(message);
  } catch (error) {
    reportCaught(error);
    return;
  }
  writeDay(store, key, today);
}

/** Starts listening; the returned function stops. Never throws. */
export function startAlerts(env: AlertEnv): () => void {
  let stop = () => {};
  try {
    const source = env.source();
    const check = () => {
      try {
        maybeAlert(env, source);
      } catch (error) {
        reportCaught(error);
      }
    };
    stop = source.subscribe(check);
    check();
  } catch (error) {
    reportCaught(error);
  }
  return () => {
    try {
      stop();
    } catch (error) {
      reportCaught(error);
    }
  };
}
