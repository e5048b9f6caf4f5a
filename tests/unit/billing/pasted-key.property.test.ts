// Rule 9 as a property: a key or base URL wrapped (or broken) by the blanks and
// invisible characters that chats and documents add gives the same verdict as the
// clean one, against a server that only knows the clean key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/billing/check.ts';
import { evaluate } from '../../../src/health/evaluate.ts';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import * as E from './bodies.ts';
import { instantSleep, json } from './fake-fetch.ts';

const KEY = 'sk-proj-mock-clean-0123456789';
const NOW = new Date('2026-09-15T10:30:00Z');
const NOISE = [' ', '\t', '\n', '\r\n', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202F', '\u3000', '\u200E', '\u00AD'];

/** A server that answers only the clean key, at the expected host, on models and the probe. */
function server(base: string): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    // As real fetch does: a header value outside Latin-1 throws before anything is sent.
    const auth = new Headers(init?.headers).get('authorization');
    if (url.origin !== new URL(base).origin) throw new TypeError('Failed to fetch');
    if (auth !== `Bearer ${KEY}`) return json(E.E14_INVALID_KEY, 401);
    if (url.pathname === '/v1/models') return json(E.E1_MODELS);
    if (url.pathname === '/v1/chat/completions') return json(E.E27_PROBE_OK);
    return json({ error: { message: 'Invalid URL', type: 'invalid_request_error', param: null, code: null } }, 404);
  }) as typeof fetch;
}

async function verdict(apiKey: string, baseUrl: string, base: string) {
  const signals = await runCheck({ apiKey, baseUrl, quotaProbe: true, probeModel: DEFAULT_OPTIONS.probeModel, fetch: server(base), now: () => NOW, sleep: instantSleep, random: () => 0 });
  const report = evaluate(signals, DEFAULT_OPTIONS, NOW);
  return { status: report.status, codes: report.findings.map((f) => f.code) };
}

const noise = fc.array(fc.constantFrom(...NOISE), { maxLength: 6 }).map((parts) => parts.join(''));
/** The text with noise around it and, sometimes, inside it (a key wrapped across lines). */
const noisy = (text: string) =>
  fc.tuple(noise, noise, noise, fc.nat({ max: text.length })).map(([before, inside, after, at]) => `${before}${text.slice(0, at)}${inside}${text.slice(at)}${after}`);

describe('pasted keys and base URLs (rule 9)', () => {
  it.each([
    ['api.openai.com', 'https://api.openai.com'],
    ['api.openai.com with /v1', 'https://api.openai.com/v1/'],
    ['a relay', 'https://relay.example.test/v1'],
  ])('any noise around %s gives the clean verdict', async (_name, cleanBase) => {
    const clean = await verdict(KEY, cleanBase, cleanBase);
    expect(clean.status).toBe('ok');
    await fc.assert(
      fc.asyncProperty(noisy(KEY), noisy(cleanBase), async (apiKey, baseUrl) => {
        expect(await verdict(apiKey, baseUrl, cleanBase)).toEqual(clean);
      }),
      { numRuns: 150 },
    );
  });

  it('a key that still cannot go in a header is key_invalid, never unreachable', async () => {
    for (const apiKey of ['sk-proj-mock-\u0441yrillic', 'sk-proj-mock-“quoted”', 'sk-proj-mock-€uro']) {
      expect(await verdict(apiKey, 'https://api.openai.com', 'https://api.openai.com')).toEqual({ status: 'critical', codes: ['key_invalid'] });
    }
  });
});
