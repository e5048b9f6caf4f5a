// The two requests a normal key can make: the free key check and the opt-in,
// one-token quota probe (the only way to learn "credits left right now").
import { DEFAULT_PROBE_MODEL } from '../health/options.ts';
import type { Outcome } from '../health/signals.ts';
import { ChatCompletionSchema, ModelsListSchema } from './schemas.ts';
import { failureOutcome, interpret, type EndpointContext } from './endpoint-common.ts';
import { requestJson } from './http.ts';

const PROBE_PROMPT = 'ping';

export async function checkModels(ctx: EndpointContext): Promise<Outcome<{ count: number }>> {
  const result = await requestJson(ctx.http, `${ctx.base}/v1/models`, 'GET');
  const read = interpret('models', result, ModelsListSchema);
  return read.kind === 'ok' ? { kind: 'ok', value: { count: read.data.data.length } } : failureOutcome(ctx, 'models', read);
}

/** The probe's request body; `max_tokens` is deprecated on OpenAI but the one relays understand. */
function probeBody(model: string, isOpenAI: boolean): Record<string, unknown> {
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
