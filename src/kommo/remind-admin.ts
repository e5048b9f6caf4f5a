// "Remind the admin" for members (issue 8, roles): one Kommo task for an account admin,
// due by the end of today, on the card the member is looking at, saying what is wrong
// and where to fix it. Before creating, the admin's open tasks are read: while one of
// ours is open (recognised by a marker that does not depend on the language) nothing
// new is created. Kommo is asked with the member's own session; nothing here is HTML.
// The answers are schema-checked by engine.js, loaded when the button is pressed.
import type { EngineModule } from '../lazy/engine.ts';
import type { KommoTask } from '../lazy/engine-tasks.ts';
import { readConstant } from './app.ts';
import { pageEngineLoader, type LoadEngineModule } from './engine-page.ts';
import { reportCaught } from './notify.ts';
import { dashboardPath, problemText } from './problem-text.ts';
import { createTasksApi } from './remind-tasks-api.ts';
import { readParams, readWidgetCode } from './settings.ts';
import type { KommoApp, KommoWidgetBase } from './sdk-types.ts';
import type { Report } from '../health/types.ts';
import type { Formatters, Translate } from '../i18n/index.ts';
import type { RemindState } from '../ui/RemindAdmin.tsx';

/** Ends every task text we create; how a later press knows the task is ours. */
const MARKER = '#bytegpt_billing_health';

/** The card areas and the entity type Kommo's tasks API calls them. */
const ENTITY_BY_AREA: Readonly<Record<string, string>> = { lcard: 'leads', ccard: 'contacts', comcard: 'companies' };

export interface RemindEnv {
  widget: Partial<KommoWidgetBase>;
  app(): KommoApp | null;
  t: Translate;
  fmt: Formatters;
  /** The latest report: the task names its worst finding. */
  report(): Pick<Report, 'status' | 'findings'> | null;
  /** Defaults: the page's fetch, its origin and clock (tests pass fakes). */
  fetch?: typeof fetch;
  origin?: string;
  now?(): Date;
  /** engine.js's page-wide load by default (tests pass the module). */
  loadEngine?: LoadEngineModule;
}

export interface RemindController {
  state(): RemindState;
  /** Checks the admin's open tasks, then creates ours if none is open. Never rejects. */
  remind(): Promise<void>;
  /** Called after every change of state(); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

interface Admin {
  id: number;
  name: string;
}

const isActive = (value: unknown) => value !== false && value !== 'N' && value !== 0 && value !== '0';

/**
 * An active admin other than the current user: the account owner when Kommo names one
 * (`account.created_by`), else the admin with the lowest id (the oldest user, usually
 * the one who opened the account). The same member always reminds the same admin.
 */
function pickAdmin(app: KommoApp | null): Admin | null {
  const managers = readConstant(app, 'managers');
  if (!managers || typeof managers !== 'object') return null;
  const me = String(readConstant(app, 'user')?.id ?? '');
  const admins: Admin[] = [];
  for (const [key, record] of Object.entries(managers)) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0 || key === me) continue;
    if (!record || typeof record !== 'object' || record.is_admin !== 'Y' || !isActive(record.active)) continue;
    const title = typeof record.title === 'string' ? record.title.trim() : '';
    admins.push({ id, name: title || (typeof record.login === 'string' ? record.login : '') });
  }
  const owner = Number(readConstant(app, 'account')?.created_by);
  return admins.find((a) => a.id === owner) ?? admins.sort((a, b) => a.id - b.id)[0] ?? null;
}

function readArea(widget: Partial<KommoWidgetBase>): string {
  try {
    const area = typeof widget.system === 'function' ? widget.system()?.area : undefined;
    return typeof area === 'string' ? area : '';
  } catch {
    return '';
  }
}

/** The saved card on screen, as the tasks API names it; null off a card or on a new one. */
function readEntity(widget: Partial<KommoWidgetBase>, app: KommoApp | null): { id: number; type: string } | null {
  const type = ENTITY_BY_AREA[readArea(widget)];
  const card = app?.data?.current_card;
  const id = card && typeof card === 'object' ? Number(card.id) : Number.NaN;
  return type && Number.isSafeInteger(id) && id > 0 ? { id, type } : null;
}

/** 23:59:59 today on the user's own clock, in Unix seconds (Kommo's complete_till). */
function endOfToday(now: Date): number {
  const end = new Date(now.getTime());
  end.setHours(23, 59, 59, 0);
  return Math.floor(end.getTime() / 1000);
}

const isOurOpenTask = (task: KommoTask, adminId: number) =>
  task.is_completed !== true && task.text.includes(MARKER) && (task.responsible_user_id ?? adminId) === adminId;

export function createRemindAdmin(env: RemindEnv): RemindController {
  const loadEngine = env.loadEngine ?? pageEngineLoader(() => readParams(env.widget).path);
  let state: RemindState = { phase: 'idle' };
  let running: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  const set = (next: RemindState) => {
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        reportCaught(error);
      }
    }
  };

  const taskText = (origin: string): string => {
    const { t, fmt } = env;
    const report = env.report();
    const problem = report ? problemText(report, t, fmt) : t('status.unknown');
    const url = `${origin}${dashboardPath(readWidgetCode(readParams(env.widget)))}`;
    return `${t('remind.task_text', { problem, url, widget: t('widget.name') })} ${MARKER}`;
  };

  async function run(): Promise<void> {
    const app = env.app();
    const admin = pickAdmin(app);
    if (!admin) return set({ phase: 'error', error: 'no_admin' });
    const adminName = admin.name;
    const entity = readEntity(env.widget, app);
    if (!entity) return set({ phase: 'error', error: 'no_entity', adminName });
    const fetchFn = env.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
    const origin = env.origin ?? globalThis.location?.origin ?? '';
    if (!fetchFn) return set({ phase: 'error', error: 'network', adminName });
    set({ phase: 'sending', adminName });

    let engine: EngineModule;
    try {
      engine = await loadEngine();
    } catch {
      // Traced by the loader; the next press asks for the file again.
      return set({ phase: 'error', error: 'widget_files', adminName });
    }
    const api = createTasksApi(origin, fetchFn, engine);
    const open = await api.listOpen(admin.id);
    if (!open.ok) return set({ phase: 'error', error: open.error, adminName });
    if (open.value.some((task) => isOurOpenTask(task, admin.id))) return set({ phase: 'already', adminName });
    const created = await api.create({
      text: taskText(origin),
      complete_till: endOfToday(env.now?.() ?? new Date()),
      responsible_user_id: admin.id,
      entity_id: entity.id,
      entity_type: entity.type,
    });
    set(created.ok ? { phase: 'sent', adminName } : { phase: 'error', error: created.error, adminName });
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    remind() {
      // One press at a time, and nothing more once the admin has their task.
      if (running) return running;
      if (state.phase === 'sent' || state.phase === 'already') return Promise.resolve();
      const current = run()
        .catch((error: unknown) => {
          reportCaught(error);
          set({ phase: 'error', error: 'failed', ...(state.adminName ? { adminName: state.adminName } : {}) });
        })
        .finally(() => {
          running = null;
        });
      running = current;
      return current;
    },
  };
}
