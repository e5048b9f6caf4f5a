// The settings modal (options form), onSave validation and the advanced settings page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import $ from 'jquery';
import { CODE, createApp, setUpPage, settingsModal, type FakeApp } from './kommo-host.ts';
import { EN, makeReport } from './text.ts';
import { fakeSource, setupWidget, type SetupOptions } from './widget-harness.ts';

let app: FakeApp;

const setup = (opts: Omit<SetupOptions, 'app'> & { app?: FakeApp | null } = {}) =>
  setupWidget({ ...opts, app: opts.app === undefined ? app : opts.app });

beforeEach(() => {
  setUpPage();
  app = createApp();
  vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('settings($modal)', () => {
  it('mounts the options form and writes merged JSON into the hidden input with a change', () => {
    const { callbacks } = setup({ area: 'settings' });
    const modal = settingsModal('{"quotaProbe":false,"future":{"x":1},"cardExpiry":"08/27"}');
    const input = modal.querySelector<HTMLInputElement>(`#${CODE}_custom`)!;
    const changed = vi.fn();
    $(input).on('change', changed);

    expect(callbacks.settings($(modal))).toBe(true);
    const form = modal.querySelector(`#${CODE}_custom_content [data-bytegpt-form="options"]`)!;
    expect(form).not.toBeNull();
    const expiry = form.querySelector<HTMLInputElement>('[name="cardExpiry"]')!;
    expect(expiry.value).toBe('08/27');

    (form.querySelector('[name="quotaProbe"]') as HTMLInputElement).click();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(JSON.parse(input.value)).toEqual({ quotaProbe: true, future: { x: 1 }, cardExpiry: '08/27', monthlyBudgetUsd: null, lowBalanceUsd: null });

    const budget = form.querySelector<HTMLInputElement>('[name="monthlyBudgetUsd"]')!;
    budget.value = '250';
    budget.dispatchEvent(new Event('input', { bubbles: true }));
    expect(changed).toHaveBeenCalledTimes(2);
    expect(JSON.parse(input.value)).toMatchObject({ monthlyBudgetUsd: 250, future: { x: 1 } });
  });

  it('starts from the saved setting when the hidden input is empty, and replaces its own form on reopen', () => {
    const { callbacks } = setup({ area: 'settings', settings: { options: '{"lowBalanceUsd":3}' } });
    const modal = settingsModal('');
    callbacks.settings(modal);
    callbacks.settings(modal);
    expect(modal.querySelectorAll('[data-bytegpt-form="options"]')).toHaveLength(1);
    expect(modal.querySelector<HTMLInputElement>('[name="lowBalanceUsd"]')!.value).toBe('3');
  });

  it('does nothing when Kommo rendered no custom field', () => {
    const { callbacks } = setup({ area: 'settings' });
    expect(callbacks.settings(document.createElement('div'))).toBe(true);
    expect(document.querySelectorAll('.bytegpt-health')).toHaveLength(0);
  });
});

describe('onSave', () => {
  it('refuses an admin key with a clear message', () => {
    const { callbacks } = setup({ area: 'settings' });
    expect(callbacks.onSave({ fields: { api_key: 'sk-admin-abc', base_url: '' }, active: 'Y' })).toBe(false);
    expect(app.showError).toHaveBeenCalledWith({ header: EN.widget.name, text: EN.settings.form.admin_key_refused });
  });

  it('refuses a plain-http base URL that is not loopback', () => {
    const { callbacks } = setup({ area: 'settings' });
    expect(callbacks.onSave({ fields: { api_key: 'sk-proj-1', base_url: 'http://relay.example' }, active: 'Y' })).toBe(false);
    expect(app.showError).toHaveBeenCalledWith({ header: EN.widget.name, text: EN.settings.form.base_url_invalid });
  });

  it('accepts good settings, and never blocks disabling the widget', () => {
    const { callbacks } = setup({ area: 'settings' });
    expect(callbacks.onSave({ fields: { api_key: 'sk-proj-1', base_url: 'https://relay.example/v1', options: '{}' }, active: 'Y' })).toBe(true);
    expect(callbacks.onSave({ fields: { api_key: 'sk-admin-abc' }, active: 'N' })).toBe(true);
    expect(app.showError).not.toHaveBeenCalled();
  });
});

describe('advancedSettings', () => {
  it('mounts the intro and the status panel in #work-area-<code>', () => {
    const area = document.createElement('div');
    area.id = `work-area-${CODE}`;
    document.body.appendChild(area);
    const { callbacks } = setup({ area: 'advanced_settings', source: fakeSource({ report: makeReport('ok') }) });
    expect(callbacks.advancedSettings()).toBe(true);
    expect(callbacks.advancedSettings()).toBe(true);
    expect(area.querySelectorAll('.bytegpt-health-root')).toHaveLength(1);
    expect(area.textContent).toContain(EN.advanced.intro);
    expect(area.querySelector('.bytegpt-health-root')!.getAttribute('data-bytegpt-health')).toBe('ok');
    callbacks.destroy();
    expect(area.children).toHaveLength(0);
  });
});
