// The class on every host element of ours; every selector starts with it (Kommo: no
// global selectors). Its own module so each feature's CSS can use it without a cycle.
export const SCOPE_CLASS = 'bytegpt-health';
export const S = `.${SCOPE_CLASS}`;
