import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDisposer } from '../../../src/kommo/disposer.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createDisposer', () => {
  it('runs every cleanup once, newest first', () => {
    const d = createDisposer();
    const order: number[] = [];
    d.add(() => order.push(1));
    d.add(() => order.push(2));
    expect(d.size).toBe(2);
    d.dispose();
    d.dispose();
    expect(order).toEqual([2, 1]);
    expect(d.size).toBe(0);
  });

  it('lets a cleanup run early and then forgets it', () => {
    const d = createDisposer();
    const spy = vi.fn();
    const early = d.add(spy);
    early();
    early();
    d.dispose();
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('keeps going when a cleanup throws, and traces the error', () => {
    const trace = vi.spyOn(console, 'trace').mockImplementation(() => {});
    const d = createDisposer();
    const after = vi.fn();
    d.add(after);
    d.add(() => { throw new Error('bad cleanup'); });
    d.dispose();
    expect(after).toHaveBeenCalledTimes(1);
    expect(trace).toHaveBeenCalledTimes(1);
  });

  it('removes listeners it added', () => {
    const target = new EventTarget();
    const d = createDisposer();
    const handler = vi.fn();
    d.listen(target, 'ping', handler);
    target.dispatchEvent(new Event('ping'));
    d.dispose();
    target.dispatchEvent(new Event('ping'));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('clears intervals and pending timeouts', () => {
    vi.useFakeTimers();
    const d = createDisposer();
    const tick = vi.fn();
    const late = vi.fn();
    d.interval(tick, 100);
    d.timeout(late, 500);
    vi.advanceTimersByTime(250);
    d.dispose();
    vi.advanceTimersByTime(1000);
    expect(tick).toHaveBeenCalledTimes(2);
    expect(late).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops a timeout from the list once it has fired', () => {
    vi.useFakeTimers();
    const d = createDisposer();
    const fired = vi.fn();
    d.timeout(fired, 10);
    expect(d.size).toBe(1);
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(d.size).toBe(0);
  });
});
