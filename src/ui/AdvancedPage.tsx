// The page under Settings (advanced_settings): a short intro and the same status panel.
import { StatusPanel, type StatusPanelProps } from './StatusPanel.tsx';

export function AdvancedPage(props: StatusPanelProps) {
  const { t } = props;
  return (
    <div class="bytegpt-health__page">
      <h2 class="bytegpt-health__page-title">{t('advanced.title')}</h2>
      <p class="bytegpt-health__page-intro">{t('advanced.intro')}</p>
      <StatusPanel {...props} />
    </div>
  );
}
