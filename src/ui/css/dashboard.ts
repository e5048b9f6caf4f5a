// CSS of the dashboard screens, every selector under the widget's scope class (see
// ./scope.ts and ../styles.ts, which joins the features after the base).
export const DASHBOARD_CSS = '';
