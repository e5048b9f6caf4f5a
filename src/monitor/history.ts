// The last checks, newest first, for the dashboard: when, what status, which findings.
// Never the key or a server message: only codes, kept under a one-way hash of the
// account and base URL, and read back through a reader like any other stored value.
import { MAX_FINDINGS, STATUSES } from '../health/report-reader.ts';
import { is, isoTime, listOf, object } from '../health/shape.ts';
import type { Report } from '../health/types.ts';
import { FINDING_SEVERITY } from '../health/types.ts';
import { safeStorage, type StorageLike } from './storage.ts';

const HISTORY_LIMIT = 50;
const PREFIX = 'bytegpt-billing:history:v1:';

export interface HistoryEntry {
  /** ISO time the check started. */
  at: string;
  status: Report['status'];
  findings: Array<keyof typeof FINDING_SEVERITY>;
}

const readEntry = object({
  at: isoTime,
  status: is<Report['status']>((value) => STATUSES.has(value)),
  findings: listOf(is<keyof typeof FINDING_SEVERITY>((code) => typeof code === 'string' && Object.hasOwn(FINDING_SEVERITY, code)), MAX_FINDINGS),
});

export interface CheckHistory {
  /** Newest first, at most 50; entries that fail their reader are dropped. */
  list(): HistoryEntry[];
  record(report: Report): void;
}

export function createCheckHistory(storage: StorageLike, scope: string): CheckHistory {
  const store = safeStorage(storage);
  const key = `${PREFIX}${scope}`;
  const list = (): HistoryEntry[] => {
    let raw: unknown;
    try {
      raw = JSON.parse(store.getItem(key) ?? '[]');
    } catch {
      return [];
    }
    if (!Array.isArray(raw)) return [];
    // Only what record() could have kept is read: a stuffed list costs no more than a real one.
    return raw.slice(0, HISTORY_LIMIT).flatMap((item) => readEntry(item) ?? []);
  };
  return {
    list,
    record(report) {
      const entry: HistoryEntry = { at: report.checkedAt, status: report.status, findings: report.findings.map((f) => f.code) };
      store.setItem(key, JSON.stringify([entry, ...list().filter((e) => e.at !== entry.at)].slice(0, HISTORY_LIMIT)));
    },
  };
}
