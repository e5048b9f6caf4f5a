// The fake Kommo's REST API for tasks, answered the way Kommo's v4 API does
// (developers.kommo.com/reference/tasks-list, /add-tasks): HAL JSON with `_embedded`,
// 204 No Content for an empty list, created ids in `_embedded.tasks[]`, and errors as
// problem+json `{title, type, status, detail}`. Who asks comes from the session cookie
// the host page sets (kommo-session.ts); another cookie makes every call answer 401, 403
// or 429. Tasks live in this server's memory, so a reload still finds the open task.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCOUNT, API_MODE_COOKIE, SESSION_COOKIE, USERS } from '../host/people.ts';
import type { HostApiCall, HostKommoState, HostTask } from '../host/types.ts';

const USER_IDS: ReadonlySet<number> = new Set(Object.values(USERS).map((u) => u.id));
const ENTITY_TYPES: ReadonlySet<string> = new Set(['leads', 'contacts', 'companies', 'customers']);
const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 429: 'Too Many Requests',
};
const DETAILS: Record<string, string> = {
  '401': 'Unauthorized',
  '403': 'Access denied: the user has no rights to add tasks',
  '429': 'Too many requests: the limit is 7 requests per second',
};
const MAX_BODY = 1_000_000;

type Json = Record<string, unknown>;
type Answer = { status: number; body?: unknown; problem?: string };

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function write(res: ServerResponse, answer: Answer): void {
  if (answer.status === 204) {
    res.writeHead(204, { 'cache-control': 'no-store' });
    return void res.end();
  }
  const problem = answer.problem !== undefined;
  const body = problem
    ? { title: TITLES[answer.status] ?? 'Error', type: `https://httpstatus.es/${answer.status}`, status: answer.status, detail: answer.problem, ...(answer.body as Json | undefined) }
    : answer.body;
  res.writeHead(answer.status, {
    'content-type': problem ? 'application/problem+json' : 'application/hal+json',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

const int = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/** Each filter[...] value, for both `filter[x]=1` and `filter[x][]=1&filter[x][]=2`. */
function filterValues(params: URLSearchParams, name: string): string[] {
  return [...params.getAll(`filter[${name}]`), ...params.getAll(`filter[${name}][]`)];
}

export interface KommoApi {
  /** Answers /api/v4/* and the host-only /host/kommo-state; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export function createKommoApi(): KommoApi {
  let tasks: HostTask[] = [];
  let calls: HostApiCall[] = [];
  let nextId = 4745251;

  const withLinks = (origin: string, task: HostTask) => ({ ...task, _links: { self: { href: `${origin}/api/v4/tasks/${task.id}` } } });

  function list(url: URL, origin: string): Answer {
    const params = url.searchParams;
    const done = filterValues(params, 'is_completed')[0];
    const responsible = filterValues(params, 'responsible_user_id').map(Number);
    const entityTypes = filterValues(params, 'entity_type');
    const entityIds = filterValues(params, 'entity_id').map(Number);
    const limit = Math.min(Math.max(Number(params.get('limit') ?? 50) || 50, 1), 250);
    const page = Math.max(Number(params.get('page') ?? 1) || 1, 1);
    const found = tasks.filter((t) =>
      (done === undefined || t.is_completed === (done === '1' || done === 'true')) &&
      (responsible.length === 0 || responsible.includes(t.responsible_user_id)) &&
      (entityTypes.length === 0 || (t.entity_type !== null && entityTypes.includes(t.entity_type))) &&
      (entityIds.length === 0 || (t.entity_id !== null && entityIds.includes(t.entity_id))));
    const shown = found.slice((page - 1) * limit, page * limit);
    if (shown.length === 0) return { status: 204 };
    const self = new URL(url.pathname + url.search, origin);
    const next = found.length > page * limit ? new URL(self) : null;
    next?.searchParams.set('page', String(page + 1));
    return {
      status: 200,
      body: {
        _page: page,
        _links: { self: { href: self.href }, ...(next ? { next: { href: next.href } } : {}) },
        _embedded: { tasks: shown.map((t) => withLinks(origin, t)) },
      },
    };
  }

  function create(raw: string, user: number, origin: string): Answer {
    let items: unknown;
    try {
      items = JSON.parse(raw);
    } catch {
      return { status: 400, problem: 'Request body is not valid JSON' };
    }
    if (!Array.isArray(items) || items.length === 0) return { status: 400, problem: 'Request body must be a non-empty array of tasks' };
    const errors: Json[] = [];
    const made: Array<{ task: HostTask; requestId: string }> = [];
    const now = Math.floor(Date.now() / 1000);
    items.forEach((item: unknown, index) => {
      const t = (item && typeof item === 'object' ? item : {}) as Json;
      const problems: Json[] = [];
      const bad = (path: string, code: string, detail: string) => problems.push({ code, path, detail });
      if (typeof t.text !== 'string' || t.text.trim() === '') bad('text', 'FieldMissing', 'The text is required');
      if (int(t.complete_till) === null) bad('complete_till', 'FieldMissing', 'complete_till is required (Unix timestamp)');
      const responsible = t.responsible_user_id === undefined ? user : int(t.responsible_user_id);
      if (responsible === null || !USER_IDS.has(responsible)) bad('responsible_user_id', 'NotSupportedChoice', 'Unknown user');
      const hasEntity = t.entity_id !== undefined || t.entity_type !== undefined;
      if (hasEntity && (int(t.entity_id) === null || typeof t.entity_type !== 'string' || !ENTITY_TYPES.has(t.entity_type))) {
        bad('entity_type', 'NotSupportedChoice', 'entity_id and entity_type (leads, contacts, companies, customers) go together');
      }
      const requestId = typeof t.request_id === 'string' ? t.request_id : String(index);
      if (problems.length) return void errors.push({ request_id: requestId, errors: problems });
      const task: HostTask = {
        id: 0, created_by: user, updated_by: user, created_at: now, updated_at: now,
        responsible_user_id: responsible!, group_id: 0,
        entity_id: hasEntity ? int(t.entity_id) : null, entity_type: hasEntity ? (t.entity_type as string) : null,
        duration: int(t.duration) ?? 0, is_completed: t.is_completed === true, task_type_id: int(t.task_type_id) ?? 1,
        text: t.text as string, result: [], complete_till: int(t.complete_till)!, account_id: ACCOUNT.id,
      };
      made.push({ task, requestId });
    });
    if (errors.length) return { status: 400, problem: 'Request validation failed', body: { 'validation-errors': errors } };
    // Kommo stores all or nothing: ids are handed out only once every task is valid.
    const created = made.map(({ task, requestId }) => {
      task.id = nextId++;
      tasks.push(task);
      return { id: task.id, request_id: requestId, _links: { self: { href: `${origin}/api/v4/tasks/${task.id}` } } };
    });
    return { status: 200, body: { _links: { self: { href: `${origin}/api/v4/tasks` } }, _embedded: { tasks: created } } };
  }

  async function api(req: IncomingMessage, url: URL): Promise<{ answer: Answer; user: number | null }> {
    const jar = cookies(req);
    const session = Number(jar[SESSION_COOKIE]);
    const user = USER_IDS.has(session) ? session : null;
    const mode = jar[API_MODE_COOKIE];
    if (mode === '401' || mode === '403' || mode === '429') return { answer: { status: Number(mode), problem: DETAILS[mode] }, user };
    if (user === null) return { answer: { status: 401, problem: DETAILS['401'] }, user };
    if (url.pathname !== '/api/v4/tasks') return { answer: { status: 404, problem: 'Not found' }, user };
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    if (req.method === 'GET') return { answer: list(url, origin), user };
    if (req.method === 'POST') return { answer: create(await readBody(req), user, origin), user };
    return { answer: { status: 405, problem: `${req.method ?? ''} is not allowed here` }, user };
  }

  async function hostState(req: IncomingMessage): Promise<Answer> {
    if (req.method === 'GET') return { status: 200, body: { tasks, calls } satisfies HostKommoState };
    if (req.method !== 'POST') return { status: 405, problem: 'GET or POST' };
    const change = JSON.parse((await readBody(req)) || '{}') as { reset?: boolean; complete?: number };
    if (change.reset) {
      tasks = [];
      calls = [];
    }
    const task = tasks.find((t) => t.id === change.complete);
    if (task) Object.assign(task, { is_completed: true, result: { text: 'Done' }, updated_at: Math.floor(Date.now() / 1000) });
    return { status: 200, body: { ok: true } };
  }

  return {
    async handle(req, res, url) {
      if (url.pathname === '/host/kommo-state') {
        write(res, await hostState(req));
        return true;
      }
      if (!url.pathname.startsWith('/api/v4/')) return false;
      const { answer, user } = await api(req, url);
      calls.push({ method: req.method ?? '', path: url.pathname + url.search, status: answer.status, user });
      write(res, answer);
      return true;
    },
  };
}
