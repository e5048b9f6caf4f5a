// The page under Settings (advanced_settings): a short intro, the status panel, the
// dashboard (plugged in by src/kommo/areas.ts) and, for admins, the whole update
// walkthrough. The panel's step links jump to the step in the list below. The
// dashboard and the walkthrough come from admin.js in the shipped widget (./admin-ui.tsx).
import type { ComponentChild } from 'preact';
import { useRef } from 'preact/hooks';
import type { StepId } from '../checklist/steps.ts';
import { StatusPanel, type StatusPanelProps } from './StatusPanel.tsx';
import { Walkthrough } from './admin-ui.tsx';

interface AdvancedPageProps extends StatusPanelProps {
  /** The dashboard (src/ui/Dashboard*.tsx), rendered above the walkthrough. */
  dashboard?: ComponentChild;
}

export function AdvancedPage(props: AdvancedPageProps) {
  const { t, fmt, role, walkthrough, configureHref, dashboard } = props;
  const page = useRef<HTMLDivElement>(null);
  const shown = role === 'admin' ? walkthrough : undefined;
  const focusStep = (step: StepId) => {
    const element = page.current?.querySelector<HTMLElement>(`.bytegpt-health__walkthrough [data-step="${step}"]`);
    element?.scrollIntoView?.({ block: 'center' });
    element?.focus();
  };
  return (
    <div class="bytegpt-health__page" ref={page}>
      <h2 class="bytegpt-health__page-title">{t('advanced.title')}</h2>
      <p class="bytegpt-health__page-intro">{t('advanced.intro')}</p>
      <StatusPanel {...props} walkthrough={undefined} onOpenStep={shown ? focusStep : undefined} />
      {dashboard ?? null}
      {shown ? <Walkthrough state={shown} t={t} fmt={fmt} settingsHref={configureHref} /> : null}
    </div>
  );
}
