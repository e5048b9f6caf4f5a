// admin.js's load as the widget sees it (src/kommo/admin-file.ts, admin-view.ts): one
// load per page however many ask, a failure kept only until the next try, a file that
// is not ours refused; and through the widget's callbacks with a fake file: an admin's
// card asks for it when idle, "Fix it" pressed before it arrives waits busy and opens
// the step once it has, a member never asks, and a destroy during the load is safe.
import { fireEvent } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/health/types.ts';
import { createAdminFile, type AdminFile } from '../../src/kommo/admin-file.ts';
import { Dashboard, SettingsFields, Walkthrough, WalkthroughStep, type AdminParts } from '../../src/ui/admin-ui.tsx';
import { ADMIN_CSS } from '../../src/ui/css/admin.ts';
import { createApp, setUpPage } from './kommo-host.ts';
import { makeReport } from './text.ts';
import { fakeSource, setupWidget } from './widget-harness.ts';

const PARTS: AdminParts = { Dashboard, SettingsFields, Walkthrough, WalkthroughStep, css: ADMIN_CSS };
const credits: Finding = { code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' };

/** A RequireJS stand-in: each call waits until the test settles it. */
function fakeRequire() {
  const calls: Array<{ url: string; resolve(value: unknown): void; reject(error: unknown): void }> = [];
  const requireModule = vi.fn(
    (url: string) =>
      new Promise<unknown>((resolve, reject) => {
        calls.push({ url, resolve, reject });
      }),
  );
  return { calls, requireModule };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  setUpPage();
  localStorage.clear();
  vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the page-wide admin.js load', () => {
  it('asks once with the versioned URL however many times it is asked, and tells every listener', async () => {
    const { calls, requireModule } = fakeRequire();
    const file = createAdminFile(requireModule, '1.2.3');
    const heard = vi.fn();
    file.subscribe(heard);
    file.load('/upl/code/1.2.3/widget/');
    file.load('/upl/code/1.2.3/widget');
    expect(requireModule).toHaveBeenCalledTimes(1);
    expect(calls[0]!.url).toBe('/upl/code/1.2.3/widget/admin.js?v=1.2.3');
    expect(file.phase()).toBe('loading');
    calls[0]!.resolve(PARTS);
    await settle();
    expect(file.phase()).toBe('ready');
    expect(file.parts()).toBe(PARTS);
    file.load('/upl/code/1.2.3/widget');
    expect(requireModule).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('a failure lasts until the next load, which asks again', async () => {
    const { calls, requireModule } = fakeRequire();
    const file = createAdminFile(requireModule, '1');
    file.load('/w');
    calls[0]!.reject(new Error('Script error for "/w/admin.js?v=1"'));
    await settle();
    expect(file.phase()).toBe('failed');
    expect(console.trace).toHaveBeenCalledTimes(1);
    file.load('/w');
    expect(requireModule).toHaveBeenCalledTimes(2);
    calls[1]!.resolve(PARTS);
    await settle();
    expect(file.phase()).toBe('ready');
  });

  it('refuses a module that is not the admin file, and a path it cannot use', async () => {
    const { calls, requireModule } = fakeRequire();
    const file = createAdminFile(requireModule, '1');
    file.load('/w');
    calls[0]!.resolve({ ...PARTS, css: undefined });
    await settle();
    expect(file.phase()).toBe('failed');
    expect(file.parts()).toBeNull();
    for (const path of [undefined, '', 'upl/x', 'javascript:alert(1)', '/a"b']) {
      const other = createAdminFile(requireModule, '1');
      other.load(path);
      expect(other.phase()).toBe('failed');
    }
    expect(requireModule).toHaveBeenCalledTimes(1);
  });
});

describe('the widget with admin.js to load', () => {
  function adminCard(file: AdminFile, admin = true) {
    const widget = setupWidget({ source: fakeSource({ report: makeReport('critical', [credits]) }), app: createApp({ admin }) });
    widget.env.adminFile = file;
    widget.callbacks.render();
    return widget;
  }

  it("an admin's card asks for it when the browser is idle, not before the panel paints", () => {
    vi.useFakeTimers();
    const { requireModule } = fakeRequire();
    adminCard(createAdminFile(requireModule, '1'));
    expect(document.querySelector('[data-action="fix-it"]')).not.toBeNull();
    expect(requireModule).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3_000);
    expect(requireModule).toHaveBeenCalledTimes(1);
  });

  it('"Fix it" pressed before it arrives is busy with no region, then shows the step', async () => {
    const { calls, requireModule } = fakeRequire();
    adminCard(createAdminFile(requireModule, '1'));
    const toggle = document.querySelector<HTMLButtonElement>('[data-action="fix-it"]')!;
    fireEvent.click(toggle);
    expect(requireModule).toHaveBeenCalledTimes(1);
    expect(toggle.getAttribute('aria-busy')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBeNull();
    expect(document.querySelector('[data-step]')).toBeNull();
    calls[0]!.resolve(PARTS);
    await settle();
    expect(toggle.getAttribute('aria-busy')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect([...document.querySelectorAll('[data-step]')].map((el) => el.getAttribute('data-step'))).toEqual(['login']);
    // The toggle opened it: focus stays on the toggle (a disclosure).
    expect(document.activeElement).not.toBe(document.querySelector('[data-step]'));
  });

  it('a failed load opens the region with the step slot, and a second press asks again', async () => {
    const { calls, requireModule } = fakeRequire();
    adminCard(createAdminFile(requireModule, '1'));
    const toggle = document.querySelector<HTMLButtonElement>('[data-action="fix-it"]')!;
    fireEvent.click(toggle);
    calls[0]!.reject(new Error('timeout'));
    await settle();
    expect(toggle.getAttribute('aria-busy')).toBeNull();
    expect(document.querySelector('.bytegpt-health__fixit-region')).not.toBeNull();
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    expect(requireModule).toHaveBeenCalledTimes(2);
  });

  it('a member never asks for it', () => {
    vi.useFakeTimers();
    const { requireModule } = fakeRequire();
    adminCard(createAdminFile(requireModule, '1'), false);
    vi.advanceTimersByTime(3_000);
    expect(document.querySelector('.bytegpt-health-root')).not.toBeNull();
    expect(requireModule).not.toHaveBeenCalled();
  });

  it('a destroy while it loads leaves nothing to redraw and no error when it lands', async () => {
    const { calls, requireModule } = fakeRequire();
    const file = createAdminFile(requireModule, '1');
    const { callbacks } = adminCard(file);
    fireEvent.click(document.querySelector('[data-action="fix-it"]')!);
    callbacks.destroy();
    expect(document.querySelector('.bytegpt-health-root')).toBeNull();
    calls[0]!.resolve(PARTS);
    await settle();
    expect(file.phase()).toBe('ready');
    expect(document.querySelector('.bytegpt-health-root, [data-step]')).toBeNull();
    expect(console.trace).not.toHaveBeenCalled();
  });
});
