// The last checks, newest first, for the dashboard: when, what status, which findings.
// Never the key or a server message: only codes, kept under a one-way hash of the
// account and base URL, and read back through a schema like any other stored value.
import * as z from 'zod/mini';
import type { Report } from '../health/types.ts';
import { FINDING_SEVERITY } from '../health/types.ts';
import { safeStorage, type StorageLike } from './storage.ts';

const HISTORY_LIMIT = 50;
const PREFIX = 'bytegpt-billing:history:v1:';
const STATUSES: ReadonlySet<unknown> = new Set(['ok', 'warning', 'critical', 'unknown']);

export interface HistoryEntry {
  /** ISO time the check started. */
  at: string;
  status: Report['status'];
  findings: Array<keyof typeof FINDING_SEVERITY>;
}

const EntrySchema = z.object({
  at: z.string().check(z.refine((at) => !Number.isNaN(Date.parse(at)))),
  status: z.custom<Report['status']>((value) => STATUSES.has(value)),
  findings: z.array(z.custom<keyof typeof FINDING_SEVERITY>((code) => typeof code === 'string' && Object.hasOwn(FINDING_SEVERITY, code))),
});

export interface CheckHistory {
  /** Newest first; entries that fail the schema are dropped. */
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
    return raw.flatMap((item) => {
      const parsed = EntrySchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  };
  return {
    list,
    record(report) {
      const entry: HistoryEntry = { at: report.checkedAt, status: report.status, findings: report.findings.map((f) => f.code) };
      store.setItem(key, JSON.stringify([entry, ...list().filter((e) => e.at !== entry.at)].slice(0, HISTORY_LIMIT)));
    },
  };
}
