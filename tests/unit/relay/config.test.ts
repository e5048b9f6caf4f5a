// The relay's environment: every variable checked at startup, errors that name the
// variable and never print its value.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_MODEL } from '../../../src/health/options.ts';
import { parseRelayConfig, RelayConfigError } from '../../../src/relay/config.ts';
import { ACCOUNT_A, ACCOUNT_B, TEST_SECRET, TEST_UUID, testEnv } from '../../integration/relay/relay-helpers.ts';

function failure(overrides: Record<string, string | undefined>): RelayConfigError {
  try {
    parseRelayConfig(testEnv(overrides));
  } catch (error) {
    if (error instanceof RelayConfigError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('parseRelayConfig', () => {
  it('reads a complete environment, with defaults for the optional variables', () => {
    const config = parseRelayConfig(testEnv({ KOMMO_ACCOUNT_IDS: ` ${ACCOUNT_A} , ${ACCOUNT_B},` }));
    expect(config).toEqual({
      port: 8787,
      host: '0.0.0.0',
      clientSecret: TEST_SECRET,
      clientUuid: TEST_UUID,
      accountIds: new Set([ACCOUNT_A, ACCOUNT_B]),
      apiKey: 'sk-proj-mock-healthy',
      adminKey: null,
      probeModel: DEFAULT_PROBE_MODEL,
      baseUrl: 'https://api.openai.com',
      extraOrigins: new Set(),
      rateLimitPerMinute: 30,
    });
  });

  it('takes every optional variable, cleaning pasted keys and URLs', () => {
    const config = parseRelayConfig(
      testEnv({
        PORT: '0',
        HOST: '127.0.0.1',
        OPENAI_API_KEY: ' sk-proj-abc\u200B\n',
        OPENAI_ADMIN_KEY: 'sk-admin-abc ',
        OPENAI_BASE_URL: 'https://relay.example.com/v1/',
        RELAY_ALLOWED_ORIGINS: 'http://127.0.0.1:5173, https://crm.example.com/',
        RELAY_RATE_LIMIT_PER_MINUTE: '120',
        RELAY_PROBE_MODEL: ' ft:gpt-4o-mini-2024-07-18:acme::AbC ',
      }),
    );
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      apiKey: 'sk-proj-abc',
      adminKey: 'sk-admin-abc',
      baseUrl: 'https://relay.example.com',
      extraOrigins: new Set(['http://127.0.0.1:5173', 'https://crm.example.com']),
      rateLimitPerMinute: 120,
      probeModel: 'ft:gpt-4o-mini-2024-07-18:acme::AbC',
    });
  });

  it('takes plain http:// extra origins only on loopback hosts', () => {
    const loopback = 'http://localhost:3000,http://[::1]:5173,http://127.0.0.1';
    expect(parseRelayConfig(testEnv({ RELAY_ALLOWED_ORIGINS: loopback })).extraOrigins).toEqual(
      new Set(['http://localhost:3000', 'http://[::1]:5173', 'http://127.0.0.1']),
    );
    for (const origin of ['http://crm.example.com', 'http://10.0.0.5:8080', 'http://localhost.example.com', 'http://127.0.0.1.nip.io']) {
      expect(failure({ RELAY_ALLOWED_ORIGINS: `https://ok.example.com,${origin}` }).variable).toBe('RELAY_ALLOWED_ORIGINS');
    }
  });

  const BAD: [string, Record<string, string | undefined>, RegExp][] = [
    ['KOMMO_CLIENT_SECRET', { KOMMO_CLIENT_SECRET: undefined }, /missing/],
    ['KOMMO_CLIENT_SECRET', { KOMMO_CLIENT_SECRET: 'short-secret-value' }, /at least 32/],
    ['KOMMO_CLIENT_UUID', { KOMMO_CLIENT_UUID: '' }, /missing/],
    ['KOMMO_CLIENT_UUID', { KOMMO_CLIENT_UUID: 'uuid/with/slashes!' }, /integration's id/],
    ['KOMMO_ACCOUNT_IDS', { KOMMO_ACCOUNT_IDS: undefined }, /missing/],
    ['KOMMO_ACCOUNT_IDS', { KOMMO_ACCOUNT_IDS: '123,acme' }, /whole numbers/],
    ['KOMMO_ACCOUNT_IDS', { KOMMO_ACCOUNT_IDS: ' , ' }, /whole numbers/],
    ['OPENAI_API_KEY', { OPENAI_API_KEY: undefined }, /missing/],
    ['OPENAI_API_KEY', { OPENAI_API_KEY: 'sk-admin-secret-admin-value' }, /OPENAI_ADMIN_KEY/],
    ['OPENAI_API_KEY', { OPENAI_API_KEY: 'sk-proj-ключ' }, /header/],
    ['OPENAI_ADMIN_KEY', { OPENAI_ADMIN_KEY: 'sk-admin-ключ' }, /header/],
    ['OPENAI_BASE_URL', { OPENAI_BASE_URL: 'http://api.example.com' }, /https/],
    ['OPENAI_BASE_URL', { OPENAI_BASE_URL: 'https://user:pw@api.example.com' }, /https/],
    ['PORT', { PORT: '80a' }, /whole number/],
    ['PORT', { PORT: '70000' }, /whole number/],
    ['RELAY_ALLOWED_ORIGINS', { RELAY_ALLOWED_ORIGINS: 'https://crm.example.com/path' }, /origins/],
    ['RELAY_ALLOWED_ORIGINS', { RELAY_ALLOWED_ORIGINS: '*' }, /origins/],
    ['RELAY_ALLOWED_ORIGINS', { RELAY_ALLOWED_ORIGINS: 'http://crm.example.com' }, /loopback|127\.0\.0\.1, localhost or \[::1\]/],
    ['RELAY_PROBE_MODEL', { RELAY_PROBE_MODEL: 'gpt-4o-mini;drop' }, /model id/],
    ['RELAY_PROBE_MODEL', { RELAY_PROBE_MODEL: `gpt-${'x'.repeat(100)}` }, /model id/],
    ['RELAY_RATE_LIMIT_PER_MINUTE', { RELAY_RATE_LIMIT_PER_MINUTE: '0' }, /whole number/],
  ];

  it.each(BAD)('refuses a bad %s, naming it without its value', (variable, overrides, why) => {
    const error = failure(overrides);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toMatch(why);
    for (const value of Object.values(overrides)) if (value && value.trim().length > 3) expect(error.message).not.toContain(value.trim());
  });
});
