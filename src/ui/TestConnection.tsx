// "Test connection" under the settings form: one button, then the verdict in place
// (status and findings) before the owner saves. Announced through aria-live.
import type { Report } from '../health/types.ts';
import { headlineKey } from '../health/text-params.ts';
import { FindingList } from './FindingList.tsx';
import { StatusIcon } from './icons.tsx';
import type { TextProps } from './types.ts';

type TestConnectionState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: Report } | { kind: 'failed' };

export interface TestConnectionProps extends TextProps {
  state: TestConnectionState;
  onTest: () => void;
}

export function TestConnection({ state, onTest, t, fmt }: TestConnectionProps) {
  const running = state.kind === 'running';
  return (
    <div class="bytegpt-health__test" data-bytegpt-test={state.kind === 'done' ? state.report.status : state.kind}>
      <p class="bytegpt-health__hint">{t('settings.test.exposure')}</p>
      <button type="button" class="bytegpt-health__button" data-action="test-connection" disabled={running} onClick={onTest}>
        {t(running ? 'settings.test.running' : 'settings.test.button')}
      </button>
      <div class="bytegpt-health__test-result" role="status" aria-live="polite">
        {state.kind === 'failed' ? <p class="bytegpt-health__error">{t('panel.error_generic')}</p> : null}
        {state.kind === 'done' ? (
          <>
            <p class={`bytegpt-health__status bytegpt-health--${state.report.status}`}>
              <StatusIcon kind={state.report.status} />
              <span class="bytegpt-health__status-text">{t(headlineKey(state.report))}</span>
            </p>
            <FindingList findings={state.report.findings} role="admin" t={t} fmt={fmt} />
          </>
        ) : null}
      </div>
    </div>
  );
}
