// "Remind the admin" and "Test connection" get their network code from engine.js through
// an injected loader: when it cannot load, the button says the widget's files did not
// load (nothing is sent to Kommo or OpenAI) and the next press loads again and works.
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../locales/en.json';
import type { Report } from '../../../src/health/types.ts';
import { createFormatters, createT } from '../../../src/i18n/index.ts';
import { createConnectionTester, type ConnectionTester } from '../../../src/kommo/connection-test.ts';
import { createRemindAdmin } from '../../../src/kommo/remind-admin.ts';
import type { KommoApp } from '../../../src/kommo/sdk-types.ts';
import engine from '../../../src/lazy/engine.ts';
import { MODELS_LIST } from '../../../src/mocks/bodies.ts';

afterEach(() => vi.restoreAllMocks());

/** engine.js that fails to arrive while `failing` is set. */
function loader() {
  const state = { failing: true, calls: 0 };
  const load = async () => {
    state.calls += 1;
    if (state.failing) throw new Error('Script error for "/w/engine.js?v=1"');
    return engine;
  };
  return { state, load };
}

const REPORT: Report = { status: 'critical', checkedAt: '2026-11-27T10:00:00.000Z', findings: [{ code: 'credits_exhausted', severity: 'critical' }] };

function app(): KommoApp {
  const constants: Record<string, unknown> = { user: { id: 5 }, managers: { '3': { is_admin: 'Y', active: true, title: 'Carla Admin' } }, account: { id: 777 } };
  return { constant: ((key: string) => constants[key]) as KommoApp['constant'], data: { current_card: { id: 42 } } };
}

describe('remind the admin through engine.js', () => {
  it('a failed load is its own error with nothing sent; the next press loads it and creates the task', async () => {
    const sent: string[] = [];
    const fetch = vi.fn(async (_url: string, init: RequestInit = {}) => {
      sent.push(init.method ?? 'GET');
      return init.method === 'POST' ? Response.json({ _embedded: { tasks: [{ id: 9001 }] } }) : new Response(null, { status: 204 });
    }) as unknown as typeof globalThis.fetch;
    const { state, load } = loader();
    const remind = createRemindAdmin({
      widget: { system: () => ({ area: 'lcard' }), get_settings: () => ({ widget_code: 'bytegpt_billing_health' }) },
      app,
      t: createT(en),
      fmt: createFormatters('en', { timeZone: 'UTC' }),
      report: () => REPORT,
      fetch,
      origin: 'https://bytebio.kommo.com',
      loadEngine: load,
    });
    const phases: string[] = [];
    remind.subscribe(() => phases.push(remind.state().phase));
    await remind.remind();
    expect(remind.state()).toEqual({ phase: 'error', error: 'widget_files', adminName: 'Carla Admin' });
    expect(phases).toEqual(['sending', 'error']);
    expect(sent).toEqual([]);
    expect(en.remind.error.widget_files).toBeTruthy();

    state.failing = false;
    await remind.remind();
    expect(remind.state()).toEqual({ phase: 'sent', adminName: 'Carla Admin' });
    expect(sent).toEqual(['GET', 'POST']);
    expect(state.calls).toBe(2);
  });
});

describe('Test connection through engine.js', () => {
  const finished = (tester: ConnectionTester) =>
    new Promise<void>((resolve) => {
      const off = tester.subscribe(() => {
        if (tester.state().kind !== 'running') {
          off();
          resolve();
        }
      });
    });

  it('a failed load is the unreachable finding for the widget files, OpenAI is not asked; a second press checks', async () => {
    const fetch = vi.fn(async () => Response.json(MODELS_LIST)) as unknown as typeof globalThis.fetch;
    const { state, load } = loader();
    const tester = createConnectionTester(() => ({ apiKey: 'sk-proj-typed1234', baseUrl: 'https://api.openai.com', options: { quotaProbe: false } }), {
      fetch,
      loadEngine: load,
    });
    let done = finished(tester);
    tester.run();
    await done;
    const first = tester.state();
    expect(first.kind).toBe('done');
    const findings = first.kind === 'done' ? first.report.findings : [];
    expect(findings.map((f) => [f.code, f.params?.apiCode])).toContainEqual(['unreachable', 'widget_files']);
    expect(fetch).not.toHaveBeenCalled();

    state.failing = false;
    done = finished(tester);
    tester.run();
    await done;
    const second = tester.state();
    expect(second.kind === 'done' ? second.report.findings.map((f) => f.code) : null).not.toContain('unreachable');
    expect(fetch).toHaveBeenCalled();
  });
});
