import { afterEach, describe, expect, it } from 'vitest';
import { acquireStyle } from '../../src/kommo/style.ts';

afterEach(() => {
  document.adoptedStyleSheets = [];
});

const ours = () => document.adoptedStyleSheets.filter((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.bytegpt-health-test')));
const CSS = '.bytegpt-health-test { color: red; }';

describe('the shared stylesheet', () => {
  it('is adopted once for every holder and dropped with the last', () => {
    const a = acquireStyle(document, CSS);
    const b = acquireStyle(document, CSS);
    expect(ours()).toHaveLength(1);
    a();
    a();
    expect(ours()).toHaveLength(1);
    b();
    expect(ours()).toHaveLength(0);
  });

  it('is parsed once per page: every area change adopts the same sheet again', () => {
    const release = acquireStyle(document, CSS);
    const first = ours()[0];
    release();
    const again = acquireStyle(document, CSS);
    expect(ours()[0]).toBe(first);
    again();
  });

  it('comes back when something else took it off the page, and old releases no longer count', () => {
    const stale = acquireStyle(document, CSS);
    document.adoptedStyleSheets = [];
    const fresh = acquireStyle(document, CSS);
    expect(ours()).toHaveLength(1);
    stale();
    expect(ours()).toHaveLength(1);
    fresh();
    expect(ours()).toHaveLength(0);
  });
});
