// Exit codes are part of the CLI contract (design.md): scripts branch on them.
import type { Status } from '../../src/health/types.ts';

export const EXIT_BAD_ARGUMENTS = 64;

const EXIT_BY_STATUS: Record<Status, number> = { ok: 0, warning: 1, critical: 2, unknown: 3 };

export function exitCodeFor(status: Status): number {
  return EXIT_BY_STATUS[status];
}
