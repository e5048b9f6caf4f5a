// The mock's bodies against the official OpenAI spec, read from the committed extract
// of it (tests/fixtures/README.md) so a fresh clone needs nothing beside the repo.
// Real responses differ from the spec in a few known ways that the mock reproduces on
// purpose; those are listed below, and anything else the checker finds is an
// accidental deviation and fails the test.
// The legacy /dashboard/billing/* bodies (relays only) are not in the spec at all.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletion,
  ERRORS,
  invalidKeyError,
  invalidUrlError,
  missingModelError,
  modelNotFoundError,
  MODELS_LIST,
  sessionKeyRequiredError,
  spendLimit,
} from '../../../src/mocks/bodies.ts';
import { createMockService } from '../../../src/mocks/handlers.ts';
import { SCENARIOS, type ScenarioName } from '../../../src/mocks/scenarios.ts';
import { EXTRACT_URL } from '../../../scripts/extract-openapi.ts';
import { callMock } from './call-mock.ts';
import { deviationKey, SchemaChecker, type Schema } from './json-schema-subset.ts';

/**
 * KNOWN DEVIATIONS of real responses from the spec, reproduced by the mock on purpose.
 * Key: `<operation>: <path> <kind>[: detail]`, as deviationKey() prints it.
 */
const KNOWN_DEVIATIONS: Record<string, string> = {
  // openai-billing.md §1.2: live costs send amount.value as a high-precision decimal
  // string ("0.00042075"), documented as a number (CodexBar #999/#1000).
  'costs: data[].results[].amount.value type: expected number, got string': 'string amounts',
  // §1.2: live results carry undocumented fields; parsers must ignore them.
  'costs: data[].results[].organization_id extra': 'undocumented field seen live',
  'costs: data[].results[].organization_name extra': 'undocumented field seen live',
  'costs: data[].results[].project_name extra': 'undocumented field seen live',
};

type Operation = 'models' | 'chat' | 'costs' | 'spend_limit' | 'error';

let checker: SchemaChecker;
const schemas = {} as Record<Operation, Schema>;

function jsonSchemaOf(response: Schema): Schema {
  const resolved = typeof response.$ref === 'string' ? checker.resolve(response.$ref) : response;
  const content = resolved.content as Record<string, { schema: Schema }>;
  return content['application/json']!.schema;
}

beforeAll(() => {
  const spec = JSON.parse(readFileSync(EXTRACT_URL, 'utf8')) as Schema;
  checker = new SchemaChecker(spec);
  const paths = spec.paths as Record<string, Record<string, { responses: Record<string, Schema> }>>;
  const ok = (path: string, method: string) => jsonSchemaOf(paths[path]![method]!.responses['200']!);
  schemas.models = ok('/models', 'get');
  schemas.chat = ok('/chat/completions', 'post');
  schemas.costs = ok('/organization/costs', 'get');
  schemas.spend_limit = ok('/organization/spend_limit', 'get');
  // Every error shares the envelope the generic 429 response declares (§1.7).
  schemas.error = jsonSchemaOf(paths['/chat/completions']!.post!.responses['429']!);
});

function deviations(operation: Operation, body: unknown): string[] {
  return checker.check(schemas[operation], body).map((d) => `${operation}: ${deviationKey(d)}`);
}

/** Live answers from the handlers, so what is checked is what clients get. */
async function liveBodies(): Promise<[Operation, unknown][]> {
  const out: [Operation, unknown][] = [];
  const get = async (name: ScenarioName, path: string, operation: Operation, init: { method?: 'POST'; body?: unknown } = {}) => {
    const scenario = SCENARIOS[name];
    const reply = await callMock(createMockService(name).handlers, `${scenario.baseUrl}${path}`, { key: scenario.apiKey, ...init });
    out.push([reply.status === 200 ? operation : 'error', reply.json]);
    return reply;
  };
  await get('healthy', '/v1/models', 'models');
  await get('healthy', '/v1/chat/completions', 'chat', { method: 'POST', body: { model: 'gpt-4o-mini-2024-07-18', max_tokens: 1, messages: [] } });
  const start = Math.floor(Date.UTC(2026, 8, 1) / 1000);
  for (const query of ['', '&group_by=line_item', '&group_by[]=project_id&group_by[]=line_item&group_by[]=api_key_id', '&group_by=project_id']) {
    await get('healthy_with_spend', `/v1/organization/costs?start_time=${start}&end_time=${start + 10 * 86_400}&limit=31${query}`, 'costs');
  }
  const paged = await get('costs_paginated', `/v1/organization/costs?start_time=${start}&end_time=${start + 5 * 86_400}&group_by=line_item`, 'costs');
  const cursor = (paged.json as { next_page: string }).next_page;
  await get('costs_paginated', `/v1/organization/costs?start_time=${start}&end_time=${start + 5 * 86_400}&group_by=line_item&page=${cursor}`, 'costs');
  await get('healthy_with_spend', '/v1/organization/spend_limit', 'spend_limit');
  await get('spend_limit_enforcing', '/v1/organization/spend_limit', 'spend_limit');
  // Errors as the handlers send them.
  await get('healthy', '/v1/organization/costs?start_time=1', 'error');
  await get('healthy', '/dashboard/billing/subscription', 'error');
  await get('credits_exhausted', '/v1/chat/completions', 'error', { method: 'POST', body: { model: 'gpt-4o-mini-2024-07-18' } });
  await get('rate_limited', '/v1/chat/completions', 'error', { method: 'POST', body: { model: 'gpt-4o-mini-2024-07-18' } });
  await get('healthy_with_spend', '/v1/organization/costs?limit=7', 'error');
  return out;
}

