// "Remind the admin" against a fake Kommo tasks API (fetch): one task, a second press
// finds it and creates nothing, each Kommo error has its own outcome, and the admin is
// picked the same way every time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../locales/en.json';
import { createRemindAdmin, type RemindEnv } from '../../../src/kommo/remind-admin.ts';
import type { KommoApp, KommoWidgetBase } from '../../../src/kommo/sdk-types.ts';
import type { Report } from '../../../src/health/types.ts';
import { createFormatters, createT } from '../../../src/i18n/index.ts';

const ORIGIN = 'https://bytebio.kommo.com';
const NOW = new Date('2026-11-27T10:15:00Z'); // the tests run with TZ=UTC
const END_OF_DAY = Date.UTC(2026, 10, 27, 23, 59, 59) / 1000;
const CRITICAL: Report = {
  status: 'critical',
  checkedAt: NOW.toISOString(),
  findings: [
    { code: 'card_expiring', severity: 'warning', params: { daysLeft: 3 } },
    { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' },
  ],
};

interface Sent {
  method: string;
  url: string;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

interface StoredTask {
  id: number;
  text: string;
  responsible_user_id: number;
  is_completed: boolean;
}

/** Kommo's tasks API in miniature: 204 when empty, _embedded otherwise, ids on create. */
function fakeKommo() {
  const tasks: StoredTask[] = [];
  const sent: Sent[] = [];
  let failWith: number | 'network' | 'junk' | null = null;
  let failOn: 'GET' | 'POST' | 'any' = 'any';
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    sent.push({ method, url, credentials: init.credentials, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (failWith !== null && (failOn === 'any' || failOn === method)) {
      if (failWith === 'network') throw new TypeError('Failed to fetch');
      if (failWith === 'junk') return new Response('<html>oops</html>', { status: 200 });
      return Response.json({ title: 'Error', type: `https://httpstatus.es/${failWith}`, status: failWith, detail: 'no' }, { status: failWith });
    }
    if (method === 'POST') {
      const [task] = JSON.parse(String(init.body)) as Array<{ text: string; responsible_user_id: number }>;
      const id = 9000 + tasks.length;
      tasks.push({ id, text: task!.text, responsible_user_id: task!.responsible_user_id, is_completed: false });
      return Response.json({ _embedded: { tasks: [{ id, request_id: '0' }] } });
    }
    const params = new URL(url).searchParams;
    const who = Number(params.get('filter[responsible_user_id]'));
    const open = tasks.filter((t) => !t.is_completed && t.responsible_user_id === who);
    if (open.length === 0) return new Response(null, { status: 204 });
    return Response.json({ _page: 1, _embedded: { tasks: open.map((t) => ({ ...t, entity_type: 'leads', entity_id: 42, complete_till: 1 })) } });
  });
  return {
    tasks,
    sent,
    fetch: fetch as unknown as typeof globalThis.fetch,
    fail(status: typeof failWith, on: typeof failOn = 'any') {
      failWith = status;
      failOn = on;
    },
  };
}

type Managers = Record<string, { is_admin?: 'Y' | 'N'; active?: boolean; title?: string; login?: string }>;

const TEAM: Managers = {
  '3': { is_admin: 'Y', active: true, title: 'Carla Admin' },
  '1': { is_admin: 'Y', active: false, title: 'Old Owner' },
  '5': { is_admin: 'N', active: true, title: 'Ana Member' },
  '8': { is_admin: 'Y', active: true, title: 'Bruno Admin' },
};

function makeApp(opts: { managers?: Managers | null; userId?: number; card?: false | { id: number | string }; account?: Record<string, unknown> } = {}): KommoApp {
  const constants: Record<string, unknown> = {
    user: { id: opts.userId ?? 5 },
    managers: opts.managers === undefined ? TEAM : opts.managers,
    account: opts.account ?? { id: 777 },
  };
  return {
    constant: ((key: string) => constants[key]) as KommoApp['constant'],
    data: { current_card: opts.card === undefined ? { id: 42 } : opts.card },
  };
}

function widget(area = 'lcard'): Partial<KommoWidgetBase> {
  return { system: () => ({ area }), get_settings: () => ({ widget_code: 'bytegpt_billing_health' }) };
}

function setup(opts: { app?: KommoApp | null; area?: string; kommo?: ReturnType<typeof fakeKommo>; report?: Report | null } = {}) {
  const kommo = opts.kommo ?? fakeKommo();
  const env: RemindEnv = {
    widget: widget(opts.area),
    app: () => (opts.app === undefined ? makeApp() : opts.app),
    t: createT(en),
    fmt: createFormatters('en', { timeZone: 'UTC' }),
    report: () => (opts.report === undefined ? CRITICAL : opts.report),
    fetch: kommo.fetch,
    origin: ORIGIN,
    now: () => NOW,
  };
  return { kommo, remind: createRemindAdmin(env) };
}

const posts = (kommo: ReturnType<typeof fakeKommo>) => kommo.sent.filter((s) => s.method === 'POST');

afterEach(() => vi.restoreAllMocks());

describe('remind the admin', () => {
  it('checks the open tasks, then creates one task for the admin, due at the end of today', async () => {
    const { kommo, remind } = setup();
    await remind.remind();
    expect(kommo.sent.map((s) => s.method)).toEqual(['GET', 'POST']);
    const [list, create] = kommo.sent;
    expect(list!.url).toBe(`${ORIGIN}/api/v4/tasks?filter[is_completed]=0&filter[responsible_user_id]=3&limit=250`);
    expect(list!.credentials).toBe('same-origin');
    expect(create!.url).toBe(`${ORIGIN}/api/v4/tasks`);
    expect(create!.credentials).toBe('same-origin');
    const [task] = create!.body as Array<Record<string, unknown>>;
    expect(task).toMatchObject({
      task_type_id: 1, responsible_user_id: 3, entity_id: 42, entity_type: 'leads', complete_till: END_OF_DAY,
    });
    // What is wrong (the worst finding, not the first one listed) and where to fix it.
    expect(task!.text).toContain(en.findings.credits_exhausted.title);
    expect(task!.text).toContain(`${ORIGIN}/settings/widgets/bytegpt_billing_health/`);
    expect(task!.text).toMatch(/#bytegpt_billing_health$/);
    expect(remind.state()).toEqual({ phase: 'sent', adminName: 'Carla Admin' });
  });

  it('never creates a second task: the same button is done, a new page finds the open task', async () => {
    const kommo = fakeKommo();
    const first = setup({ kommo }).remind;
    await first.remind();
    await first.remind();
    expect(posts(kommo)).toHaveLength(1);
    expect(kommo.sent).toHaveLength(2);

    const second = setup({ kommo }).remind;
    await second.remind();
    expect(second.state()).toEqual({ phase: 'already', adminName: 'Carla Admin' });
    expect(posts(kommo)).toHaveLength(1);
    expect(kommo.tasks).toHaveLength(1);
  });

  it('reminds again once the admin completed the task, and ignores tasks that are not ours', async () => {
    const kommo = fakeKommo();
    await setup({ kommo }).remind.remind();
    kommo.tasks[0]!.is_completed = true;
    kommo.tasks.push({ id: 1, text: 'Call the client back', responsible_user_id: 3, is_completed: false });
    const again = setup({ kommo }).remind;
    await again.remind();
    expect(again.state().phase).toBe('sent');
    expect(posts(kommo)).toHaveLength(2);
  });

  it('presses while a reminder is on its way do nothing', async () => {
    const { kommo, remind } = setup();
    const seen: string[] = [];
    remind.subscribe(() => seen.push(remind.state().phase));
    const a = remind.remind();
    const b = remind.remind();
    expect(remind.state().phase).toBe('sending');
    await Promise.all([a, b]);
    expect(kommo.sent.map((s) => s.method)).toEqual(['GET', 'POST']);
    expect(seen).toEqual(['sending', 'sent']);
  });

  it.each([
    [401, 'session_expired'],
    [403, 'forbidden'],
    [429, 'rate_limited'],
    [500, 'failed'],
  ] as const)('Kommo answering %i on the check gives %s, and nothing is created', async (status, error) => {
    const kommo = fakeKommo();
    kommo.fail(status);
    const { remind } = setup({ kommo });
    await remind.remind();
    expect(remind.state()).toEqual({ phase: 'error', error, adminName: 'Carla Admin' });
    expect(posts(kommo)).toHaveLength(0);
  });

  it.each([
    [401, 'session_expired'],
    [403, 'forbidden'],
    [429, 'rate_limited'],
  ] as const)('Kommo answering %i on the create gives %s', async (status, error) => {
    const kommo = fakeKommo();
    kommo.fail(status, 'POST');
    const { remind } = setup({ kommo });
    await remind.remind();
    expect(remind.state()).toMatchObject({ phase: 'error', error });
  });

  it('a network failure and an unreadable answer are told apart', async () => {
    const offline = fakeKommo();
    offline.fail('network');
    const a = setup({ kommo: offline }).remind;
    await a.remind();
    expect(a.state()).toMatchObject({ phase: 'error', error: 'network' });

    const junk = fakeKommo();
    junk.fail('junk', 'POST');
    const b = setup({ kommo: junk }).remind;
    await b.remind();
    expect(b.state()).toMatchObject({ phase: 'error', error: 'failed' });
  });

  it('can be pressed again after an error, and then succeeds', async () => {
    const kommo = fakeKommo();
    kommo.fail(429);
    const { remind } = setup({ kommo });
    await remind.remind();
    kommo.fail(null);
    await remind.remind();
    expect(remind.state().phase).toBe('sent');
    expect(posts(kommo)).toHaveLength(1);
  });

  it.each([
    ['a list page', 'llist', { id: 42 }],
    ['a new, unsaved card', 'lcard', { id: 0 }],
    ['no current card', 'ccard', false],
  ] as const)('on %s there is no entity to attach the task to: no request at all', async (_label, area, card) => {
    const { kommo, remind } = setup({ area, app: makeApp({ card }) });
    await remind.remind();
    expect(remind.state()).toEqual({ phase: 'error', error: 'no_entity', adminName: 'Carla Admin' });
    expect(kommo.sent).toHaveLength(0);
  });

  it('attaches the task to the contact or company on screen', async () => {
    const { kommo, remind } = setup({ area: 'comcard', app: makeApp({ card: { id: '880' } }) });
    await remind.remind();
    expect((kommo.sent[1]!.body as Array<Record<string, unknown>>)[0]).toMatchObject({ entity_type: 'companies', entity_id: 880 });
  });

  it('without a report, the task still says something', async () => {
    const { kommo, remind } = setup({ report: null });
    await remind.remind();
    expect((kommo.sent[1]!.body as Array<{ text: string }>)[0]!.text).toContain(en.status.unknown);
  });
});

describe('which admin is reminded', () => {
  const adminOf = async (app: KommoApp | null) => {
    const { kommo, remind } = setup({ app });
    await remind.remind();
    const body = kommo.sent.find((s) => s.method === 'POST')?.body as Array<{ responsible_user_id: number }> | undefined;
    return { id: body?.[0]?.responsible_user_id, state: remind.state() };
  };

  it('an active admin with the lowest id, never an inactive one or a member', async () => {
    expect((await adminOf(makeApp())).id).toBe(3);
  });

  it('the account owner first, when Kommo names one', async () => {
    expect((await adminOf(makeApp({ account: { id: 777, created_by: 8 } }))).id).toBe(8);
    // An owner who is no longer an active admin is passed over.
    expect((await adminOf(makeApp({ account: { id: 777, created_by: 1 } }))).id).toBe(3);
  });

  it('never the current user, even when they are an admin', async () => {
    expect((await adminOf(makeApp({ userId: 3 }))).id).toBe(8);
  });

  it('falls back to the login when the admin has no name', async () => {
    const { state } = await adminOf(makeApp({ managers: { '12': { is_admin: 'Y', login: 'boss@acme.test' } } }));
    expect(state).toEqual({ phase: 'sent', adminName: 'boss@acme.test' });
  });

  it('no admin to remind (only members, no managers, no APP): says so and asks nothing', async () => {
    for (const app of [makeApp({ managers: { '5': { is_admin: 'N' } } }), makeApp({ managers: null }), null]) {
      const { kommo, remind } = setup({ app });
      await remind.remind();
      expect(remind.state()).toEqual({ phase: 'error', error: 'no_admin' });
      expect(kommo.sent).toHaveLength(0);
    }
  });
});
