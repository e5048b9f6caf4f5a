// CSS of the settings modal: the options form and "Test connection" with its verdict,
// every selector under the widget's scope class (see ./scope.ts). Ships in admin.js.
import { S } from './scope.ts';

export const SETTINGS_CSS = `
${S} .bytegpt-health__form { display: flex; flex-direction: column; gap: 16px; font-size: 15px; }
${S} .bytegpt-health__field { display: flex; flex-direction: column; gap: 4px; }
${S} .bytegpt-health__field--check { display: grid; grid-template-columns: 20px 1fr; column-gap: 8px; align-items: center; }
${S} .bytegpt-health__field--check .bytegpt-health__hint { grid-column: 2; }
${S} .bytegpt-health__field input[type="text"] {
  height: 34px; padding: 0 9px; border: 1px solid var(--bytegpt-health-field-border); border-radius: 4px;
  background: var(--bytegpt-health-surface); color: var(--bytegpt-health-text);
  font-family: 'PT Sans', Arial, sans-serif; font-size: 15px;
}
${S} .bytegpt-health__field input[type="text"]:focus { border-color: var(--bytegpt-health-accent); }
${S} .bytegpt-health__field input[aria-invalid="true"] { border-color: var(--bytegpt-health-error); }
${S} .bytegpt-health__field input[type="checkbox"] { width: 20px; height: 20px; margin: 0; accent-color: var(--bytegpt-health-text); }
${S} .bytegpt-health__test {
  display: flex; flex-direction: column; align-items: flex-start; gap: 8px;
  margin-top: 16px; padding-top: 16px; border-top: 1px solid var(--bytegpt-health-hairline);
}
${S} .bytegpt-health__test-result { width: 100%; }
${S} .bytegpt-health__test-result .bytegpt-health__status { margin-top: 4px; }
`;
