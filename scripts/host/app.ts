// The global APP (and its deprecated alias AMOCRM) with the members Kommo documents
// (kommo-platform.md §3.5, §12). Widgets may only read APP: writes still happen, as on
// the real page, but are recorded so tests can fail on them.
import { ACCOUNT, OWNER_ID, USERS } from './people.ts';
import { isCardArea, type HostState } from './state.ts';
import type { HostArea, HostNotification } from './types.ts';

const CARDS: Record<'lcard' | 'ccard' | 'comcard', { id: number; entity: string; elementType: number; name: string }> = {
  lcard: { id: 1042, entity: 'leads', elementType: 2, name: 'Website chatbot — Loja Aurora' },
  ccard: { id: 5310, entity: 'contacts', elementType: 1, name: 'Ana Souza' },
  comcard: { id: 880, entity: 'companies', elementType: 3, name: 'Loja Aurora Ltda' },
};

export function cardFor(area: HostArea): (typeof CARDS)['lcard'] | null {
  return isCardArea(area) ? CARDS[area as keyof typeof CARDS] : null;
}

export function currentUser(state: HostState): (typeof USERS)['admin'] {
  return USERS[state.query.role];
}

function watched<T extends object>(target: T, label: string, writes: string[]): T {
  const note = (prop: string | symbol) => writes.push(`${label}.${String(prop)}`);
  return new Proxy(target, {
    set(obj, prop, value) {
      note(prop);
      return Reflect.set(obj, prop, value);
    },
    defineProperty(obj, prop, descriptor) {
      note(prop);
      return Reflect.defineProperty(obj, prop, descriptor);
    },
    deleteProperty(obj, prop) {
      note(prop);
      return Reflect.deleteProperty(obj, prop);
    },
  });
}

function showToast(state: HostState, note: HostNotification): void {
  state.notifications.push(note);
  const box = document.getElementById('kommo-notifications');
  if (!box) return;
  const toast = document.createElement('div');
  toast.className = `kommo-notification${note.kind === 'error' ? ' kommo-notification_error' : ''}`;
  toast.setAttribute('data-kind', note.kind);
  const header = document.createElement('div');
  header.className = 'kommo-notification__header';
  header.textContent = note.header;
  // Kommo links a notification when it has a link; only same-origin paths here.
  const body = document.createElement(note.link ? 'a' : 'div');
  if (note.link) body.setAttribute('href', note.link);
  body.textContent = note.text;
  toast.append(header, body);
  box.append(toast);
  setTimeout(() => toast.remove(), 8000);
}

type Message = { header?: unknown; text?: unknown; link?: unknown; date?: unknown };
const str = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));
const localLink = (value: unknown) => (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined);

/** One recorded APP.notifications call: which method, what it said, where it links. */
function recorded(method: string, kind: HostNotification['kind'], m: Message | undefined, header: string): HostNotification {
  const link = localLink(m?.link);
  return { method, kind, header, text: str(m?.text), ...(link ? { link } : {}), ...(typeof m?.date === 'number' ? { date: m.date } : {}) };
}

/** Everything APP exposes, built fresh from the host state on every read. */
export function installApp(state: HostState): { setArea(area: HostArea): void } {
  // The host writes through `data` and `raw`; the widget only ever sees the proxies.
  const data = { current_card: false as false | { id: number; model: unknown; element_type: number } };
  const raw = {
    lang_id: state.query.lang,
    constant(key: string): unknown {
      const user = currentUser(state);
      const theme = state.query.scheme === 'dark' ? 2 : 1;
      switch (key) {
        case 'user':
          return { ...user, theme };
        case 'managers':
          return {
            [String(USERS.admin.id)]: { id: USERS.admin.id, login: USERS.admin.login, title: USERS.admin.name, is_admin: 'Y', free_user: 'N', active: true, group: 'group_0', theme: state.query.role === 'admin' ? theme : 1 },
            [String(USERS.member.id)]: { id: USERS.member.id, login: USERS.member.login, title: USERS.member.name, is_admin: 'N', free_user: 'N', active: true, group: 'group_0', theme: state.query.role === 'member' ? theme : 1 },
          };
        case 'user_rights':
          return { is_admin: state.query.role === 'admin', leads: { view: 'A', edit: 'A' } };
        case 'account':
          return { ...ACCOUNT, created_by: OWNER_ID, language: state.query.lang };
        default:
          return undefined;
      }
    },
    notifications: {
      show_message: (m: Message) => showToast(state, recorded('show_message', 'message', m, str(m?.header))),
      show_message_error: (m: Message) => showToast(state, recorded('show_message_error', 'error', m, str(m?.header))),
      add_error: (m: Message) => showToast(state, recorded('add_error', 'error', m, str(m?.header) || 'Error')),
      show_notification: (m: { text?: Message; type?: string }) =>
        showToast(state, recorded('show_notification', 'notification', m?.text, str(m?.text?.header))),
    },
    data: watched(data, 'APP.data', state.appWrites),
    widgets: { list: {} as Record<string, unknown>, system: { area: state.query.area } },
    getWidgetsArea: () => state.query.area,
    isCard: () => isCardArea(state.query.area),
    getBaseEntity: () => cardFor(state.query.area)?.entity ?? 'leads',
  };

  const setArea = (area: HostArea) => {
    const card = cardFor(area);
    raw.widgets.system.area = area;
    data.current_card = card
      ? { id: card.id, element_type: card.elementType, model: { id: card.id, attributes: { name: card.name }, get: (k: string) => (k === 'name' ? card.name : undefined) } }
      : false;
  };
  setArea(state.query.area);

  const app = watched(raw, 'APP', state.appWrites);
  const globals = window as unknown as Record<string, unknown>;
  globals.APP = app;
  globals.AMOCRM = app;
  return { setArea };
}

/** The host's own bookkeeping of the live instance in APP.widgets.list (not a widget write). */
export function listInstance(code: string, instance: unknown): void {
  const app = (window as unknown as { APP?: { widgets?: { list?: Record<string, unknown> } } }).APP;
  const list = app?.widgets?.list;
  if (!list) return;
  if (instance) list[code] = instance;
  else delete list[code];
}
