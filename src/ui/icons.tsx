// The Callout icon shapes (kommo-look.md §4): colour is never the only signal.
import type { DisplayStatus } from './types.ts';

const PATHS: Record<DisplayStatus | 'info', string> = {
  ok: 'M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16zm3.6 5.2l-4.8 4.9l-2.4-2.4l-1.1 1.1l3.5 3.5l5.9-6z',
  warning: 'M10 2.5l8.5 15h-17zm-.9 5v5h1.8v-5zm0 6.4v1.8h1.8v-1.8z',
  critical: 'M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16zm-.9 4v5.5h1.8V6zm0 7v1.8h1.8V13z',
  unknown: 'M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16zm0 3.5a3 3 0 0 0-3 3h1.7a1.3 1.3 0 1 1 1.9 1.2c-.9.5-1.5 1.1-1.5 2.3v.5h1.7V12c0-.5.3-.8.9-1.2A3 3 0 0 0 10 5.5zm-.9 8.2v1.8h1.8v-1.8z',
  info: 'M10 2a8 8 0 1 1 0 16a8 8 0 0 1 0-16zm-.9 3.5v1.8h1.8V5.5zm0 3.5v5.5h1.8V9z',
  checking: 'M10 2a8 8 0 1 1-8 8h1.8A6.2 6.2 0 1 0 10 3.8z',
};

export function StatusIcon({ kind }: { kind: DisplayStatus | 'info' }) {
  return (
    <svg class="bytegpt-health__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[kind]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}
