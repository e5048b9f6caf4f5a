// Billing client benchmark: prints figures, asserts nothing (TEAM.md: speed goals
// are benchmarks). Every mocked endpoint answers after LATENCY_MS.
//   npm run bench
import { runCheck, type CheckConfig } from '../src/billing/check.ts';
import { createCheckCoordinator } from '../src/monitor/check-coordinator.ts';
import { hashSettings } from '../src/monitor/hash.ts';
import { createMemoryStorage } from '../src/monitor/storage.ts';
import { createLocalLockManager } from '../src/monitor/tab-lock.ts';
import { createUnavailableMemory } from '../src/monitor/unavailable-memory.ts';
import { DEFAULT_PROBE_MODEL } from '../src/health/options.ts';
import type { Signals } from '../src/health/signals.ts';
import { SCENARIOS, type ScenarioName } from '../src/mocks/scenarios.ts';
import { startMockServer } from '../src/mocks/node.ts';

const LATENCY_MS = 200;
const RUNS = 10;
const CONTEXTS = 3;
const CHECKS_PER_CONTEXT = 30;
const TTL_MS = 60_000;

interface Counter {
  fetch: typeof fetch;
  requests: number;
  /** Wall time of each request in the current round, ms. */
  durations: number[];
}

/** Wraps the (msw-patched) global fetch to count requests and time each one. */
function countingFetch(): Counter {
  const counter: Counter = {
    requests: 0,
    durations: [],
    fetch: async (input, init) => {
      counter.requests += 1;
      const started = performance.now();
      try {
        return await globalThis.fetch(input, init);
      } finally {
        counter.durations.push(performance.now() - started);
      }
    },
  };
  return counter;
}

function configFor(name: ScenarioName, fetchImpl: typeof fetch): CheckConfig {
  const scenario = SCENARIOS[name];
  return {
    apiKey: scenario.apiKey,
    baseUrl: scenario.baseUrl,
    quotaProbe: true,
    probeModel: scenario.options?.probeModel ?? DEFAULT_PROBE_MODEL,
    fetch: fetchImpl,
    // A fresh memory per check: every check makes its full round of requests.
    memory: createUnavailableMemory(),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

interface CheckFigures {
  scenario: ScenarioName;
  medianMs: number;
  slowestRequestMs: number;
  ratio: number;
  requestsPerCheck: number;
}

async function benchFullCheck(name: ScenarioName, runs = RUNS): Promise<CheckFigures> {
  const mock = startMockServer(name, { latencyMs: LATENCY_MS });
  try {
    const counter = countingFetch();
    await runCheck(configFor(name, counter.fetch)); // warm-up (module and msw paths)
    const walls: number[] = [];
    const slowest: number[] = [];
    const ratios: number[] = [];
    let requests = 0;
    for (let i = 0; i < runs; i += 1) {
      counter.durations = [];
      const before = counter.requests;
      const started = performance.now();
      await runCheck(configFor(name, counter.fetch));
      const wall = performance.now() - started;
      const slowestRequest = Math.max(...counter.durations);
      walls.push(wall);
      slowest.push(slowestRequest);
      ratios.push(wall / slowestRequest);
      requests = counter.requests - before;
    }
    return { scenario: name, medianMs: median(walls), slowestRequestMs: median(slowest), ratio: median(ratios), requestsPerCheck: requests };
  } finally {
    mock.close();
  }
}

async function benchCoordinated(name: ScenarioName): Promise<{ requests: number; runs: number; gets: number; ms: number }> {
  const mock = startMockServer(name, { latencyMs: LATENCY_MS });
  const counter = countingFetch();
  const storage = createMemoryStorage();
  const locks = createLocalLockManager();
  let runs = 0;
  const cacheKey = hashSettings('bench-account', SCENARIOS[name].baseUrl);
  const tabs = Array.from({ length: CONTEXTS }, () =>
    createCheckCoordinator<Signals>({
      cacheKey,
      ttlMs: TTL_MS,
      storage,
      locks,
      channel: (channelName) => new BroadcastChannel(channelName),
      run: () => {
        runs += 1;
        return runCheck(configFor(name, counter.fetch));
      },
    }),
  );
  try {
    const started = performance.now();
    const gets: Array<Promise<Signals>> = [];
    // Each context asks 30 times, 10 ms apart: early asks overlap the running check.
    for (let i = 0; i < CHECKS_PER_CONTEXT; i += 1) {
      for (const tab of tabs) gets.push(tab.get());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(gets);
    const ms = performance.now() - started;
    return { requests: counter.requests, runs, gets: gets.length, ms };
  } finally {
    tabs.forEach((tab) => tab.dispose());
    mock.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  process.stdout.write(`Billing client bench — every mocked endpoint delayed ${LATENCY_MS} ms, median of ${RUNS} checks (3 for costs_paginated)\n\n`);
  // Pagination is slow by nature (sequential pages), so fewer runs of it.
  const figures = [await benchFullCheck('healthy_with_spend'), await benchFullCheck('healthy'), await benchFullCheck('costs_paginated', 3)];
  const oneRound = figures[0]?.requestsPerCheck ?? 0;
  const rows = [['scenario', 'check (ms)', 'slowest request (ms)', 'ratio (target ≤ 1.25)', 'requests/check']];
  for (const f of figures) {
    rows.push([f.scenario, f.medianMs.toFixed(0), f.slowestRequestMs.toFixed(0), f.ratio.toFixed(2), String(f.requestsPerCheck)]);
  }
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write('(costs_paginated: cost pages are sequential by nature, so its ratio ≈ the page count)\n\n');

  const coordinated = await benchCoordinated('healthy_with_spend');
  const coordRows = [
    ['contexts × checks', 'runs', 'requests', 'one round', 'naive (no coordination)', 'wall (ms)'],
    [
      `${CONTEXTS} × ${CHECKS_PER_CONTEXT} = ${coordinated.gets}`,
      String(coordinated.runs),
      String(coordinated.requests),
      String(oneRound),
      String(coordinated.gets * oneRound),
      coordinated.ms.toFixed(0),
    ],
  ];
  process.stdout.write(`Cross-context coordination inside one ${TTL_MS / 1000} s TTL (shared storage, real BroadcastChannel, local locks)\n`);
  process.stdout.write(`${table(coordRows)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
