// The relay's refusal as the sidebar shows it: relay_refused worded from the locales with
// the HTTP status, what to check on the relay, and for an admin a link to the settings
// (where relay_url lives), as key_invalid has. The relay's own failures (unreachable,
// unreadable, rate limited) name the relay, not OpenAI and the base URL.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import pt from '../../locales/pt.json';
import { createFormatters, createT } from '../../src/i18n/index.ts';
import type { Finding } from '../../src/health/types.ts';
import { FindingList } from '../../src/ui/FindingList.tsx';
import { EN, fmt, t } from './text.ts';

afterEach(cleanup);

const refused: Finding = { code: 'relay_refused', severity: 'unknown', endpoint: 'models', params: { status: 403 } };

describe('relay_refused in the findings list', () => {
  it('says the relay refused, with the status and what to check, and links an admin to the settings', () => {
    const { container } = render(<FindingList findings={[refused]} role="admin" t={t} fmt={fmt} settingsHref="/settings/widgets/" />);
    const row = container.querySelector<HTMLElement>('[data-finding="relay_refused"]')!;
    expect(row.textContent).toContain(EN.findings.relay_refused.title);
    expect(row.textContent).toContain('HTTP 403');
    expect(row.textContent).toContain('KOMMO_ACCOUNT_IDS');
    expect(row.querySelector('a[data-fix="settings"]')?.getAttribute('href')).toBe('/settings/widgets/');
  });

  it('a member reads its title in Portuguese, without the relay\'s settings or a link', () => {
    const tPt = createT(pt);
    const fmtPt = createFormatters('pt', { timeZone: 'UTC' });
    const { container } = render(<FindingList findings={[refused]} role="member" t={tPt} fmt={fmtPt} settingsHref="/settings/widgets/" />);
    const row = container.querySelector<HTMLElement>('[data-finding="relay_refused"]')!;
    expect(row.textContent).toContain(pt.findings.relay_refused.title);
    // What to check on the relay is for whoever runs it: an admin.
    expect(row.textContent).not.toContain('KOMMO_ACCOUNT_IDS');
    expect(row.querySelector('a')).toBeNull();
  });
});

describe("the relay's own failures name the relay", () => {
  const viaRelay = (code: 'unreachable' | 'bad_response' | 'rate_limited'): Finding => ({
    code,
    severity: code === 'rate_limited' ? 'warning' : 'unknown',
    endpoint: 'models',
    params: { via: 'relay', status: 502 },
  });

  it.each(['unreachable', 'bad_response', 'rate_limited'] as const)('%s from the relay has the relay wording', (code) => {
    const { container } = render(<FindingList findings={[viaRelay(code)]} role="admin" t={t} fmt={fmt} settingsHref="/settings/widgets/" />);
    const row = container.querySelector<HTMLElement>(`[data-finding="${code}"]`)!;
    expect(row.textContent).toContain(EN.findings[code].title_relay);
    expect(row.textContent).toContain(EN.findings[code].action_relay);
    expect(row.textContent).not.toContain(EN.findings[code].action);
  });

  it('the same codes from OpenAI keep their own wording', () => {
    const direct: Finding = { code: 'unreachable', severity: 'unknown', endpoint: 'models', params: { apiCode: 'network' } };
    const { container } = render(<FindingList findings={[direct]} role="admin" t={t} fmt={fmt} settingsHref="/settings/widgets/" />);
    const row = container.querySelector<HTMLElement>('[data-finding="unreachable"]')!;
    expect(row.textContent).toContain(EN.findings.unreachable.title);
    expect(row.textContent).not.toContain(EN.findings.unreachable.title_relay);
  });
});
