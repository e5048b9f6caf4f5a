// The widget's callbacks in the `everywhere` location: render draws nothing, listens to
// the check, alerts once a day while it is critical, and destroy leaves nothing behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, setUpPage } from './kommo-host.ts';
import { fakeSource, roots, setupWidget, styles } from './widget-harness.ts';
import { EN, makeReport } from './text.ts';

const critical = () => makeReport('critical', [{ code: 'credits_exhausted', severity: 'critical', endpoint: 'probe' }]);

beforeEach(() => {
  setUpPage();
  localStorage.clear();
});

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the everywhere location', () => {
  it('draws nothing, alerts once while critical, and stops listening on destroy', () => {
    const app = createApp();
    const fake = fakeSource({ report: critical() });
    const { callbacks, base } = setupWidget({ area: 'everywhere', app, source: fake });
    expect(callbacks.render()).toBe(true);
    expect(roots()).toHaveLength(0);
    expect(styles()).toHaveLength(0);
    expect(base.renderTemplateCalls).toBe(0);
    expect(app.notifications!.add_error).toHaveBeenCalledTimes(1);
    expect(app.notifications!.add_error).toHaveBeenCalledWith(expect.objectContaining({ header: EN.alerts.header }));
    // The stored day is all that is kept.
    expect(Object.keys(localStorage)).toEqual(['bytegpt-health:alerted:5']);

    callbacks.render(); // Kommo may call render again: still one listener, no second alert
    fake.push({ checking: true });
    fake.push({ checking: false });
    expect(app.notifications!.add_error).toHaveBeenCalledTimes(1);

    callbacks.destroy();
    expect(fake.listeners.size).toBe(0);
    // Gone for good: a new day's report reaching the old source alerts no one.
    localStorage.clear();
    fake.push({ report: critical() });
    expect(app.notifications!.add_error).toHaveBeenCalledTimes(1);
  });

  it('a new page the same day (a new instance) does not alert again', () => {
    const app = createApp();
    setupWidget({ area: 'everywhere', app, source: fakeSource({ report: critical() }) }).callbacks.render();
    setupWidget({ area: 'lcard', app, source: fakeSource({ report: critical() }) }).callbacks.render();
    expect(app.notifications!.add_error).toHaveBeenCalledTimes(1);
  });

  it('the settings modal never alerts (the key is being edited there)', () => {
    const app = createApp();
    const { callbacks } = setupWidget({ area: 'settings', app, source: fakeSource({ report: critical() }) });
    callbacks.render();
    expect(app.notifications!.add_error).not.toHaveBeenCalled();
  });

  it('an unconfigured widget never alerts, though an empty key reads as critical', () => {
    const app = createApp();
    const { callbacks } = setupWidget({ area: 'everywhere', app, settings: { api_key: '' } });
    callbacks.render();
    expect(app.notifications!.add_error).not.toHaveBeenCalled();
  });
});
