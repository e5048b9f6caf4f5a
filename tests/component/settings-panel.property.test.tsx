// Random settings objects through the whole widget (get_settings → runtime → panel):
// render never throws, and there is always one root with a valid data-bytegpt-health.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetEnv } from '../../src/kommo/runtime.ts';
import { createCallbacks } from '../../src/kommo/widget.ts';
import { createUnconfiguredSource } from '../../src/monitor/report-source.ts';
import { createApp, createBase, setUpPage } from './kommo-host.ts';
import { makeReport } from './text.ts';
import { roots } from './widget-harness.ts';

const STATUSES = ['ok', 'warning', 'critical', 'stale', 'unknown', 'checking'];

const anyValue = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constantFrom('', 'null', '{', '{"checkEveryMinutes":"15"}', '{"quotaProbe":"yes","monthlyBudgetUsd":-1}', 'sk-proj-abc'),
  fc.json(),
);
const settingsArb = fc.record({ api_key: anyValue, base_url: anyValue, options: anyValue }, { requiredKeys: [] });

beforeEach(() => {
  vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the panel under random settings', () => {
  it('always renders one root with a valid status, for admins and members', () => {
    fc.assert(
      fc.property(settingsArb, fc.boolean(), (settings, admin) => {
        setUpPage();
        const base = createBase({ area: 'lcard', settings: settings as Record<string, unknown> });
        // The source is not under test: a fixed report keeps each run synchronous.
        const env: WidgetEnv = { document, app: () => createApp({ admin }), createSource: () => createUnconfiguredSource(makeReport('warning')) };
        const callbacks = createCallbacks(base, () => env);
        expect(callbacks.render()).toBe(true);
        expect(roots()).toHaveLength(1);
        expect(STATUSES).toContain(roots()[0]!.getAttribute('data-bytegpt-health'));
        const notice = document.querySelector('[data-bytegpt-notice="options_problem"]');
        if (!admin) expect(notice).toBeNull();
        expect(callbacks.destroy()).toBeUndefined();
        expect(roots()).toHaveLength(0);
      }),
      { numRuns: 200 },
    );
  });
});
