// CSS of the dashboard screens, every selector under the widget's scope class (see
// ./scope.ts and ../styles.ts, which joins the features after the base).
// Chart colours reach 3:1 (graphics) and the muted text 4.5:1 on every background the
// page may have: #fff and #f5f5f5 in light; #0f2231, #153043 and #19374d in dark (Kommo's
// own dark secondary #8092ad is only 3.9–4.3:1 there, hence a lighter one).
import { S } from './scope.ts';

export const DASHBOARD_CSS = `
${S} {
  --bytegpt-health-dash-muted: #6b6d72;
  --bytegpt-health-dash-spend: #326fd8;
  --bytegpt-health-dash-budget: #ce3942;
  --bytegpt-health-dash-callout: #e5eeff;
}
${S}[data-bytegpt-theme="dark"] {
  --bytegpt-health-dash-muted: #9aa9c0;
  --bytegpt-health-dash-spend: #6ea3ff;
  --bytegpt-health-dash-budget: #ff8a8a;
  --bytegpt-health-dash-callout: #264b79;
}
${S} .bytegpt-health__dash { display: flex; flex-direction: column; gap: 24px; max-width: 640px; }
${S} .bytegpt-health__dash-heading { margin: 0 0 8px; font-size: 15px; line-height: 20px; font-weight: 700; }
${S} .bytegpt-health__dash-note, ${S} .bytegpt-health__legend, ${S} .bytegpt-health__history th {
  color: var(--bytegpt-health-dash-muted);
}
${S} .bytegpt-health__dash-note { display: block; margin-top: 4px; font-size: 11px; line-height: 15px; }
${S} .bytegpt-health__dash .bytegpt-health__finding-action,
${S} .bytegpt-health__dash .bytegpt-health__figure dt { color: var(--bytegpt-health-dash-muted); }
${S} .bytegpt-health__dash-callout {
  display: flex; flex-direction: column; gap: 4px; padding: 12px; border-radius: 4px;
  background: var(--bytegpt-health-dash-callout); color: var(--bytegpt-health-text);
}
${S} .bytegpt-health__chart { margin: 0; }
${S} .bytegpt-health__chart svg { display: block; width: 100%; height: auto; overflow: visible; }
${S} .bytegpt-health__chart text { font-family: 'PT Sans', Arial, sans-serif; font-size: 11px; fill: var(--bytegpt-health-dash-muted); }
${S} .bytegpt-health__grid { stroke: var(--bytegpt-health-hairline); }
${S} .bytegpt-health__axis { stroke: var(--bytegpt-health-field-border); }
${S} .bytegpt-health__bar { fill: var(--bytegpt-health-dash-spend); }
${S} .bytegpt-health__chart [data-line] { fill: none; stroke: var(--bytegpt-health-dash-spend); stroke-width: 2; stroke-linejoin: round; }
${S} .bytegpt-health__chart [data-line="forecast"] { stroke-dasharray: 5 4; }
${S} .bytegpt-health__chart [data-line="budget"] { stroke: var(--bytegpt-health-dash-budget); }
${S} .bytegpt-health__legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0 0; padding: 0; list-style: none; }
${S} .bytegpt-health__legend li { display: flex; align-items: center; gap: 6px; }
${S} .bytegpt-health__swatch { display: inline-block; width: 16px; border-top: 2px solid var(--bytegpt-health-dash-spend); }
${S} .bytegpt-health__swatch--bar { width: 8px; height: 10px; border: 0; background: var(--bytegpt-health-dash-spend); }
${S} .bytegpt-health__swatch--forecast { border-top-style: dashed; }
${S} .bytegpt-health__swatch--budget { border-top-color: var(--bytegpt-health-dash-budget); }
${S} .bytegpt-health__sr {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
${S} .bytegpt-health__limit { display: flex; gap: 8px; align-items: flex-start; }
${S} .bytegpt-health__history { width: 100%; border-collapse: collapse; }
${S} .bytegpt-health__history th {
  padding: 0 8px 4px 0; text-align: left; font-size: 11px; line-height: 15px; font-weight: 700; text-transform: uppercase;
}
${S} .bytegpt-health__history td {
  padding: 6px 8px 6px 0; border-top: 1px solid var(--bytegpt-health-hairline); vertical-align: top; overflow-wrap: anywhere;
}
${S} .bytegpt-health__history ul { margin: 0; padding: 0; list-style: none; }
${S} .bytegpt-health__history-status { display: inline-flex; align-items: center; gap: 6px; }
${S} .bytegpt-health__history .bytegpt-health__icon { width: 16px; height: 16px; }
${S} .bytegpt-health__dash [data-status="ok"] .bytegpt-health__icon, ${S} [data-spend-limit="enforcing"] .bytegpt-health__icon { color: var(--bytegpt-health-ok-fg); }
${S} .bytegpt-health__dash [data-status="warning"] .bytegpt-health__icon { color: var(--bytegpt-health-warning-fg); }
${S} .bytegpt-health__dash [data-status="critical"] .bytegpt-health__icon, ${S} [data-spend-limit="reached"] .bytegpt-health__icon { color: var(--bytegpt-health-critical-fg); }
${S} [data-spend-limit="none"] .bytegpt-health__icon { color: var(--bytegpt-health-info-fg); }
`;
