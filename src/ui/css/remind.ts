// CSS of the remind screens, every selector under the widget's scope class (see
// ./scope.ts and ../styles.ts, which joins the features after the base).
// The button is Kommo's Neutral (white, bordered) button: the blue primary is the
// panel's "check again" (kommo-look.md §9.6, one blue per view). Its text, the
// message and the focus ring reach 4.5:1 on #ffffff and on #153043. "Reminder sent" is
// an outcome, not a dead control: it keeps full strength (ok colour, check mark). The
// message stays in the layout when empty, so its live region is heard when it fills.
import { S } from './scope.ts';

export const REMIND_CSS = `
${S} {
  --bytegpt-health-neutral-button-bg: #ffffff;
  --bytegpt-health-neutral-button-border: #c5c5c5;
  --bytegpt-health-neutral-button-hover: #fcfcfc;
}
${S}[data-bytegpt-theme="dark"] {
  --bytegpt-health-neutral-button-bg: #153043;
  --bytegpt-health-neutral-button-border: #596683;
  --bytegpt-health-neutral-button-hover: #19374d;
}
${S} .bytegpt-health__remind { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; margin-top: 8px; }
${S} .bytegpt-health__remind-button {
  display: inline-flex; align-items: center; gap: 4px; max-width: 100%;
  height: 36px; padding: 0 10px; border: 1px solid var(--bytegpt-health-neutral-button-border); border-radius: 4px;
  background: var(--bytegpt-health-neutral-button-bg); color: var(--bytegpt-health-text); cursor: pointer;
  font-family: 'PT Sans', Arial, sans-serif; font-size: 14px; line-height: 14px; font-weight: 700;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
${S} .bytegpt-health__remind-button:hover { background: var(--bytegpt-health-neutral-button-hover); }
${S} .bytegpt-health__remind-button:active { transform: translateY(1px); }
${S} .bytegpt-health__remind-button:disabled { opacity: 0.6; cursor: default; transform: none; }
${S} .bytegpt-health__remind-button[aria-busy="true"] { cursor: progress; }
${S} .bytegpt-health__remind-button--done:disabled { opacity: 1; color: var(--bytegpt-health-ok-fg); }
${S} .bytegpt-health__remind-check { flex: none; }
${S} .bytegpt-health__remind-button:focus-visible {
  outline: 2px solid var(--bytegpt-health-focus); outline-offset: 1px; border-radius: 4px;
}
${S} .bytegpt-health__remind-message { font-size: 13px; line-height: 20px; color: var(--bytegpt-health-text); }
${S} .bytegpt-health__remind-message--error { color: var(--bytegpt-health-error); }
`;
