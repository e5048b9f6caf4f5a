import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCheck } from '../../../src/billing/check.ts';
import { createUnavailableMemory } from '../../../src/monitor/unavailable-memory.ts';
import {
  ChatCompletionSchema, CostsPageSchema, LegacySubscriptionSchema, LegacyUsageSchema, ModelsListSchema, SpendLimitSchema,
} from '../../../src/billing/schemas.ts';
import type { Signals } from '../../../src/health/signals.ts';
import { createFakeFetch, instantSleep, json, type Route } from './fake-fetch.ts';
import * as E from './bodies.ts';

const VALID: Record<string, unknown> = {
  'GET /v1/models': E.E1_MODELS,
  'POST /v1/chat/completions': E.E27_PROBE_OK,
  'GET /v1/organization/costs': E.E2_COSTS,
  'GET /v1/organization/spend_limit': E.E6_SPEND_LIMIT,
  'GET /dashboard/billing/subscription': E.E24_RELAY_SUBSCRIPTION,
  'GET /dashboard/billing/usage': E.E25_USAGE,
};

interface Target {
  route: string;
  signal: keyof Omit<Signals, 'lastSuccessAt'>;
  accepts: (body: unknown) => boolean;
}

const TARGETS: Target[] = [
  { route: 'GET /v1/models', signal: 'models', accepts: (b) => ModelsListSchema.safeParse(b).success },
  { route: 'POST /v1/chat/completions', signal: 'probe', accepts: (b) => ChatCompletionSchema.safeParse(b).success },
  { route: 'GET /v1/organization/costs', signal: 'costs', accepts: (b) => CostsPageSchema.safeParse(b).success },
  { route: 'GET /v1/organization/spend_limit', signal: 'spend_limit', accepts: (b) => SpendLimitSchema.safeParse(b).success },
  { route: 'GET /dashboard/billing/subscription', signal: 'balance', accepts: (b) => LegacySubscriptionSchema.safeParse(b).success },
  { route: 'GET /dashboard/billing/usage', signal: 'balance', accepts: (b) => LegacyUsageSchema.safeParse(b).success },
];

const STATUSES = [200, 201, 400, 401, 402, 403, 404, 408, 409, 429, 500, 502, 503];

async function checkWith(route: string, answer: () => Response): Promise<Signals> {
  const routes: Record<string, Route> = {};
  for (const [key, body] of Object.entries(VALID)) routes[key] = key === route ? answer : json(body);
  const fake = createFakeFetch(routes);
  return runCheck({
    apiKey: 'sk-proj-property', baseUrl: 'https://relay.example.test', quotaProbe: true, probeModel: 'm',
    fetch: fake.fetch, memory: createUnavailableMemory(), now: () => new Date('2026-09-15T00:00:00Z'), sleep: instantSleep, random: () => 0,
  });
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol('not json');
  }
}

const errorish = fc.record({
  error: fc.record(
    { code: fc.option(fc.oneof(fc.string(), fc.constantFrom('missing_scope', 'rate_limit_exceeded', 'invalid_api_key', '__proto__'))), type: fc.option(fc.string()), message: fc.option(fc.string()) },
    { requiredKeys: [] },
  ),
});

describe.each(TARGETS)('random bodies for $route', ({ route, signal, accepts }) => {
  it('random JSON with any status never throws and is ok only if the schema accepts it', async () => {
    await fc.assert(
      // The valid body is in the mix so that a non-2xx status is tried with an acceptable body too.
      fc.asyncProperty(fc.oneof(fc.jsonValue(), errorish, fc.constant(VALID[route])), fc.constantFrom(...STATUSES), async (body, status) => {
        const signals = await checkWith(route, () => json(body, status));
        const outcome = signals[signal];
        if (outcome.kind === 'ok') {
          expect(status >= 200 && status < 300).toBe(true);
          expect(accepts(body)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('random bytes never throw and are ok only if they happen to be an accepted JSON body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), fc.constantFrom(200, 400, 429, 500), async (bytes, status) => {
        const signals = await checkWith(route, () => new Response(bytes, { status }));
        if (signals[signal].kind === 'ok') {
          expect(accepts(parsedOrNull(new TextDecoder().decode(bytes)))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a body with an "error" member is never ok, even with status 200', async () => {
    await fc.assert(
      fc.asyncProperty(errorish, async (body) => {
        const signals = await checkWith(route, () => json(body, 200));
        expect(signals[signal].kind).not.toBe('ok');
      }),
      { numRuns: 50 },
    );
  });
});

describe('random everything', () => {
  it('every endpoint answering random JSON at once: runCheck resolves with a full Signals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.anything(), fc.constantFrom(...STATUSES)), { minLength: 6, maxLength: 6 }), async (answers) => {
        const routes: Record<string, Route> = {};
        Object.keys(VALID).forEach((key, i) => {
          const [body, status] = answers[i] as [unknown, number];
          let text: string;
          try {
            text = JSON.stringify(body) ?? 'undefined';
          } catch {
            text = String(body);
          }
          routes[key] = () => new Response(text, { status });
        });
        const fake = createFakeFetch(routes);
        const signals = await runCheck({
          apiKey: 'k-123456', baseUrl: 'https://relay.example.test', quotaProbe: true, probeModel: 'm',
          fetch: fake.fetch, memory: createUnavailableMemory(), sleep: instantSleep,
        });
        for (const key of ['models', 'probe', 'costs', 'spend_limit', 'balance'] as const) {
          expect(['ok', 'error', 'skipped']).toContain(signals[key].kind);
        }
      }),
      { numRuns: 100 },
    );
  });
});
