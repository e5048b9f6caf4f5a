// Critical alerts: one Kommo notification per user per day, remembered in storage;
// nothing without APP.notifications, nothing thrown when it throws, APP never written.
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../locales/en.json';
import { startAlerts, type AlertEnv } from '../../../src/kommo/alerts.ts';
import type { KommoApp, KommoWidgetBase } from '../../../src/kommo/sdk-types.ts';
import type { Report, Status } from '../../../src/health/types.ts';
import type { HealthSource } from '../../../src/monitor/index.ts';

type Snapshot = ReturnType<HealthSource['snapshot']>;

const report = (status: Status): Report => ({
  status,
  checkedAt: '2026-11-27T10:00:00.000Z',
  findings: status === 'critical' ? [{ code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' }] : [],
});

function fakeSource(initial: Partial<Snapshot> = {}) {
  let state: Snapshot = { report: report('critical'), checking: false, configured: true, ...initial };
  const listeners = new Set<() => void>();
  const source = {
    snapshot: () => state,
    subscribe: (fn: () => void) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
  } as unknown as HealthSource;
  return {
    source,
    listeners,
    push(patch: Partial<Snapshot>) {
      state = { ...state, ...patch };
      for (const fn of [...listeners]) fn();
    },
  };
}

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

type Notifications = NonNullable<KommoApp['notifications']>;

function makeApp(opts: { userId?: number; admin?: boolean; notifications?: Partial<Notifications> | null } = {}) {
  const add_error = vi.fn();
  const show_message_error = vi.fn();
  const userId = opts.userId ?? 5;
  const constants: Record<string, unknown> = {
    user: { id: userId },
    managers: { [String(userId)]: { is_admin: opts.admin === false ? 'N' : 'Y' } },
  };
  const notifications = opts.notifications === undefined ? { add_error, show_message_error } : opts.notifications;
  // Frozen: a write to APP would throw (and the alert would not go out).
  const app = Object.freeze({
    lang_id: 'en',
    constant: ((key: string) => constants[key]) as KommoApp['constant'],
    ...(notifications ? { notifications: Object.freeze(notifications) } : {}),
  }) as KommoApp;
  return { app, add_error, show_message_error };
}

const widget = { langs: en, get_settings: () => ({ widget_code: 'bytegpt_billing_health' }) } as unknown as Partial<KommoWidgetBase>;

function start(opts: { app: KommoApp | null; fake?: ReturnType<typeof fakeSource>; storage?: ReturnType<typeof memoryStorage>; now?: () => Date }) {
  const fake = opts.fake ?? fakeSource();
  const storage = opts.storage ?? memoryStorage();
  const env: AlertEnv = {
    widget,
    app: () => opts.app,
    source: () => fake.source,
    storage: () => storage,
    now: opts.now ?? (() => new Date('2026-11-27T10:00:00Z')),
  };
  return { fake, storage, stop: startAlerts(env) };
}

afterEach(() => vi.restoreAllMocks());

describe('critical alerts', () => {
  it('tells an admin once, with a link to the dashboard, and remembers the day (never the key)', () => {
    const { app, add_error } = makeApp();
    const { fake, storage } = start({ app });
    expect(add_error).toHaveBeenCalledTimes(1);
    expect(add_error).toHaveBeenCalledWith({
      header: en.alerts.header,
      text: en.alerts.text_admin.replace('{problem}', en.findings.credits_exhausted.title),
      date: Date.UTC(2026, 10, 27, 10) / 1000,
      link: '/settings/widgets/bytegpt_billing_health/',
    });
    expect([...storage.map]).toEqual([['bytegpt-health:alerted:5', '2026-11-27']]);
    fake.push({ checking: true });
    fake.push({ checking: false, report: report('critical') });
    expect(add_error).toHaveBeenCalledTimes(1);
  });

  it('a member is told to ask the admin, with no link to settings they cannot open', () => {
    const { app, add_error } = makeApp({ admin: false });
    start({ app });
    expect(add_error).toHaveBeenCalledWith(expect.not.objectContaining({ link: expect.anything() }));
    expect(add_error.mock.calls[0]![0].text).toBe(en.alerts.text_member.replace('{problem}', en.findings.credits_exhausted.title));
  });

  it('once per user per day: a reload the same day is quiet, the next day alerts again, another user gets theirs', () => {
    const storage = memoryStorage();
    let now = new Date('2026-11-27T08:00:00Z');
    const first = makeApp();
    start({ app: first.app, storage, now: () => now }).stop();
    start({ app: first.app, storage, now: () => now }).stop();
    expect(first.add_error).toHaveBeenCalledTimes(1);

    const other = makeApp({ userId: 6 });
    start({ app: other.app, storage, now: () => now });
    expect(other.add_error).toHaveBeenCalledTimes(1);

    now = new Date('2026-11-28T00:30:00Z');
    start({ app: first.app, storage, now: () => now });
    expect(first.add_error).toHaveBeenCalledTimes(2);
  });

  it('alerts when the status turns critical, not before', () => {
    const { app, add_error } = makeApp();
    const fake = fakeSource({ report: report('ok') });
    start({ app, fake });
    fake.push({ report: report('warning') });
    expect(add_error).not.toHaveBeenCalled();
    fake.push({ report: report('critical') });
    expect(add_error).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['while a check runs', { checking: true }],
    ['without a key (the empty key reads as critical)', { configured: false }],
    ['before any report', { report: null }],
  ])('stays quiet %s', (_label, patch) => {
    const { app, add_error } = makeApp();
    start({ app, fake: fakeSource(patch) });
    expect(add_error).not.toHaveBeenCalled();
  });

  it('uses show_message_error when add_error is missing', () => {
    const show_message_error = vi.fn();
    const { app } = makeApp({ notifications: { show_message_error } });
    start({ app });
    expect(show_message_error).toHaveBeenCalledTimes(1);
    expect(show_message_error.mock.calls[0]![0]).toMatchObject({ header: en.alerts.header });
  });

  it('without APP, APP.notifications or a user: sends nothing, throws nothing, remembers nothing', () => {
    for (const app of [null, makeApp({ notifications: null }).app, makeApp({ notifications: {} }).app]) {
      const { storage, stop } = start({ app });
      expect(storage.map.size).toBe(0);
      expect(() => stop()).not.toThrow();
    }
    const noUser = { ...makeApp(), app: { constant: () => undefined, notifications: { add_error: vi.fn() } } as unknown as KommoApp };
    start({ app: noUser.app });
    expect(noUser.app.notifications!.add_error).not.toHaveBeenCalled();
  });

  it('a throwing APP.notifications is traced, not thrown, and the next change tries again', () => {
    const trace = vi.spyOn(console, 'trace').mockImplementation(() => {});
    const add_error = vi.fn(() => {
      throw new Error('Kommo broke');
    });
    const { app } = makeApp({ notifications: { add_error } });
    const { fake, storage } = start({ app });
    expect(trace).toHaveBeenCalled();
    expect(storage.map.size).toBe(0);
    fake.push({ checking: false });
    expect(add_error).toHaveBeenCalledTimes(2);
  });

  it('a source or storage that throws never reaches the caller', () => {
    vi.spyOn(console, 'trace').mockImplementation(() => {});
    const { app, add_error } = makeApp({ userId: 99 });
    const broken: AlertEnv = {
      widget,
      app: () => app,
      source: () => {
        throw new Error('no source');
      },
    };
    expect(() => startAlerts(broken)()).not.toThrow();
    // Storage that refuses: the page itself still remembers the day.
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    const fake = fakeSource();
    startAlerts({ widget, app: () => app, source: () => fake.source, storage: () => refusing });
    fake.push({ checking: false });
    expect(add_error).toHaveBeenCalledTimes(1);
  });

  it('stop() unsubscribes', () => {
    const { app } = makeApp();
    const { fake, stop } = start({ app, fake: fakeSource({ report: report('ok') }) });
    expect(fake.listeners.size).toBe(1);
    stop();
    expect(fake.listeners.size).toBe(0);
  });
});
