import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConnectionTester } from '../../src/kommo/connection-test.ts';
import { TestConnection, type TestConnectionProps } from '../../src/ui/TestConnection.tsx';

type TestConnectionState = TestConnectionProps['state'];
import { MODELS_LIST, chatCompletion } from '../../src/mocks/bodies.ts';
import { EN, fmt, makeReport, t } from './text.ts';

afterEach(cleanup);

function view(state: TestConnectionState) {
  const onTest = vi.fn();
  const rendered = render(<TestConnection state={state} onTest={onTest} t={t} fmt={fmt} />);
  const button = rendered.container.querySelector<HTMLButtonElement>('[data-action="test-connection"]')!;
  return { ...rendered, onTest, button };
}

describe('TestConnection', () => {
  it('explains who the key reaches, and tests on press', () => {
    const { container, button, onTest } = view({ kind: 'idle' });
    expect(container.textContent).toContain(EN.settings.test.exposure);
    expect(button.textContent).toBe(EN.settings.test.button);
    fireEvent.click(button);
    expect(onTest).toHaveBeenCalledOnce();
  });

  it('shows progress and cannot be pressed twice', () => {
    const { button } = view({ kind: 'running' });
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe(EN.settings.test.running);
  });

  it('shows the verdict in place, announced', () => {
    const report = makeReport('critical', [{ code: 'key_invalid', severity: 'critical', endpoint: 'models', params: { status: 401 } }]);
    const { container } = view({ kind: 'done', report });
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toContain(EN.status.critical);
    expect(live.querySelector('[data-finding="key_invalid"]')).not.toBeNull();
  });
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createConnectionTester', () => {
  it('runs one real check with the values as typed, never two at once', async () => {
    const seen: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(`${new Headers(init?.headers).get('authorization')} ${String(input)}`);
      const url = String(input);
      if (url.endsWith('/v1/models')) return json(MODELS_LIST);
      if (url.endsWith('/v1/chat/completions')) return json(chatCompletion('gpt-4o-mini-2024-07-18', 1));
      // A relay without Admin or legacy endpoints: unavailable, not a problem.
      return json({ error: { message: 'Invalid URL', type: 'invalid_request_error', param: null, code: null } }, 404);
    }) as typeof globalThis.fetch;
    const tester = createConnectionTester(() => ({ apiKey: ' sk-proj-typed\u200B', baseUrl: 'https://relay.example.test/v1', options: '{"quotaProbe":true}' }), { fetch });
    const settled = new Promise<void>((resolve) => tester.subscribe(() => tester.state().kind === 'done' && resolve()));
    tester.run();
    tester.run();
    expect(tester.state().kind).toBe('running');
    await settled;
    const state = tester.state();
    expect(state.kind === 'done' && state.report.status).toBe('ok');
    expect(state.kind === 'done' && state.report.findings.map((f) => f.code)).toEqual(['spend_unavailable']);
    expect(seen.filter((s) => s.endsWith('/v1/models'))).toEqual(['Bearer sk-proj-typed https://relay.example.test/v1/models']);
    tester.dispose();
  });

  it('an empty key is key_invalid without a request', async () => {
    const fetch = vi.fn();
    const tester = createConnectionTester(() => ({ apiKey: '', baseUrl: '', options: {} }), { fetch: fetch as unknown as typeof globalThis.fetch });
    const settled = new Promise<void>((resolve) => tester.subscribe(() => tester.state().kind === 'done' && resolve()));
    tester.run();
    await settled;
    const state = tester.state();
    expect(state.kind === 'done' && state.report.findings.map((f) => f.code)).toEqual(['key_invalid']);
    expect(fetch).not.toHaveBeenCalled();
  });
});
