// CSS of the remind screens, every selector under the widget's scope class (see
// ./scope.ts and ../styles.ts, which joins the features after the base).
export const REMIND_CSS = '';
