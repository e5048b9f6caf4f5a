// Keys, the integration secret and the tokens never reach a log line, a response body
// or a response header, whatever the request: good, refused, not found, failing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MOCK_ADMIN_KEY, startRelayMock, type RelayMock } from '../../../scripts/relay-mock.ts';
import { SCENARIOS } from '../../../src/mocks/scenarios.ts';
import { ORIGIN_A, signToken, TEST_SECRET, testConfig, testRelay } from './relay-helpers.ts';

let mock: RelayMock;
beforeAll(() => {
  mock = startRelayMock('healthy', { admin: true });
});
afterAll(() => mock.close());

const PROJECT_KEY = SCENARIOS.healthy.apiKey;

describe('secrets stay out of logs and answers', () => {
  it('across every kind of request', async () => {
    const printed: string[] = [];
    const capture = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    const spies = (['log', 'info', 'warn', 'error', 'trace', 'debug'] as const).map((name) => vi.spyOn(console, name).mockImplementation(capture));
    const tokens: string[] = [];
    const token = async (...args: Parameters<typeof signToken>) => {
      const value = await signToken(...args);
      tokens.push(value);
      return value;
    };
    const config = testConfig({ OPENAI_API_KEY: PROJECT_KEY, OPENAI_ADMIN_KEY: MOCK_ADMIN_KEY });
    const relay = testRelay(config);
    // A failing engine whose error quotes every secret: the log must still not.
    const failing = testRelay(config, {
      runCheck: async () => {
        throw new Error(`upstream said ${PROJECT_KEY} ${MOCK_ADMIN_KEY} ${TEST_SECRET} ${tokens[0]}`);
      },
    });
    const answers: Response[] = [];
    try {
      answers.push(await relay.get('', { 'X-Auth-Token': await token(), Origin: ORIGIN_A }));
      answers.push(await relay.get('', { 'X-Auth-Token': await token({ secret: 'forged-secret-forged-secret-0123456789' }) }));
      answers.push(await relay.get('', { 'X-Auth-Token': await token({ iat: 1_000_000 }) }));
      answers.push(await relay.get('', { 'X-Auth-Token': await token({ claims: { account_id: 7 } }) }));
      answers.push(await relay.get('?options=%7B', { 'X-Auth-Token': await token() }));
      answers.push(await relay.app.request(`/v1/models?key=${PROJECT_KEY}`, { headers: { 'X-Auth-Token': await token(), Authorization: `Bearer ${PROJECT_KEY}` } }));
      answers.push(await failing.get('', { 'X-Auth-Token': await token() }));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(answers.map((a) => a.status)).toEqual([200, 401, 401, 403, 400, 404, 500]);

    const seen = [
      ...relay.logs.map((entry) => JSON.stringify(entry)),
      ...failing.logs.map((entry) => JSON.stringify(entry)),
      ...printed,
      ...(await Promise.all(answers.map((a) => a.text()))),
      ...answers.map((a) => JSON.stringify([...a.headers])),
    ].join('\n');
    // The requests were really made and logged (a blank log would pass the checks below).
    expect(relay.logs).toHaveLength(6);
    expect(failing.logs[0]?.error).toContain('[redacted]');
    for (const secret of [PROJECT_KEY, MOCK_ADMIN_KEY, TEST_SECRET, ...tokens]) expect(seen).not.toContain(secret);
    // Nor any piece of a token (its signature alone is enough to replay the header).
    for (const value of tokens) for (const part of value.split('.')) expect(seen).not.toContain(part);
  });
});
