import { useEffect } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { mountRoot } from '../../src/kommo/mount.ts';

describe('mountRoot', () => {
  it('runs render(null) before removing its host, so effect cleanups run', () => {
    const cleanup = vi.fn();
    const host = document.createElement('div');
    document.body.appendChild(host);
    function Probe() {
      useEffect(() => cleanup, []);
      return <span>probe</span>;
    }
    let root!: ReturnType<typeof mountRoot>;
    // act() flushes the effect, so there is a cleanup to run.
    act(() => {
      root = mountRoot(host, () => <Probe />, { ownsHost: true });
    });
    expect(host.textContent).toBe('probe');
    // Preact 11 runs passive cleanups after paint; act() flushes them.
    act(() => root.unmount());
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(host.isConnected).toBe(false);
    root.unmount();
    root.draw();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(host.childNodes).toHaveLength(0);
  });

  it('leaves a host it does not own in place, empty', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = mountRoot(host, () => <b>x</b>, { ownsHost: false });
    root.unmount();
    expect(host.isConnected).toBe(true);
    expect(host.childNodes).toHaveLength(0);
    host.remove();
  });
});
