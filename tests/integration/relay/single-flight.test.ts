// One upstream round per account per interval, however many users ask at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRelayMock, type RelayMock } from '../../../scripts/relay-mock.ts';
import { ACCOUNT_A, ACCOUNT_B, optionsQuery, signToken, testConfig, testRelay, type TestRelay } from './relay-helpers.ts';

/** models + chat: what one check of the `healthy` scenario asks without an Admin key. */
const ROUND = 2;
const USERS = 40;

let mock: RelayMock;
let clock: number;
let relay: TestRelay;

beforeEach(() => {
  // The mock answers after 30 ms, so the asks below overlap a running check.
  mock = startRelayMock('healthy', { latencyMs: 30 });
  clock = Date.now();
  relay = testRelay(testConfig({ RELAY_RATE_LIMIT_PER_MINUTE: '1000' }), { now: () => clock });
});
afterEach(() => mock.close());

async function ask(account: string, user: number, options: Record<string, unknown> = {}): Promise<number> {
  const token = await signToken({ iat: Math.floor(clock / 1000), claims: { account_id: account, user_id: user } });
  return (await relay.get(optionsQuery(options), { 'X-Auth-Token': token })).status;
}

function upstreamOf(account: string): string[] {
  return relay.logs.filter((entry) => entry.account_id === account).map((entry) => entry.upstream);
}

describe('single flight per account', () => {
  it(`${USERS} users of one account at once → one upstream round`, async () => {
    const statuses = await Promise.all(Array.from({ length: USERS }, (_, user) => ask(ACCOUNT_A, user + 1)));
    expect(statuses).toEqual(Array(USERS).fill(200));
    expect(mock.total()).toBe(ROUND);
    expect(upstreamOf(ACCOUNT_A).filter((u) => u === 'checked')).toHaveLength(1);
    // The others waited for that round or read its result, whichever the timing gave.
    expect(upstreamOf(ACCOUNT_A).filter((u) => u !== 'checked').every((u) => u === 'joined' || u === 'cached')).toBe(true);
  });

  it('two accounts → two rounds, each shared by its own users', async () => {
    const asks = Array.from({ length: USERS }, (_, i) => ask(i % 2 === 0 ? ACCOUNT_A : ACCOUNT_B, i + 1));
    expect(await Promise.all(asks)).toEqual(Array(USERS).fill(200));
    expect(mock.total()).toBe(2 * ROUND);
    expect(upstreamOf(ACCOUNT_A).filter((u) => u === 'checked')).toHaveLength(1);
    expect(upstreamOf(ACCOUNT_B).filter((u) => u === 'checked')).toHaveLength(1);
  });

  it('users with different budgets share the round; a different probe setting is its own check', async () => {
    await Promise.all([ask(ACCOUNT_A, 1, { monthlyBudgetUsd: 10 }), ask(ACCOUNT_A, 2, { monthlyBudgetUsd: 999, cardExpiry: '12/30' })]);
    expect(mock.total()).toBe(ROUND);
    await ask(ACCOUNT_A, 3, { quotaProbe: false });
    expect(mock.requests()).toMatchObject({ models: 2, chat: 1 });
  });

  it('30 asks of one user with 30 different probe models and a 1-minute interval → one round', async () => {
    const asks = Array.from({ length: 30 }, (_, i) => ask(ACCOUNT_A, 1, { probeModel: `gpt-made-up-${i}`, checkEveryMinutes: 1 }));
    expect(await Promise.all(asks)).toEqual(Array(30).fill(200));
    // Sequential asks too: the cache, not only the single flight, ignores the model.
    for (let i = 0; i < 5; i += 1) expect(await ask(ACCOUNT_A, 1, { probeModel: `gpt-later-${i}`, checkEveryMinutes: 1 })).toBe(200);
    expect(mock.total()).toBe(ROUND);
    expect(upstreamOf(ACCOUNT_A).filter((u) => u === 'checked')).toHaveLength(1);
    // The floor: a minute later, one more round, however many models are asked.
    clock += 60_000;
    await Promise.all(Array.from({ length: 5 }, (_, i) => ask(ACCOUNT_A, 1, { probeModel: `gpt-next-${i}`, checkEveryMinutes: 1 })));
    expect(mock.total()).toBe(2 * ROUND);
  });

  it('the interval (checkEveryMinutes) expiring → a new round', async () => {
    await ask(ACCOUNT_A, 1, { checkEveryMinutes: 5 });
    clock += 4 * 60_000;
    await ask(ACCOUNT_A, 2, { checkEveryMinutes: 5 });
    expect(mock.total()).toBe(ROUND);
    clock += 60_000;
    await ask(ACCOUNT_A, 3, { checkEveryMinutes: 5 });
    expect(mock.total()).toBe(2 * ROUND);
    expect(upstreamOf(ACCOUNT_A)).toEqual(['checked', 'cached', 'checked']);
  });

  it('a failed key check is retried after a minute, not a whole interval', async () => {
    mock.close();
    mock = startRelayMock('invalid_key');
    await ask(ACCOUNT_A, 1);
    clock += 59_000;
    await ask(ACCOUNT_A, 1);
    expect(upstreamOf(ACCOUNT_A)).toEqual(['checked', 'cached']);
    clock += 1_000;
    await ask(ACCOUNT_A, 1);
    expect(upstreamOf(ACCOUNT_A)).toEqual(['checked', 'cached', 'checked']);
  });
});
