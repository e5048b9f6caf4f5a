// The data source both engines give the panels (engine.ts for OpenAI, relay-engine.ts
// for the check relay): whatever one tab's round cached is judged into a report in
// every tab. What differs between them is the round itself, what is cached, and how a
// cached value becomes a report.
import type { Report } from '../health/types.ts';
import type { CheckCoordinator } from './check-coordinator.ts';
import { isEngineNotLoaded } from './check-engine.ts';
import type { CheckHistory } from './history.ts';
import { createReportSource, type HealthSource } from './report-source.ts';

export interface CoordinatedParts<T> {
  coordinator: CheckCoordinator<T>;
  /** A cached value, judged as of `at` (when its round ran). */
  toReport(value: T, at: number): Report;
  /** This tab could not load engine.js: a finding now, nothing cached or recorded. */
  notLoaded(): Report;
  history: CheckHistory;
  /** Aborted on dispose, so a round still in flight is cancelled with its requests. */
  lifetime: AbortController;
  now: () => number;
}

export function createCoordinatedSource<T>(parts: CoordinatedParts<T>): HealthSource {
  const { coordinator, toReport } = parts;
  const cached = (): Report | null => {
    const entry = coordinator.peek();
    return entry ? toReport(entry.value, entry.at) : null;
  };
  return createReportSource({
    async run(force) {
      let value: T;
      try {
        value = await coordinator.get({ force });
      } catch (error) {
        if (isEngineNotLoaded(error)) return parts.notLoaded();
        throw error;
      }
      return cached() ?? toReport(value, parts.now());
    },
    peek: cached,
    watch: (onReport) => coordinator.subscribe((value, at) => onReport(toReport(value, at))),
    history: () => parts.history.list(),
    dispose() {
      parts.lifetime.abort();
      coordinator.dispose();
    },
  });
}
