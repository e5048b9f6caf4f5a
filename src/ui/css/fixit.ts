// CSS of what the sidebar shows before any admin screen loads: the findings' fix links,
// the "Fix it" entry (with its loading state while the step's code arrives) and the
// notice a lazily loaded part shows while it loads or after it failed. Also the
// walkthrough's colours (--bytegpt-health-wt-*), which the steps in admin.js use too.
// Contrast notes are in ./walkthrough.ts.
import { S } from './scope.ts';

export const FIXIT_CSS = `
${S} {
  --bytegpt-health-wt-muted: #6b6d72;
  --bytegpt-health-wt-link: #0057a9;
  --bytegpt-health-wt-primary: #326fd8;
  --bytegpt-health-wt-primary-hover: #2a66cc;
  --bytegpt-health-wt-field-border: #c5c5c5;
  --bytegpt-health-wt-button-hover: #fcfcfc;
  --bytegpt-health-wt-passed-bg: #edf7f1;
  --bytegpt-health-wt-failed-bg: #fde1e1;
  --bytegpt-health-wt-note-bg: #e5eeff;
}
${S}[data-bytegpt-theme="dark"] {
  --bytegpt-health-wt-muted: #a3b1c6;
  --bytegpt-health-wt-link: #6cb4ff;
  --bytegpt-health-wt-field-border: #596683;
  --bytegpt-health-wt-button-hover: #19374d;
  --bytegpt-health-wt-passed-bg: #182a39;
  --bytegpt-health-wt-failed-bg: #0f2231;
  --bytegpt-health-wt-note-bg: #0f2231;
}
${S} .bytegpt-health__finding-link { align-self: flex-start; margin-top: 2px; color: var(--bytegpt-health-wt-link); text-decoration: underline; }
${S} .bytegpt-health__finding-link--step {
  padding: 0; border: 0; background: none; cursor: pointer; text-align: left;
  font-family: 'PT Sans', Arial, sans-serif; font-size: 13px; line-height: 20px;
}
${S} .bytegpt-health__fixit { margin-top: 8px; }
${S} .bytegpt-health__fixit-toggle {
  display: flex; align-items: center; gap: 8px; width: 100%; height: 36px; padding: 0 10px;
  border: 1px solid var(--bytegpt-health-hairline); border-radius: 4px; cursor: pointer; text-align: left;
  background: var(--bytegpt-health-surface); color: var(--bytegpt-health-text);
  font-family: 'PT Sans', Arial, sans-serif; font-size: 14px; line-height: 14px; font-weight: 700; white-space: nowrap;
}
${S} .bytegpt-health__fixit-toggle:hover { background: var(--bytegpt-health-wt-button-hover); }
${S} .bytegpt-health__fixit-toggle:active { transform: translateY(1px); }
${S} .bytegpt-health__finding-link:focus-visible, ${S} .bytegpt-health__fixit-toggle:focus-visible {
  outline: 2px solid var(--bytegpt-health-focus); outline-offset: 1px; border-radius: 4px;
}
${S} .bytegpt-health__fixit-chevron {
  flex: none; width: 8px; height: 8px; margin: 0 2px;
  border-right: 2px solid currentColor; border-bottom: 2px solid currentColor; transform: rotate(-45deg);
}
${S} .bytegpt-health__fixit-toggle[aria-expanded="true"] .bytegpt-health__fixit-chevron { transform: rotate(45deg); }
${S} .bytegpt-health__fixit-toggle[aria-busy="true"] .bytegpt-health__fixit-chevron {
  width: 6px; height: 6px; border-radius: 50%; border: 2px solid currentColor; border-top-color: transparent;
  animation: bytegpt-health-spin 1s linear infinite;
}
${S} .bytegpt-health__fixit-region { margin-top: 8px; }
${S} .bytegpt-health__lazy { margin-top: 8px; }
${S} .bytegpt-health__lazy .bytegpt-health__button { margin-top: 8px; }
@media (prefers-reduced-motion: reduce) {
  ${S} .bytegpt-health__fixit-toggle:active { transform: none; }
  ${S} .bytegpt-health__fixit-toggle[aria-busy="true"] .bytegpt-health__fixit-chevron { animation: none; }
}
`;
