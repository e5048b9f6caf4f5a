// Back online, resumed from freeze, or visible again: the runtime asks the source for a
// refresh (the source decides whether a check is due), and destroy removes the listeners.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, setUpPage, type FakeApp } from './kommo-host.ts';
import { makeReport } from './text.ts';
import { fakeSource, setupWidget } from './widget-harness.ts';

let app: FakeApp;

beforeEach(() => {
  setUpPage();
  app = createApp();
  vi.spyOn(console, 'trace').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

const setVisibility = (state: DocumentVisibilityState) =>
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });

describe('refresh on wake', () => {
  afterEach(() => setVisibility('visible'));

  it.each([
    ['online', () => window.dispatchEvent(new Event('online'))],
    ['resume', () => document.dispatchEvent(new Event('resume'))],
    ['visibilitychange (visible)', () => document.dispatchEvent(new Event('visibilitychange'))],
  ])('%s asks the source for a refresh', (_, fire) => {
    const fake = fakeSource({ report: makeReport('ok') });
    const { callbacks } = setupWidget({ app, source: fake });
    callbacks.render();
    expect(fake.source.refresh).toHaveBeenCalledTimes(1);
    fire();
    expect(fake.source.refresh).toHaveBeenCalledTimes(2);
    callbacks.destroy();
  });

  it('a tab turning hidden, or going offline, asks for nothing', () => {
    const fake = fakeSource({ report: makeReport('ok') });
    const { callbacks } = setupWidget({ app, source: fake });
    callbacks.render();
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('offline'));
    expect(fake.source.refresh).toHaveBeenCalledTimes(1);
    callbacks.destroy();
  });

  it('after destroy the listeners are gone', () => {
    const fake = fakeSource({ report: makeReport('ok') });
    const { callbacks } = setupWidget({ app, source: fake });
    callbacks.render();
    callbacks.destroy();
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('resume'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fake.source.refresh).toHaveBeenCalledTimes(1);
  });
});
