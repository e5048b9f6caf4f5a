import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../src/health/types.ts';
import { createReportSource, createUnconfiguredSource, type ReportEngine } from '../../../src/monitor/report-source.ts';

const report = (status: Report['status'], checkedAt = '2026-11-27T10:00:00.000Z'): Report => ({ status, findings: [], checkedAt });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.restoreAllMocks());

describe('createUnconfiguredSource', () => {
  it('says not configured, keeps the report it was given, and never checks', () => {
    const report: Report = { status: 'critical', findings: [{ code: 'key_invalid', severity: 'critical' }], checkedAt: '2026-11-27T10:00:00.000Z' };
    const source = createUnconfiguredSource(report);
    source.recheck();
    source.refresh();
    expect(source.snapshot()).toEqual({ report, checking: false, configured: false });
  });
});

describe('createReportSource', () => {
  it('shows a peeked report before the first check and marks checking while one runs', async () => {
    const pending = deferred<Report>();
    const run = vi.fn((_force: boolean) => pending.promise);
    const source = createReportSource({ run, peek: () => report('warning') });
    expect(source.snapshot()).toMatchObject({ report: { status: 'warning' }, checking: false, configured: true });

    const seen: boolean[] = [];
    source.subscribe(() => seen.push(source.snapshot().checking));
    source.refresh();
    expect(run).toHaveBeenCalledWith(false);
    expect(source.snapshot().checking).toBe(true);
    pending.resolve(report('ok'));
    await flush();
    expect(source.snapshot()).toMatchObject({ report: { status: 'ok' }, checking: false, failed: false });
    expect(seen).toEqual([true, false]);
  });

  it('runs one check at a time and queues a forced re-check asked for meanwhile', async () => {
    const first = deferred<Report>();
    const run = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(report('critical'));
    const source = createReportSource({ run });
    source.refresh();
    source.refresh();
    source.recheck();
    expect(run).toHaveBeenCalledTimes(1);
    first.resolve(report('ok'));
    await flush();
    await flush();
    expect(run).toHaveBeenCalledTimes(2);
    expect(run).toHaveBeenLastCalledWith(true);
    expect(source.snapshot().report?.status).toBe('critical');
  });

  it('turns a rejected or throwing run into failed, traced, not thrown', async () => {
    const trace = vi.spyOn(console, 'trace').mockImplementation(() => {});
    const source = createReportSource({ run: () => Promise.reject(new Error('boom')) });
    source.recheck();
    await flush();
    expect(source.snapshot()).toMatchObject({ checking: false, failed: true, report: null });

    const sync = createReportSource({ run: () => { throw new Error('sync boom'); } });
    expect(() => sync.recheck()).not.toThrow();
    await flush();
    expect(sync.snapshot().failed).toBe(true);
    expect(trace).toHaveBeenCalledTimes(2);
  });

  it('adopts reports from elsewhere (another tab)', () => {
    let push: (r: Report) => void = () => {};
    const source = createReportSource({ run: () => new Promise(() => {}), watch: (fn) => { push = fn; return () => {}; } });
    const listener = vi.fn();
    source.subscribe(listener);
    push(report('critical'));
    expect(source.snapshot().report?.status).toBe('critical');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores late results after dispose and releases the engine', async () => {
    const pending = deferred<Report>();
    const unwatch = vi.fn();
    const engineDispose = vi.fn();
    const engine: ReportEngine = { run: () => pending.promise, watch: () => unwatch, dispose: engineDispose };
    const source = createReportSource(engine);
    const listener = vi.fn();
    source.subscribe(listener);
    source.refresh();
    listener.mockClear();
    source.dispose();
    pending.resolve(report('ok'));
    await flush();
    expect(listener).not.toHaveBeenCalled();
    expect(source.snapshot().report).toBeNull();
    expect(unwatch).toHaveBeenCalledTimes(1);
    expect(engineDispose).toHaveBeenCalledTimes(1);
    source.recheck();
    expect(source.snapshot().checking).toBe(true); // frozen at dispose time, no new run
  });

  it('stops calling an unsubscribed listener', () => {
    let push: (r: Report) => void = () => {};
    const source = createReportSource({ run: () => new Promise(() => {}), watch: (fn) => { push = fn; return () => {}; } });
    const listener = vi.fn();
    const off = source.subscribe(listener);
    off();
    push(report('ok'));
    expect(listener).not.toHaveBeenCalled();
  });
});
