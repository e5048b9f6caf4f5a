// Builders for evaluate() inputs: a healthy baseline that each test bends one way.
import { DEFAULT_OPTIONS } from '../../../src/health/options.ts';
import type { HealthOptions, Signals } from '../../../src/health/types.ts';

export function healthySignals(overrides: Partial<Signals> = {}): Signals {
  return {
    models: { kind: 'ok', value: { count: 5 } },
    probe: { kind: 'ok', value: { model: DEFAULT_OPTIONS.probeModel } },
    costs: { kind: 'ok', value: { monthToDateUsd: 1, daily: [{ date: '2026-09-01', usd: 1 }] } },
    spend_limit: { kind: 'ok', value: { limitUsd: 100, enforcing: false } },
    balance: { kind: 'skipped', reason: 'not_applicable' },
    lastSuccessAt: null,
    ...overrides,
  };
}

export function optionsWith(overrides: Partial<HealthOptions> = {}): HealthOptions {
  return { ...DEFAULT_OPTIONS, ...overrides };
}

export const utc = (iso: string): Date => new Date(iso);
