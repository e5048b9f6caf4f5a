// Waiting for a HealthSource to finish the check it is running (or about to start).
import type { HealthSource } from '../../../src/monitor/report-source.ts';

/**
 * Resolves on the first change after which the source is not checking. Subscribe before
 * starting the check (refresh/recheck), or the change may come before the wait.
 */
export function settled(source: HealthSource): Promise<void> {
  return new Promise((resolve) => {
    const off = source.subscribe(() => {
      if (!source.snapshot().checking) {
        off();
        resolve();
      }
    });
  });
}
