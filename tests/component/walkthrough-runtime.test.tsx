// The walkthrough through the widget's own callbacks: the store per user and account in
// localStorage, shared with other tabs, the verify step's real check, the restart rule,
// the card expiry the step stores, and nothing left behind on destroy.
import { fireEvent } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STEP_IDS } from '../../src/checklist/steps.ts';
import type { Finding } from '../../src/health/types.ts';
import { CODE, createApp, instrumentListeners, setUpPage, type FakeApp } from './kommo-host.ts';
import { makeReport } from './text.ts';
import { fakeSource, setupWidget, type FakeSource } from './widget-harness.ts';

const PROGRESS_KEY = 'bytegpt-health:walkthrough:v1:777:5';
const EXPIRY_KEY = 'bytegpt-health:card-expiry:777';
const credits: Finding = { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' };
const OLD = '2020-01-01T00:00:00.000Z';

let app: FakeApp;

beforeEach(() => {
  setUpPage();
  localStorage.clear();
  app = createApp();
  vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

function advancedPage(source: FakeSource, opts: { app?: FakeApp; settings?: Record<string, unknown> } = {}) {
  const area = document.createElement('div');
  area.id = `work-area-${CODE}`;
  document.body.appendChild(area);
  const widget = setupWidget({ area: 'advanced_settings', source, app: opts.app ?? app, settings: opts.settings });
  widget.callbacks.advancedSettings();
  return widget;
}

const stored = () => JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null') as { done: string[]; finishedAt: string | null; runs: string[] } | null;
const step = (id: string) => document.querySelector<HTMLElement>(`.bytegpt-health__walkthrough [data-step="${id}"]`)!;
const doneFlags = () => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.bytegpt-health__walkthrough [data-step]')].map((s) => [s.dataset.step, s.dataset.done]));

describe('the walkthrough in the widget', () => {
  it('keeps progress per user and account in localStorage, and reads it back after a reload', () => {
    const first = advancedPage(fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) }));
    fireEvent.click(step('login').querySelector('[data-action="mark-done"]')!);
    expect(step('login').dataset.done).toBe('true');
    expect(stored()?.done).toEqual(['login']);
    expect(Object.keys(localStorage).some((k) => k.includes('sk-'))).toBe(false);
    first.callbacks.destroy();

    setUpPage();
    advancedPage(fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) }));
    expect(doneFlags().login).toBe('true');
    expect(doneFlags().dashboard).toBe('false');
  });

  it("follows another tab's progress through the storage event", () => {
    advancedPage(fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) }));
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, done: ['login', 'dashboard'], finishedAt: null, runs: [], verify: null, seen: null }));
    window.dispatchEvent(new StorageEvent('storage', { key: PROGRESS_KEY }));
    expect(doneFlags()).toMatchObject({ login: 'true', dashboard: 'true', billing: 'false' });
  });

  it('verify runs a real check, says so while it runs, and passes on the next healthy report', () => {
    const fake = fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) });
    advancedPage(fake);
    for (const id of STEP_IDS) if (id !== 'verify') fireEvent.click(step(id).querySelector('[data-action="mark-done"]')!);
    fireEvent.click(step('verify').querySelector('[data-action="verify"]')!);
    expect(fake.source.recheck).toHaveBeenCalledTimes(1);
    fake.push({ checking: true });
    const button = step('verify').querySelector<HTMLButtonElement>('[data-action="verify"]')!;
    expect(button.disabled).toBe(true);
    // A report from before the click does not count.
    fake.push({ checking: false, report: makeReport('ok', [], { checkedAt: OLD }) });
    expect(step('verify').dataset.done).toBe('false');
    fake.push({ checking: true });
    fake.push({ checking: false, report: makeReport('ok', [], { checkedAt: new Date(Date.now() + 1000).toISOString() }) });
    expect(step('verify').dataset.done).toBe('true');
    expect(step('verify').querySelector('[data-verify]')!.getAttribute('data-verify')).toBe('passed');
    expect(stored()?.finishedAt).not.toBeNull();
    expect(stored()?.runs).toHaveLength(1);
    expect(document.querySelector('.bytegpt-health__walkthrough')!.getAttribute('data-walkthrough-finished')).toBe(stored()?.finishedAt);
  });

  it('verify fails on a report that still has no credit, and when the check itself fails', () => {
    const fake = fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) });
    advancedPage(fake);
    fireEvent.click(step('verify').querySelector('[data-action="verify"]')!);
    fake.push({ checking: true });
    fake.push({ checking: false, report: makeReport('critical', [credits], { checkedAt: new Date(Date.now() + 1000).toISOString() }) });
    expect(step('verify').querySelector('[data-verify]')!.getAttribute('data-verify')).toBe('failed');
    fireEvent.click(step('verify').querySelector('[data-action="verify"]')!);
    fake.push({ checking: true });
    fake.push({ checking: false, failed: true });
    expect(step('verify').querySelector('[data-verify]')!.getAttribute('data-verify')).toBe('error');
  });

  it('starts over when a new critical billing finding arrives after a finished run', () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({ v: 1, done: [...STEP_IDS], finishedAt: at, runs: [at], verify: { at, passed: true, blockers: [] }, seen: { at, critical: [] } }),
    );
    const fake = fakeSource({ report: makeReport('ok', [], { checkedAt: at }) });
    advancedPage(fake);
    expect(Object.values(doneFlags())).toEqual(STEP_IDS.map(() => 'true'));
    fake.push({ report: makeReport('critical', [credits], { checkedAt: new Date().toISOString() }) });
    expect(Object.values(doneFlags())).toEqual(STEP_IDS.map(() => 'false'));
    expect(stored()?.runs).toEqual([at]);
  });

  it('stores the card expiry per account and the rules use it when the settings have none', () => {
    const fake = fakeSource({ report: makeReport('ok', [], { checkedAt: OLD }) });
    const { env } = advancedPage(fake);
    fireEvent.click(step('expiry_alerts').querySelector('[data-action="mark-done"]')!);
    const input = step('expiry_alerts').querySelector<HTMLInputElement>('input')!;
    fireEvent.input(input, { target: { value: '08/29' } });
    fireEvent.submit(step('expiry_alerts').querySelector('form')!);
    expect(localStorage.getItem(EXPIRY_KEY)).toBe('08/29');
    const create = vi.mocked(env.createSource);
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[0]![0].options.cardExpiry).toBeNull();
    expect(create.mock.calls[1]![0].options.cardExpiry).toBe('08/29');
  });

  it('the expiry saved in the settings wins over a stored one', () => {
    localStorage.setItem(EXPIRY_KEY, '08/29');
    const { env } = advancedPage(fakeSource({ report: makeReport('ok', [], { checkedAt: OLD }) }), { settings: { options: '{"cardExpiry":"12/27"}' } });
    expect(vi.mocked(env.createSource).mock.calls[0]![0].options.cardExpiry).toBe('12/27');
    fireEvent.click(step('expiry_alerts').querySelector('[data-action="mark-done"]')!);
    expect(step('expiry_alerts').querySelector('[data-expiry-source="settings"]')).not.toBeNull();
  });

  it("another tab's stored expiry reaches this tab's rules", () => {
    const { env } = advancedPage(fakeSource({ report: makeReport('ok', [], { checkedAt: OLD }) }));
    localStorage.setItem(EXPIRY_KEY, '03/27');
    window.dispatchEvent(new StorageEvent('storage', { key: EXPIRY_KEY }));
    expect(vi.mocked(env.createSource).mock.calls.at(-1)![0].options.cardExpiry).toBe('03/27');
  });

  it('a member never sees a step and stores nothing', () => {
    const member = createApp({ admin: false });
    advancedPage(fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) }), { app: member });
    expect(document.querySelector('[data-finding="credits_exhausted"]')).not.toBeNull();
    expect(document.querySelector('[data-step], [data-fix-step], [data-fix]')).toBeNull();
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
  });

  it('the sidebar shows "Fix it" to an admin with a billing finding, and never to a member', () => {
    const admin = setupWidget({ source: fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) }), app });
    admin.callbacks.render();
    expect(document.querySelector('[data-action="fix-it"]')!.textContent).toBe('Fix it: step 1 of 11');
    admin.callbacks.destroy();
    setUpPage();
    const member = setupWidget({ source: fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) }), app: createApp({ admin: false }) });
    member.callbacks.render();
    expect(document.querySelector('.bytegpt-health-root')).not.toBeNull();
    expect(document.querySelector('[data-action="fix-it"], [data-step]')).toBeNull();
  });

  it('removes its storage listeners on destroy', () => {
    const listeners = instrumentListeners();
    try {
      const { callbacks } = advancedPage(fakeSource({ report: makeReport('critical', [credits], { checkedAt: OLD }) }));
      callbacks.destroy();
      expect(listeners.leaked()).toEqual([]);
    } finally {
      listeners.restore();
    }
  });
});
