// The check history is read back from localStorage, which another tab, another version or
// a user with devtools may have written: every entry passes its reader or is left out.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/health/types.ts';
import { createCheckHistory } from '../../../src/monitor/history.ts';
import { createMemoryStorage } from '../../../src/monitor/storage.ts';

const KEY = 'bytegpt-billing:history:v1:scope';
const at = (minute: number) => new Date(Date.UTC(2026, 8, 1, 10, minute)).toISOString();
const report = (minute: number, status: Report['status'] = 'ok'): Report => ({
  status,
  findings: status === 'ok' ? [] : [{ code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' }],
  checkedAt: at(minute),
});

function stored(entries: unknown) {
  const storage = createMemoryStorage();
  storage.setItem(KEY, typeof entries === 'string' ? entries : JSON.stringify(entries));
  return { storage, history: createCheckHistory(storage, 'scope') };
}

describe('the check history', () => {
  it('keeps codes only, newest first, one entry per check time', () => {
    const storage = createMemoryStorage();
    const history = createCheckHistory(storage, 'scope');
    history.record(report(1));
    history.record(report(2, 'critical'));
    history.record(report(2, 'critical'));
    expect(history.list()).toEqual([
      { at: at(2), status: 'critical', findings: ['credits_exhausted'] },
      { at: at(1), status: 'ok', findings: [] },
    ]);
    expect(storage.getItem(KEY)).not.toContain('severity');
  });

  it('keeps the last 50 checks', () => {
    const history = createCheckHistory(createMemoryStorage(), 'scope');
    for (let minute = 0; minute < 55; minute += 1) history.record(report(minute));
    const list = history.list();
    expect(list).toHaveLength(50);
    expect(list[0]?.at).toBe(at(54));
    expect(list[49]?.at).toBe(at(5));
  });

  it.each([
    ['not JSON', '[{'],
    ['an object', { at: at(1), status: 'ok', findings: [] }],
    ['null', 'null'],
  ])('reads nothing from %s', (_name, raw) => {
    expect(stored(raw).history.list()).toEqual([]);
  });

  it('leaves out each entry its reader refuses and keeps the rest', () => {
    const good = { at: at(1), status: 'warning', findings: ['rate_limited'] };
    const { history } = stored([
      { at: 'soon', status: 'ok', findings: [] },
      { at: at(2), status: 'fine', findings: [] },
      { at: at(3), status: 'ok', findings: ['made_up'] },
      { at: at(4), status: 'ok', findings: ['constructor'] },
      { at: at(5), status: 'ok', findings: 'none' },
      { at: at(6), status: 'ok', findings: Array.from({ length: 65 }, () => 'rate_limited') },
      { at: new Date(at(7)).toString(), status: 'ok', findings: [] },
      { at: 1_788_000_000_000, status: 'ok', findings: [] },
      'entry',
      null,
      [at(8), 'ok', []],
      good,
    ]);
    expect(history.list()).toEqual([good]);
  });

  it('copies entries without extra keys or a "__proto__" key', () => {
    const { history } = stored(`[{"at":"${at(1)}","status":"ok","findings":[],"message":"<b>server</b>","__proto__":{"polluted":true}}]`);
    const [entry] = history.list();
    expect(entry).toEqual({ at: at(1), status: 'ok', findings: [] });
    expect(Object.keys(entry ?? {})).toEqual(['at', 'status', 'findings']);
    expect((entry as Record<string, unknown> | undefined)?.polluted).toBeUndefined();
  });

  it('reads no more than the 50 entries a record keeps, however many are stored', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ at: new Date(Date.UTC(2026, 8, 1) - i * 60_000).toISOString(), status: 'ok', findings: [] }));
    expect(stored(many).history.list()).toHaveLength(50);
  });
});
