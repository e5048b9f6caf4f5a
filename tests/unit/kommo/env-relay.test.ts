// productionEnv picks the source from the settings: the relay (through the widget's
// $authorizedAjax) when a relay URL is set, the in-browser engine otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import { productionEnv } from '../../../src/kommo/env.ts';
import type { KommoDeferred, KommoWidgetBase } from '../../../src/kommo/sdk-types.ts';
import type { HealthSource } from '../../../src/monitor/index.ts';
import { settled } from '../monitor/settled.ts';

const sources: HealthSource[] = [];
afterEach(() => sources.splice(0).forEach((source) => source.dispose()));

function widgetWithAjax(body: string) {
  const asked: unknown[] = [];
  const widget = {
    $authorizedAjax(settings: unknown): KommoDeferred {
      asked.push(settings);
      return Promise.resolve(body) as unknown as KommoDeferred;
    },
  } as Partial<KommoWidgetBase>;
  return { widget, asked };
}

describe('productionEnv().createSource', () => {
  it('asks the relay through $authorizedAjax when the config has a relay URL', async () => {
    const body = JSON.stringify({ status: 'ok', findings: [], checkedAt: '2026-11-27T10:00:00.000Z' });
    const { widget, asked } = widgetWithAjax(body);
    const source = productionEnv(widget).createSource({ apiKey: '', baseUrl: '', relayUrl: 'https://relay.example.test', options: { ...DEFAULT_OPTIONS, checkEveryMinutes: 7 } });
    sources.push(source);
    const done = settled(source);
    source.recheck();
    await done;
    expect(asked).toHaveLength(1);
    expect((asked[0] as { url: string }).url).toMatch(/^https:\/\/relay\.example\.test\/v1\/report\?options=/);
    expect(source.snapshot().report?.status).toBe('ok');
  });

  it('does not touch $authorizedAjax without a relay URL', () => {
    const { widget, asked } = widgetWithAjax('{}');
    const source = productionEnv(widget).createSource({ apiKey: 'sk-proj-1', baseUrl: 'https://api.openai.com', options: DEFAULT_OPTIONS });
    sources.push(source);
    expect(asked).toEqual([]);
  });
});
