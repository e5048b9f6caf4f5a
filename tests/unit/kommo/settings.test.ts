import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import { readConfig, readParams, readWidgetCode, saveRefusal } from '../../../src/kommo/settings.ts';

describe('readParams', () => {
  it('prefers get_settings(), then params, then nothing', () => {
    expect(readParams({ get_settings: () => ({ widget_code: 'a' }), params: { widget_code: 'b' } })).toEqual({ widget_code: 'a' });
    expect(readParams({ get_settings: () => { throw new Error('x'); }, params: { widget_code: 'b' } })).toEqual({ widget_code: 'b' });
    expect(readParams({})).toEqual({});
  });
});

describe('readWidgetCode', () => {
  it('accepts the documented shape only (it goes into selectors)', () => {
    expect(readWidgetCode({ widget_code: 'bytegpt_health' })).toBe('bytegpt_health');
    expect(readWidgetCode({ widget_code: 'a"] , body' })).toBeNull();
    expect(readWidgetCode({ widget_code: '1abc' })).toBeNull();
    expect(readWidgetCode({})).toBeNull();
  });
});

describe('readConfig', () => {
  it('is not configured without a key', () => {
    expect(readConfig({})).toEqual({ ok: false, reason: 'no_key', options: DEFAULT_OPTIONS });
    // The options still count without a key: the empty-key report is judged with them.
    expect(readConfig({ api_key: '   ', options: '{"quotaProbe":true}' })).toEqual({
      ok: false,
      reason: 'no_key',
      options: { ...DEFAULT_OPTIONS, quotaProbe: true },
    });
  });

  it('reads key, base URL and parsed options with defaults', () => {
    const read = readConfig({ api_key: ' sk-proj-abc ', base_url: 'https://relay.example', options: '{"quotaProbe":true,"extra":1}' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.config.apiKey).toBe('sk-proj-abc');
    expect(read.config.baseUrl).toBe('https://relay.example');
    expect(read.config.options.quotaProbe).toBe(true);
    expect(read.config.options.checkEveryMinutes).toBe(15);
    expect(read.config.options.extra).toBe(1);
  });
});

describe('saveRefusal (onSave validation)', () => {
  it('refuses an admin key', () => {
    expect(saveRefusal({ api_key: 'sk-admin-123' })).toBe('settings.form.admin_key_refused');
    expect(saveRefusal({ api_key: '  sk-admin-123' })).toBe('settings.form.admin_key_refused');
  });

  it('refuses a non-https base URL except loopback', () => {
    expect(saveRefusal({ api_key: 'sk-proj-1', base_url: 'http://relay.example' })).toBe('settings.form.base_url_invalid');
    expect(saveRefusal({ base_url: 'ftp://relay.example' })).toBe('settings.form.base_url_invalid');
    expect(saveRefusal({ base_url: 'not a url' })).toBe('settings.form.base_url_invalid');
    expect(saveRefusal({ base_url: 'http://127.0.0.1:8080' })).toBeNull();
    expect(saveRefusal({ base_url: 'https://relay.example/v1' })).toBeNull();
  });

  it('accepts a normal form and an empty one', () => {
    expect(saveRefusal({ api_key: 'sk-proj-1', base_url: '' })).toBeNull();
    expect(saveRefusal({})).toBeNull();
    expect(saveRefusal(undefined)).toBeNull();
  });
});
