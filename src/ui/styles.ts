// The widget's CSS, one stylesheet per page kept by src/kommo/style.ts. Every
// selector starts with the scope class on our own host elements (Kommo: no global
// selectors). The admin screens' CSS (./css/admin.ts) ships in admin.js with them and
// joins the same sheet when that file loads; see ./admin-ui.tsx. Colours are Kommo's kit values (kommo-look.md §3, §9); the dark set
// applies when the host carries data-bytegpt-theme="dark", which src/kommo/theme.ts
// keeps in step with <html data-color-scheme>.

import { BUNDLED_ADMIN_CSS } from './admin-ui.tsx';
import { FIXIT_CSS } from './css/fixit.ts';
import { REMIND_CSS } from './css/remind.ts';
import { S, SCOPE_CLASS } from './css/scope.ts';

export { SCOPE_CLASS };

// Each feature keeps its CSS in src/ui/css/<feature>.ts; the base comes first.
const BASE_CSS = `
${S} {
  --bytegpt-health-text: #363b44;
  --bytegpt-health-text-secondary: #6b6d72;
  --bytegpt-health-surface: #ffffff;
  --bytegpt-health-hairline: #e3e3e3;
  --bytegpt-health-field-border: #c5c5c5;
  /* Kommo's primary blue (#4c8bf7) gives white text only 3.3:1; one shade deeper keeps
     the look at 4.8:1 (hover 5.4:1). */
  --bytegpt-health-accent: #2f6fd6;
  --bytegpt-health-accent-border: #2a63c0;
  --bytegpt-health-accent-hover: #2a64c2;
  --bytegpt-health-link: #0057a9;
  --bytegpt-health-focus: #0057a9;
  --bytegpt-health-error: #ce3942;
  /* Kommo's status colours, a few percent darker: 4.6:1 or more on their tints. */
  --bytegpt-health-ok-fg: #017a55;
  --bytegpt-health-ok-bg: #e2f5eb;
  --bytegpt-health-warning-fg: #ad510f;
  --bytegpt-health-warning-bg: #fdf0c3;
  --bytegpt-health-critical-fg: #c3363e;
  --bytegpt-health-critical-bg: #feebea;
  --bytegpt-health-info-fg: #2e66c6;
  --bytegpt-health-info-bg: #e9f1fe;
  --bytegpt-health-neutral-fg: #6d6d6d;
  --bytegpt-health-neutral-bg: #f5f5f5;
  display: block;
  box-sizing: border-box;
  width: 100%;
  min-width: 0;
  margin-top: 10px;
  color: var(--bytegpt-health-text);
  font-family: 'PT Sans', Arial, sans-serif;
  font-size: 13px;
  line-height: 20px;
  text-align: left;
}
${S}[data-bytegpt-theme="dark"] {
  --bytegpt-health-text: #f2f2f2;
  /* Kommo's #8092ad is under 4.5:1 on its lighter dark panels; this lighter weldon
     blue stays 6:1 or more on #0f2231, #153043 and #19374d. */
  --bytegpt-health-text-secondary: #a8b7cc;
  --bytegpt-health-surface: #153043;
  --bytegpt-health-hairline: #284860;
  --bytegpt-health-field-border: #284860;
  --bytegpt-health-link: #5cb0ff;
  --bytegpt-health-focus: #5cb0ff;
  --bytegpt-health-error: #f37575;
  --bytegpt-health-ok-fg: #c2ecc9;
  --bytegpt-health-ok-bg: #29554e;
  --bytegpt-health-warning-fg: #fdddaf;
  --bytegpt-health-warning-bg: #4b4c41;
  --bytegpt-health-critical-fg: #fdd9d5;
  --bytegpt-health-critical-bg: #514754;
  --bytegpt-health-info-fg: #d4e3f1;
  --bytegpt-health-info-bg: #2a4d75;
  --bytegpt-health-neutral-fg: #d4e3f1;
  --bytegpt-health-neutral-bg: #224e6b;
}
${S} *, ${S} *::before, ${S} *::after { box-sizing: border-box; }
${S} h2, ${S} h3, ${S} p, ${S} ul, ${S} dl, ${S} dd { margin: 0; padding: 0; }
${S} .bytegpt-health__title {
  font-size: 11px; line-height: 15px; font-weight: 700; text-transform: uppercase;
  color: var(--bytegpt-health-text-secondary); margin-bottom: 4px;
}
${S} .bytegpt-health__icon { flex: none; width: 20px; height: 20px; }
${S} .bytegpt-health__status {
  display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-radius: 4px;
  font-size: 15px; line-height: 20px; font-weight: 700;
  color: var(--bytegpt-health-neutral-fg); background: var(--bytegpt-health-neutral-bg);
}
${S} .bytegpt-health--ok .bytegpt-health__status { color: var(--bytegpt-health-ok-fg); background: var(--bytegpt-health-ok-bg); }
${S} .bytegpt-health--warning .bytegpt-health__status { color: var(--bytegpt-health-warning-fg); background: var(--bytegpt-health-warning-bg); }
${S} .bytegpt-health--critical .bytegpt-health__status { color: var(--bytegpt-health-critical-fg); background: var(--bytegpt-health-critical-bg); }
${S} .bytegpt-health--checking .bytegpt-health__status .bytegpt-health__icon { animation: bytegpt-health-spin 1s linear infinite; }
@keyframes bytegpt-health-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  ${S} .bytegpt-health--checking .bytegpt-health__status .bytegpt-health__icon { animation: none; }
}
${S} .bytegpt-health__findings { list-style: none; margin-top: 8px; }
${S} .bytegpt-health__finding {
  display: flex; gap: 8px; padding: 8px 0; border-top: 1px solid var(--bytegpt-health-hairline);
}
${S} .bytegpt-health__finding:first-child { border-top: 0; }
${S} .bytegpt-health__finding--critical .bytegpt-health__icon { color: var(--bytegpt-health-critical-fg); }
${S} .bytegpt-health__finding--warning .bytegpt-health__icon { color: var(--bytegpt-health-warning-fg); }
${S} .bytegpt-health__finding--unknown .bytegpt-health__icon { color: var(--bytegpt-health-neutral-fg); }
${S} .bytegpt-health__finding--info .bytegpt-health__icon { color: var(--bytegpt-health-info-fg); }
${S} .bytegpt-health__finding-text { display: flex; flex-direction: column; min-width: 0; overflow-wrap: anywhere; }
${S} .bytegpt-health__finding-title { font-weight: 700; }
${S} .bytegpt-health__finding-action, ${S} .bytegpt-health__hint, ${S} .bytegpt-health__checked {
  color: var(--bytegpt-health-text-secondary);
}
${S} .bytegpt-health__notice, ${S} .bytegpt-health__ask, ${S} .bytegpt-health__error { margin-top: 8px; }
${S} .bytegpt-health__error, ${S} .bytegpt-health__field-error { color: var(--bytegpt-health-error); }
${S} .bytegpt-health__figures { margin-top: 8px; border-top: 1px solid var(--bytegpt-health-hairline); padding-top: 4px; }
${S} .bytegpt-health__figure { display: flex; justify-content: space-between; gap: 8px; }
${S} .bytegpt-health__figure dt { color: var(--bytegpt-health-text-secondary); }
${S} .bytegpt-health__figure dd { font-weight: 700; text-align: right; }
${S} .bytegpt-health__footer {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; margin-top: 12px;
}
${S} .bytegpt-health__checked { font-size: 11px; line-height: 15px; }
${S} .bytegpt-health__button {
  height: 36px; padding: 0 10px; border: 1px solid var(--bytegpt-health-accent-border); border-radius: 4px;
  background: var(--bytegpt-health-accent); color: #ffffff; cursor: pointer;
  font-family: 'PT Sans', Arial, sans-serif; font-size: 14px; line-height: 14px; font-weight: 700; white-space: nowrap;
}
${S} .bytegpt-health__button:hover { background: var(--bytegpt-health-accent-hover); }
${S} .bytegpt-health__button:active { transform: translateY(1px); }
${S} .bytegpt-health__button:disabled { opacity: 0.6; cursor: default; transform: none; }
${S} .bytegpt-health__link { color: var(--bytegpt-health-link); text-decoration: underline; }
${S} .bytegpt-health__button:focus-visible, ${S} .bytegpt-health__link:focus-visible, ${S} input:focus-visible {
  outline: 2px solid var(--bytegpt-health-focus); outline-offset: 1px; border-radius: 4px;
}
${S} .bytegpt-health__hint, ${S} .bytegpt-health__field-error { font-size: 13px; line-height: 20px; }
${S} .bytegpt-health__page { max-width: 480px; padding: 16px 0; }
${S} .bytegpt-health__page-title { font-size: 18px; line-height: 24px; font-weight: 700; }
${S} .bytegpt-health__page-intro { margin: 4px 0 12px; }
`;

// Admin CSS last, so the order is the same whether it is bundled here or arrives later.
export const WIDGET_CSS = BASE_CSS + FIXIT_CSS + REMIND_CSS + BUNDLED_ADMIN_CSS;
