// The two requests a normal key can make: the free key check and the opt-in,
// one-token quota probe (the only way to learn "credits left right now").
import type { Outcome } from './signals.ts';
import { ChatCompletionSchema, ModelsListSchema } from './schemas.ts';
import { failureOutcome, interpret, type EndpointContext } from './endpoint-common.ts';
import { requestJson } from './http.ts';

/**
 * A dated cheap model, not the `gpt-4o-mini` alias: the alias was seen answering on a
 * zero-balance key while the dated id returned `insufficient_quota` (docs §4), and
 * the probe exists to see exactly that.
 */
export const DEFAULT_PROBE_MODEL = 'gpt-4o-mini-2024-07-18';
const PROBE_PROMPT = 'ping';

export async function checkModels(ctx: EndpointContext): Promise<Outcome<{ count: number }>> {
  const result = await requestJson(ctx.http, `${ctx.base}/v1/models`, 'GET');
  const read = interpret('models', result, ModelsListSchema);
  return read.kind === 'ok' ? { kind: 'ok', value: { count: read.data.data.length } } : failureOutcome(ctx, 'models', read);
}

/** The probe's request body; `max_tokens` is deprecated on OpenAI but the one relays understand. */
export function probeBody(model: string, isOpenAI: boolean): Record<string, unknown> {
  return {
    model,
    messages: [{ role: 'user', content: PROBE_PROMPT }],
    ...(isOpenAI ? { max_completion_tokens: 1 } : { max_tokens: 1 }),
  };
}

export async function probeQuota(ctx: EndpointContext, probeModel: string): Promise<Outcome<{ model: string }>> {
  const model = probeModel.trim() || DEFAULT_PROBE_MODEL;
  const result = await requestJson(ctx.http, `${ctx.base}/v1/chat/completions`, 'POST', probeBody(model, ctx.isOpenAI));
  const read = interpret('probe', result, ChatCompletionSchema);
  return read.kind === 'ok' ? { kind: 'ok', value: { model: read.data.model ?? model } } : failureOutcome(ctx, 'probe', read);
}
