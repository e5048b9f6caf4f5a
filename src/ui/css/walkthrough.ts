// CSS of the walkthrough's steps (the full list, and the step "Fix it" opens in the
// sidebar), every selector under the widget's scope class (see ./scope.ts). It ships in
// admin.js with the steps (./admin.ts); the "Fix it" entry, the findings' fix links and
// the --bytegpt-health-wt-* colours are in ./fixit.ts, in script.js. Kommo's look
// (kommo-look.md §5, §9) with every text at 4.5:1 or more, light and dark:
// - muted text #6b6d72 on white 5.18; in dark #a3b1c6: 6.29 on #153043, 7.47 on #0f2231,
//   5.70 on #19374d (Kommo's own #8092ad is 4.32 on #153043);
// - links #0057a9 7.15 on white; in dark #6cb4ff 6.26 on #153043 (Kommo's #1691ff: 4.25);
// - the primary (verify) button: white on #326fd8, Kommo's info blue, 4.77 (Kommo's
//   #4c8bf7 is 3.31), the same in both themes as Kommo's primary.
import { S } from './scope.ts';

export const WALKTHROUGH_CSS = `
${S} .bytegpt-health__sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
${S} .bytegpt-health__walkthrough { margin-top: 16px; }
${S} .bytegpt-health__walkthrough-title { font-size: 15px; line-height: 20px; font-weight: 700; }
${S} .bytegpt-health__walkthrough-intro { margin-top: 4px; }
${S} .bytegpt-health__walkthrough-progress, ${S} .bytegpt-health__walkthrough-finished {
  margin-top: 4px; color: var(--bytegpt-health-wt-muted);
}
${S} .bytegpt-health__walkthrough-finished { font-weight: 700; }
${S} .bytegpt-health__step-group { margin-top: 16px; }
${S} .bytegpt-health__step-group-title {
  margin: 0 0 8px; font-size: 11px; line-height: 15px; font-weight: 700; text-transform: uppercase;
  color: var(--bytegpt-health-wt-muted);
}
${S} .bytegpt-health__steps { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
${S} .bytegpt-health__step {
  padding: 12px; border: 1px solid var(--bytegpt-health-hairline); border-radius: 4px;
  background: var(--bytegpt-health-surface); color: var(--bytegpt-health-text);
}
${S} .bytegpt-health__step:focus { outline: none; }
${S} .bytegpt-health__step:focus-visible { outline: 2px solid var(--bytegpt-health-focus); outline-offset: 1px; }
${S} .bytegpt-health__step-head { display: flex; align-items: flex-start; gap: 8px; }
${S} .bytegpt-health__step-number {
  flex: none; display: inline-flex; align-items: center; justify-content: center;
  width: 20px; height: 20px; border-radius: 50%; border: 1px solid var(--bytegpt-health-wt-field-border);
  font-size: 11px; line-height: 15px; font-weight: 700; color: var(--bytegpt-health-text);
}
${S} .bytegpt-health__step--done .bytegpt-health__step-number {
  border-color: var(--bytegpt-health-ok-fg); background: var(--bytegpt-health-ok-bg); color: var(--bytegpt-health-ok-fg);
}
${S} .bytegpt-health__step-title { margin: 0; font-size: 15px; line-height: 20px; font-weight: 700; overflow-wrap: anywhere; }
${S} .bytegpt-health__step-body { margin-top: 4px; overflow-wrap: anywhere; }
${S} .bytegpt-health__step-note {
  margin-top: 8px; padding: 8px 12px; border-radius: 4px;
  background: var(--bytegpt-health-wt-note-bg); color: var(--bytegpt-health-text);
}
${S} .bytegpt-health__step-actions {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; margin-top: 8px;
}
${S} .bytegpt-health__step-link, ${S} .bytegpt-health__step-note .bytegpt-health__link {
  color: var(--bytegpt-health-wt-link); text-decoration: underline;
}
${S} .bytegpt-health__step-button, ${S} .bytegpt-health__verify-button {
  height: 36px; padding: 0 10px; border-radius: 4px; cursor: pointer;
  font-family: 'PT Sans', Arial, sans-serif; font-size: 14px; line-height: 14px; font-weight: 700; white-space: nowrap;
}
${S} .bytegpt-health__step-button {
  border: 1px solid var(--bytegpt-health-hairline); background: var(--bytegpt-health-surface); color: var(--bytegpt-health-text);
}
${S} .bytegpt-health__step-button:hover { background: var(--bytegpt-health-wt-button-hover); }
${S} .bytegpt-health__verify-button {
  border: 1px solid var(--bytegpt-health-wt-primary-hover); background: var(--bytegpt-health-wt-primary); color: #ffffff;
}
${S} .bytegpt-health__verify-button:hover { background: var(--bytegpt-health-wt-primary-hover); }
${S} .bytegpt-health__step-button:active, ${S} .bytegpt-health__verify-button:active { transform: translateY(1px); }
${S} .bytegpt-health__verify-button:disabled { opacity: 0.6; cursor: default; transform: none; }
${S} .bytegpt-health__step-undo {
  padding: 0; border: 0; background: none; cursor: pointer; text-align: left;
  font-family: 'PT Sans', Arial, sans-serif; font-size: 13px; line-height: 20px;
  font-weight: 700; color: var(--bytegpt-health-wt-muted);
}
${S} .bytegpt-health__step-undo:hover { color: var(--bytegpt-health-text); text-decoration: underline; }
${S} .bytegpt-health__step-link:focus-visible, ${S} .bytegpt-health__step-button:focus-visible,
${S} .bytegpt-health__verify-button:focus-visible, ${S} .bytegpt-health__step-undo:focus-visible,
${S} .bytegpt-health__expiry input:focus-visible {
  outline: 2px solid var(--bytegpt-health-focus); outline-offset: 1px; border-radius: 4px;
}
${S} .bytegpt-health__verify { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; margin-top: 8px; }
${S} .bytegpt-health__verify-result:empty { display: none; }
${S} .bytegpt-health__verify-verdict {
  display: flex; gap: 8px; padding: 8px 12px; border-radius: 4px; color: var(--bytegpt-health-text);
}
${S} .bytegpt-health__verify-verdict--passed { background: var(--bytegpt-health-wt-passed-bg); }
${S} .bytegpt-health__verify-verdict--passed .bytegpt-health__icon { color: var(--bytegpt-health-ok-fg); }
${S} .bytegpt-health__verify-verdict--failed { background: var(--bytegpt-health-wt-failed-bg); }
${S} .bytegpt-health__verify-verdict--failed .bytegpt-health__icon { color: var(--bytegpt-health-critical-fg); }
${S} .bytegpt-health__verify-blockers { margin: 4px 0 0 16px; padding: 0; font-weight: 700; }
${S} .bytegpt-health__expiry { display: flex; flex-direction: column; gap: 4px; margin-top: 12px; }
${S} .bytegpt-health__expiry-label { font-weight: 700; }
${S} .bytegpt-health__expiry .bytegpt-health__hint { color: var(--bytegpt-health-wt-muted); }
${S} .bytegpt-health__expiry-row { display: flex; flex-wrap: wrap; gap: 8px; }
${S} .bytegpt-health__expiry input {
  width: 96px; height: 34px; padding: 0 9px; border: 1px solid var(--bytegpt-health-wt-field-border); border-radius: 4px;
  background: var(--bytegpt-health-surface); color: var(--bytegpt-health-text);
  font-family: 'PT Sans', Arial, sans-serif; font-size: 15px;
}
${S} .bytegpt-health__expiry input::placeholder { color: var(--bytegpt-health-wt-muted); }
${S} .bytegpt-health__expiry input:focus { border-color: var(--bytegpt-health-accent); }
${S} .bytegpt-health__expiry input[aria-invalid="true"] { border-color: var(--bytegpt-health-error); }
${S} .bytegpt-health__expiry-message:empty { display: none; }
@media (prefers-reduced-motion: reduce) {
  ${S} .bytegpt-health__step-button:active, ${S} .bytegpt-health__verify-button:active { transform: none; }
}
`;
