// The bodies of Kommo's tasks API (/api/v4/tasks) that "remind the admin" reads, checked
// with zod in engine.js: src/kommo/remind-tasks-api.ts sends the requests with the
// member's session and hands the parsed JSON here. Bodies stay `unknown` until these
// schemas accept them.
import * as z from 'zod/mini';

/** One task as the reminder reads it. */
export interface KommoTask {
  id: number;
  text: string;
  responsible_user_id?: number;
  is_completed?: boolean;
  complete_till?: number | null;
  entity_type?: string | null;
  entity_id?: number | null;
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

/** The tasks of a list answer, or null when the body is not one. One odd task never hides the others. */
export function parseTaskList(body: unknown): KommoTask[] | null {
  const list = ListSchema.safeParse(body);
  if (!list.success) return null;
  const tasks: KommoTask[] = [];
  for (const item of list.data._embedded.tasks) {
    const task = TaskSchema.safeParse(item);
    if (task.success) tasks.push(task.data);
  }
  return tasks;
}

/** The id of the task a create answer names, or null. */
export function parseCreatedTaskId(body: unknown): number | null {
  const created = CreatedSchema.safeParse(body);
  return (created.success ? created.data._embedded.tasks[0]?.id : undefined) ?? null;
}
