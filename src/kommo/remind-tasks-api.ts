// Kommo's own REST API for tasks (/api/v4/tasks), called on the page's origin with the
// user's session cookie, as Kommo's tutorial does (kommo-platform.md §3.6): no token,
// nothing leaves Kommo. Bodies stay `unknown` until a zod schema accepts them.
import * as z from 'zod/mini';

/** What went wrong talking to Kommo, as the button words it (see RemindError). */
type TasksApiError = 'session_expired' | 'forbidden' | 'rate_limited' | 'network' | 'failed';

type ApiResult<T> = { ok: true; value: T } | { ok: false; error: TasksApiError };

export interface KommoTask {
  id: number;
  text: string;
  responsible_user_id?: number;
  is_completed?: boolean;
  complete_till?: number | null;
  entity_type?: string | null;
  entity_id?: number | null;
}

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

const TaskSchema = z.object({
  id: z.number(),
  text: z.string(),
  responsible_user_id: z.optional(z.number()),
  is_completed: z.optional(z.boolean()),
  complete_till: z.optional(z.nullable(z.number())),
  entity_type: z.optional(z.nullable(z.string())),
  entity_id: z.optional(z.nullable(z.number())),
});
const ListSchema = z.object({ _embedded: z.object({ tasks: z.array(z.unknown()) }) });
const CreatedSchema = z.object({ _embedded: z.object({ tasks: z.array(z.object({ id: z.number() })) }) });

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

export function createTasksApi(origin: string, fetchFn: typeof fetch): TasksApi {
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
      const list = ListSchema.safeParse(await readJson(response));
      if (!list.success) return { ok: false, error: 'failed' };
      // One odd task must not hide the others: each is checked on its own.
      const tasks: KommoTask[] = [];
      for (const item of list.data._embedded.tasks) {
        const task = TaskSchema.safeParse(item);
        if (task.success) tasks.push(task.data);
      }
      return { ok: true, value: tasks };
    },

    async create(task) {
      const body = JSON.stringify([{ task_type_id: FOLLOW_UP, ...task, request_id: 'bytegpt-remind' }]);
      const response = await send('/api/v4/tasks', 'POST', body);
      if (!response) return { ok: false, error: 'network' };
      if (!response.ok) return { ok: false, error: statusError(response.status) };
      const created = CreatedSchema.safeParse(await readJson(response));
      const id = created.success ? created.data._embedded.tasks[0]?.id : undefined;
      return id === undefined ? { ok: false, error: 'failed' } : { ok: true, value: id };
    },
  };
}
