// relayReportUrl: the options and the user's IANA time zone (`tz`), so the relay judges
// card expiry on the user's calendar day; no zone, no parameter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { relayReportUrl } from '../../../src/billing/relay-url.ts';

const RELAY = 'https://relay.example.test';
afterEach(() => vi.restoreAllMocks());

describe('relayReportUrl', () => {
  it("appends this browser's time zone from Intl", () => {
    const url = new URL(relayReportUrl(RELAY, { quotaProbe: true }));
    expect(`${url.origin}${url.pathname}`).toBe(`${RELAY}/v1/report`);
    expect(JSON.parse(url.searchParams.get('options') ?? '')).toEqual({ quotaProbe: true });
    expect(url.searchParams.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('encodes a given zone, and leaves tz out without one', () => {
    expect(relayReportUrl(RELAY, {}, 'America/Sao_Paulo')).toBe(`${RELAY}/v1/report?options=%7B%7D&tz=America%2FSao_Paulo`);
    expect(relayReportUrl(RELAY, {}, 'Etc/GMT+3')).toBe(`${RELAY}/v1/report?options=%7B%7D&tz=Etc%2FGMT%2B3`);
    expect(relayReportUrl(RELAY, {}, null)).toBe(`${RELAY}/v1/report?options=%7B%7D`);
    expect(relayReportUrl(RELAY, {}, '')).toBe(`${RELAY}/v1/report?options=%7B%7D`);
  });

  it('leaves tz out when Intl cannot tell (throws or has no zone)', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
      throw new RangeError('no Intl data');
    });
    expect(relayReportUrl(RELAY, {})).toBe(`${RELAY}/v1/report?options=%7B%7D`);
    spy.mockImplementation(() => ({ resolvedOptions: () => ({ timeZone: undefined }) }) as unknown as Intl.DateTimeFormat);
    expect(relayReportUrl(RELAY, {})).toBe(`${RELAY}/v1/report?options=%7B%7D`);
  });
});
