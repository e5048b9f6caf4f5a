// A WalkthroughState for component tests: progress from a few actions, spied callbacks.
import { vi } from 'vitest';
import { EMPTY_PROGRESS, reduceProgress, type Progress, type ProgressAction } from '../../src/checklist/progress.ts';
import type { WalkthroughState } from '../../src/ui/types.ts';

export function progressAfter(...actions: ProgressAction[]): Progress {
  return actions.reduce(reduceProgress, EMPTY_PROGRESS);
}

export function walkthroughState(patch: Partial<WalkthroughState> = {}) {
  const state: WalkthroughState = {
    progress: EMPTY_PROGRESS,
    verifying: false,
    verifyFailed: false,
    cardExpiry: { value: null, source: null },
    onMark: vi.fn(),
    onVerify: vi.fn(),
    onSaveCardExpiry: vi.fn(() => true),
    ...patch,
  };
  return state;
}
