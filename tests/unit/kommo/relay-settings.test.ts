// The relay_url setting (design.md "Relay"): read for a check, refused on Save when it is
// not https (or loopback http), and with it the key may stay empty and is never used.
import { describe, expect, it } from 'vitest';
import { readConfig, saveRefusal } from '../../../src/kommo/settings.ts';
import { readRelayUrl } from '../../../src/monitor/relay-url.ts';

describe('readRelayUrl', () => {
  it.each([
    ['https://relay.example.com', 'https://relay.example.com'],
    ['  https://relay.example.com/ \n', 'https://relay.example.com'],
    ['https://relay.example.com/v1/', 'https://relay.example.com'],
    ['https://example.com/bytegpt-relay', 'https://example.com/bytegpt-relay'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['\u200Bhttps://relay.example.com\uFEFF', 'https://relay.example.com'],
  ])('accepts %j as %s', (raw, url) => {
    expect(readRelayUrl(raw)).toEqual({ kind: 'ok', url });
  });

  it.each([
    ['http://relay.example.com', 'not_https'],
    ['http://10.0.0.5:8787', 'not_https'],
    ['ftp://relay.example.com', 'invalid'],
    ['relay.example.com', 'invalid'],
    ['https://user:pass@relay.example.com', 'invalid'],
    ['https://relay.example.com/?token=1', 'invalid'],
    ['https://relay.example.com/#x', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(readRelayUrl(raw)).toEqual({ kind: 'invalid', reason });
  });

  it('reads blank, missing and non-string values as "no relay"', () => {
    for (const raw of ['', '   ', '\u200B', undefined, null, 42, {}]) expect(readRelayUrl(raw)).toEqual({ kind: 'none' });
  });
});

describe('readConfig with relay_url', () => {
  it('is configured by a relay URL alone: the key may stay empty', () => {
    const read = readConfig({ relay_url: ' https://relay.example.com ', options: '{"monthlyBudgetUsd":50}' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.config.relayUrl).toBe('https://relay.example.com');
    expect(read.config.options.monthlyBudgetUsd).toBe(50);
  });

  it('never carries the key into a relay configuration', () => {
    const read = readConfig({ api_key: 'sk-proj-DoNotSendMe123', relay_url: 'https://relay.example.com' });
    expect(read.ok && read.config.apiKey).toBe('');
    expect(JSON.stringify(read)).not.toContain('DoNotSendMe');
  });

  it('keeps a saved relay URL that is refused, so the source can say why (nothing is sent)', () => {
    const read = readConfig({ relay_url: 'http://relay.example.com' });
    expect(read.ok && read.config.relayUrl).toBe('http://relay.example.com');
  });

  it('without a relay URL reads the key as before', () => {
    expect(readConfig({ relay_url: '  ' })).toMatchObject({ ok: false, reason: 'no_key' });
    const read = readConfig({ api_key: 'sk-proj-1', relay_url: '' });
    expect(read.ok && read.config.relayUrl).toBeUndefined();
    expect(read.ok && read.config.apiKey).toBe('sk-proj-1');
  });
});

describe('saveRefusal with relay_url', () => {
  it('refuses a relay URL that is not https (or loopback http)', () => {
    expect(saveRefusal({ relay_url: 'http://relay.example.com' })).toBe('settings.form.relay_url_invalid');
    expect(saveRefusal({ relay_url: 'relay.example.com' })).toBe('settings.form.relay_url_invalid');
    expect(saveRefusal({ api_key: '', relay_url: 'https://relay.example.com?x=1' })).toBe('settings.form.relay_url_invalid');
  });

  it('accepts a good relay URL with an empty key, and an empty relay URL', () => {
    expect(saveRefusal({ api_key: '', relay_url: 'https://relay.example.com' })).toBeNull();
    expect(saveRefusal({ api_key: '', relay_url: 'http://127.0.0.1:8787' })).toBeNull();
    expect(saveRefusal({ api_key: 'sk-proj-1', relay_url: '' })).toBeNull();
  });

  it('still refuses an admin key next to a relay URL', () => {
    expect(saveRefusal({ api_key: 'sk-admin-1', relay_url: 'https://relay.example.com' })).toBe('settings.form.admin_key_refused');
  });
});