function fixtureBodies(): [Operation, unknown][] {
  return [
    ['models', MODELS_LIST],
    ['chat', chatCompletion('gpt-4o-mini-2024-07-18', 1756700000)],
    ['spend_limit', spendLimit(10_000, true)],
    ['spend_limit', spendLimit(0, false)],
    ...Object.values(ERRORS).map((fixture): [Operation, unknown] => ['error', fixture.body]),
    ['error', invalidKeyError(`sk-proj-mock-${'x'.repeat(40)}MxYA`).body],
    ['error', sessionKeyRequiredError('/v1/dashboard/billing/usage').body],
    ['error', invalidUrlError('GET', '/dashboard/billing/usage').body],
    ['error', modelNotFoundError('gpt-9').body],
    ['error', missingModelError().body],
  ];
}

describe('mock bodies against the OpenAI spec', () => {
  it('deviate from the spec only in the known ways, and every known deviation is exercised', async () => {
    const bodies = [...fixtureBodies(), ...(await liveBodies())];
    const operations = new Set(bodies.map(([operation]) => operation));
    expect([...operations].sort()).toEqual(['chat', 'costs', 'error', 'models', 'spend_limit']);

    const found = new Set(bodies.flatMap(([operation, body]) => deviations(operation, body)));
    const unexpected = [...found].filter((key) => !Object.hasOwn(KNOWN_DEVIATIONS, key));
    expect(unexpected, 'new deviations from the spec').toEqual([]);
    const unexercised = Object.keys(KNOWN_DEVIATIONS).filter((key) => !found.has(key));
    expect(unexercised, 'listed deviations the mock no longer produces').toEqual([]);
  });

  it('mixes number and string amounts in the default costs profile (both shapes reach clients)', async () => {
    const scenario = SCENARIOS.healthy_with_spend;
    const start = Math.floor(Date.UTC(2026, 8, 1) / 1000);
    const reply = await callMock(createMockService('healthy_with_spend').handlers, `${scenario.baseUrl}/v1/organization/costs?start_time=${start}&end_time=${start + 4 * 86_400}`, { key: scenario.apiKey });
    const found = deviations('costs', reply.json);
    expect(found).toContain('costs: data[].results[].amount.value type: expected number, got string');
    const values = (reply.json as { data: { results: { amount: { value: unknown } }[] }[] }).data.flatMap((b) => b.results.map((r) => typeof r.amount.value));
    expect(new Set(values)).toEqual(new Set(['string', 'number']));
  });
});

describe('the schema checker', () => {
  it('reports missing required fields, wrong types, enums and extra fields', () => {
    const { object: _dropped, ...noObject } = MODELS_LIST;
    expect(deviations('models', noObject)).toEqual(['models: object required']);
    const badModel = { ...MODELS_LIST, data: [{ ...MODELS_LIST.data[0], created: '1721172741', colour: 'blue' }] };
    expect(deviations('models', badModel).sort()).toEqual(['models: data[].colour extra', 'models: data[].created type: expected integer, got string']);
    const chat = chatCompletion('m', 1) as { choices: Record<string, unknown>[] };
    expect(deviations('chat', { ...chat, choices: [{ ...chat.choices[0], finish_reason: 'bored' }] })).toEqual([
      'chat: choices[].finish_reason enum: "bored" not in ["stop","length","tool_calls","content_filter","function_call"]',
    ]);
  });

  it('follows anyOf, oneOf discriminators and $refs', () => {
    expect(deviations('error', { error: { ...ERRORS.server_error.body.error, code: 5 } })).toEqual(['error: error.code type: expected string, got integer']);
    const page = { object: 'page', has_more: false, next_page: null, data: [{ object: 'bucket', start_time: 1, end_time: 2, results: [{ object: 'organization.nope' }] }] };
    expect(deviations('costs', page)).toEqual(['costs: data[].results[].object discriminator: no branch for "organization.nope"']);
    expect(deviations('spend_limit', { ...spendLimit(1, true), enforcement: {} })).toEqual(['spend_limit: enforcement.status required']);
  });
});
