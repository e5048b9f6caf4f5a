import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from '../../../src/billing/base-url.ts';
import { isAdminKey, redactMessage } from '../../../src/billing/credentials.ts';

describe('normalizeBaseUrl', () => {
  it.each([undefined, '', '   '])('defaults %j to OpenAI', (raw) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: true, base: 'https://api.openai.com', isOpenAI: true });
  });

  it.each([
    ['https://api.openai.com', 'https://api.openai.com', true],
    ['https://api.openai.com/', 'https://api.openai.com', true],
    ['https://api.openai.com/v1', 'https://api.openai.com', true],
    ['https://api.openai.com/v1/', 'https://api.openai.com', true],
    ['https://API.OpenAI.com/V1//', 'https://api.openai.com', true],
    ['  https://relay.example.com/v1  ', 'https://relay.example.com', false],
    ['https://relay.example.com:8443/openai/v1', 'https://relay.example.com:8443/openai', false],
    ['https://relay.example.com/openai///', 'https://relay.example.com/openai', false],
    ['https://relay.example.com:443/', 'https://relay.example.com', false],
    ['http://127.0.0.1:3000/v1', 'http://127.0.0.1:3000', false],
    ['http://localhost:8080', 'http://localhost:8080', false],
    ['http://localhost', 'http://localhost', false],
    ['http://[::1]:9999/v1/', 'http://[::1]:9999', false],
  ])('accepts %j as %j', (raw, base, isOpenAI) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: true, base, isOpenAI });
  });

  it.each(['http://api.openai.com', 'http://relay.example.com/v1', 'http://127.0.0.2:3000', 'http://localhost.evil.test', 'http://10.0.0.1'])(
    'refuses plain http to %j',
    (raw) => {
      expect(normalizeBaseUrl(raw)).toEqual({ ok: false, reason: 'not_https' });
    },
  );

  it.each([
    'api.openai.com',
    'not a url',
    'ftp://api.openai.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://user:pass@relay.example.com',
    'https://relay.example.com/?key=1',
    'https://relay.example.com/#frag',
    'https://',
  ])('refuses %j as invalid', (raw) => {
    expect(normalizeBaseUrl(raw)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('only calls api.openai.com itself OpenAI', () => {
    expect(normalizeBaseUrl('https://api.openai.com.evil.test')).toMatchObject({ ok: true, isOpenAI: false });
    expect(normalizeBaseUrl('https://eu.api.openai.com')).toMatchObject({ ok: true, isOpenAI: false });
  });
});

describe('credentials', () => {
  it('recognises admin keys', () => {
    expect(isAdminKey('sk-admin-1234abcd')).toBe(true);
    expect(isAdminKey('  sk-admin-1234abcd\n')).toBe(true);
    expect(isAdminKey('sk-proj-abc')).toBe(false);
    expect(isAdminKey('sk-adminx')).toBe(false);
    expect(isAdminKey('')).toBe(false);
  });

  it('redacts the key and key-shaped text from server messages', () => {
    const key = 'relay-token-0123456789abcdef';
    const out = redactMessage(`bad token ${key}; also Incorrect API key provided: sk-proj-****MxYA.`, key);
    expect(out).not.toContain(key);
    expect(out).not.toContain('MxYA');
    expect(out).toContain('[redacted]');
    expect(out).toContain('bad token');
  });

  it('caps long messages', () => {
    expect(redactMessage('x'.repeat(1000), 'k').length).toBeLessThanOrEqual(301);
  });
});
