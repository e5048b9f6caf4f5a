// CSS of the settings modal's extras ("Test connection" and its verdict), every selector
// under the widget's scope class (see ./scope.ts and ../styles.ts).
import { S } from './scope.ts';

export const SETTINGS_CSS = `
${S} .bytegpt-health__test {
  display: flex; flex-direction: column; align-items: flex-start; gap: 8px;
  margin-top: 16px; padding-top: 16px; border-top: 1px solid var(--bytegpt-health-hairline);
}
${S} .bytegpt-health__test-result { width: 100%; }
${S} .bytegpt-health__test-result .bytegpt-health__status { margin-top: 4px; }
`;
