// The update walkthrough as data: the help article's six steps, its three
// considerations, then verify and support (design.md "Walkthrough step ids"). Pure:
// no Preact, no DOM; the texts live in the locales under walkthrough.steps.<id>.

export const STEP_IDS = [
  'login',
  'dashboard',
  'billing',
  'payment_methods',
  'edit_details',
  'save_verify',
  'double_check',
  'expiry_alerts',
  'secure_env',
  'verify',
  'support',
] as const;

export type StepId = (typeof STEP_IDS)[number];

/** `article`: one of the help article's steps; `consideration`: one of its three notes. */
export type StepKind = 'article' | 'consideration' | 'verify' | 'support';

export interface Step {
  id: StepId;
  kind: StepKind;
  /** 1-based place in the list ("step 3 of 11"). */
  number: number;
  /** The OpenAI page the step opens in a new tab (design.md "Deep links", as of 2026). */
  href: string;
}

const PLATFORM = 'https://platform.openai.com';
const LOGIN_PAGE = `${PLATFORM}/login`;
const ORGANIZATION_PAGE = `${PLATFORM}/settings/organization/general`;
/** Billing overview: where the credit balance is shown. */
const BALANCE_PAGE = `${PLATFORM}/settings/organization/billing/overview`;
const PAYMENT_METHODS_PAGE = `${PLATFORM}/settings/organization/billing/payment-methods`;
const HELP_PAGE = 'https://help.openai.com';

// Editing, saving, double-checking and the safe-device note all happen on the payment
// methods page; "watch for expiry" too, since that page shows each card's expiry.
const STEP_TABLE: ReadonlyArray<readonly [StepId, StepKind, string]> = [
  ['login', 'article', LOGIN_PAGE],
  ['dashboard', 'article', ORGANIZATION_PAGE],
  ['billing', 'article', BALANCE_PAGE],
  ['payment_methods', 'article', PAYMENT_METHODS_PAGE],
  ['edit_details', 'article', PAYMENT_METHODS_PAGE],
  ['save_verify', 'article', PAYMENT_METHODS_PAGE],
  ['double_check', 'consideration', PAYMENT_METHODS_PAGE],
  ['expiry_alerts', 'consideration', PAYMENT_METHODS_PAGE],
  ['secure_env', 'consideration', PAYMENT_METHODS_PAGE],
  ['verify', 'verify', BALANCE_PAGE],
  ['support', 'support', HELP_PAGE],
];

export const STEPS: readonly Step[] = STEP_TABLE.map(([id, kind, href], index) => ({ id, kind, href, number: index + 1 }));

export const STEP_COUNT = STEPS.length;

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function stepById(id: StepId): Step {
  // STEP_TABLE lists every id once, in STEP_IDS order.
  return STEPS[STEP_IDS.indexOf(id)] as Step;
}
