// Kommo's own REST API for tasks (/api/v4/tasks), called on the page's origin with the
// user's session cookie, as Kommo's tutorial does (kommo-platform.md §3.6): no token,
// nothing leaves Kommo. Bodies stay `unknown` until engine.js's schemas accept them
// (src/lazy/engine-tasks.ts), handed in as `bodies` once it has loaded.
import type { EngineModule } from '../lazy/engine.ts';
import type { KommoTask } from '../lazy/engine-tasks.ts';

/** What went wrong talking to Kommo, as the button words it (see RemindError). */
type TasksApiError = 'session_expired' | 'forbidden' | 'rate_limited' | 'network' | 'failed';

type ApiResult<T> = { ok: true; value: T } | { ok: false; error: TasksApiError };

/** The parsers of the answers' bodies, from engine.js. */
type TaskBodies = Pick<EngineModule, 'parseTaskList' | 'parseCreatedTaskId'>;

interface NewTask {
  text: string;
  /** Unix seconds. */
  complete_till: number;
  responsible_user_id: number;
  entity_id: number;
  entity_type: string;
}

export interface TasksApi {
  /** The open tasks of one user (one page of up to 250: Kommo's largest). */
  listOpen(responsibleUserId: number): Promise<ApiResult<KommoTask[]>>;
  /** Creates one task; the value is its id. */
  create(task: NewTask): Promise<ApiResult<number>>;
}

/** Kommo's system task type "Follow-up", present in every account. */
const FOLLOW_UP = 1;
const TIMEOUT_MS = 15_000;

function statusError(status: number): TasksApiError {
  if (status === 401) return 'session_expired';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate_limited';
  return 'failed';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function createTasksApi(origin: string, fetchFn: typeof fetch, bodies: TaskBodies): TasksApi {
  const send = async (path: string, method: 'GET' | 'POST', body?: string): Promise<Response | null> => {
    // What jQuery adds to Kommo's own same-origin calls; Kommo treats it as its page asking.
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(TIMEOUT_MS) : undefined;
    try {
      return await fetchFn(`${origin}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body } : {}),
        ...(timeout ? { signal: timeout } : {}),
      });
    } catch {
      // Offline, DNS, CORS or the timeout: all "Kommo could not be reached".
      return null;
    }
  };

  return {
    async listOpen(responsibleUserId) {
      const query = `filter[is_completed]=0&filter[responsible_user_id]=${encodeURIComponent(String(responsibleUserId))}&limit=250`;
      const response = await send(`/api/v4/tasks?${query}`, 'GET');
      if (!response) return { ok: false, error: 'network' };
      // Kommo answers an empty list with 204 No Content.
      if (response.status === 204) return { ok: true, value: [] };
      if (!response.ok) return { ok: false, error: statusError(response.status) };
      // One odd task must not hide the others: each is checked on its own.
      const tasks = bodies.parseTaskList(await readJson(response));
      return tasks ? { ok: true, value: tasks } : { ok: false, error: 'failed' };
    },

    async create(task) {
      const body = JSON.stringify([{ task_type_id: FOLLOW_UP, ...task, request_id: 'bytegpt-remind' }]);
      const response = await send('/api/v4/tasks', 'POST', body);
      if (!response) return { ok: false, error: 'network' };
      if (!response.ok) return { ok: false, error: statusError(response.status) };
      const id = bodies.parseCreatedTaskId(await readJson(response));
      return id === null ? { ok: false, error: 'failed' } : { ok: true, value: id };
    },
  };
}
