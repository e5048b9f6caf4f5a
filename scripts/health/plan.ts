// Turns parsed flags into what one run needs: the key, the normalized base URL, the
// options, and the mock scenario if any. Pure: the billing helpers and the scenario
// table come in as parameters, so the refusals are unit-tested without a network.
import { DEFAULT_OPTIONS } from '../../src/health/options.ts';
import type { HealthOptions } from '../../src/health/types.ts';
import type { CliArgs } from './args.ts';

export interface ScenarioInfo {
  description: string;
  apiKey: string;
  /** The Admin key a scenario's organization endpoints accept, if it has one. */
  adminKey?: string;
  baseUrl: string;
  options?: Partial<HealthOptions>;
  /** A scenario about one moment (ISO instant) is checked at that moment. */
  at?: string;
  timeZone?: string;
}

export type BaseUrlCheck = { ok: true; base: string; isOpenAI: boolean } | { ok: false; reason: 'invalid' | 'not_https' };

export interface PlanDeps {
  /** null when --mock was not given (the table is only loaded for a mock run). */
  scenarios: Readonly<Record<string, ScenarioInfo>> | null;
  normalizeBaseUrl(raw: string | undefined): BaseUrlCheck;
  isAdminKey(key: string): boolean;
  /** OPENAI_ADMIN_KEY from the environment, the fallback of --admin-key. */
  envAdminKey?: string | undefined;
}

export interface RunPlan {
  apiKey: string;
  /** Asks costs and the spend limit with it, also on api.openai.com; absent = not asked there. */
  adminKey?: string;
  baseUrl: string;
  options: HealthOptions;
  mock: string | null;
  /** The clock of a one-moment mock scenario; null = now. */
  at: Date | null;
  /** The calendar zone of a mock scenario; absent = this machine's. */
  timeZone?: string;
}

export type PlanResult = { ok: true; plan: RunPlan } | { ok: false; message: string };

export const ADMIN_KEY_MESSAGE =
  'refusing an Admin key (sk-admin-…) as --key: it can read and change the whole organization\'s billing, so it must stay on a server. ' +
  'Use a restricted project key (Models: Read + Model capabilities: Request) or your relay\'s token instead; ' +
  'to see spend and the spend limit on your own machine, give the Admin key to --admin-key (or OPENAI_ADMIN_KEY).';

const ADMIN_AS_KEY_MESSAGE =
  '--admin-key is the same as --key: give a project key (Models: Read + Model capabilities: Request) to --key, and the Admin key only to --admin-key';

const BASE_URL_MESSAGE = {
  not_https: '--base-url must start with https:// (plain http:// only for 127.0.0.1, localhost or [::1])',
  invalid: '--base-url is not a usable URL (expected e.g. https://api.openai.com, without credentials, query or fragment)',
} as const;

function flagOptions(args: CliArgs): Partial<HealthOptions> {
  const out: Partial<HealthOptions> = {};
  if (args.probe !== undefined) out.quotaProbe = args.probe;
  if (args.cardExpiry !== undefined) out.cardExpiry = args.cardExpiry;
  if (args.budgetUsd !== undefined) out.monthlyBudgetUsd = args.budgetUsd;
  if (args.lowBalanceUsd !== undefined) out.lowBalanceUsd = args.lowBalanceUsd;
  return out;
}

export function planRun(args: CliArgs, deps: PlanDeps): PlanResult {
  let scenario: ScenarioInfo | undefined;
  if (args.mock !== undefined) {
    const table = deps.scenarios ?? {};
    scenario = Object.hasOwn(table, args.mock) ? table[args.mock] : undefined;
    if (!scenario) {
      return { ok: false, message: `unknown --mock scenario "${args.mock}"; choose one of: ${Object.keys(table).join(', ')}` };
    }
  } else if (args.key === undefined) {
    return { ok: false, message: 'missing --key <OpenAI key> (or try --mock <scenario> to run against the mock service)' };
  }

  // Flags override the scenario; a scenario may use '' to mean "no key configured".
  const apiKey = args.key ?? (scenario as ScenarioInfo).apiKey;
  if (deps.isAdminKey(apiKey)) return { ok: false, message: ADMIN_KEY_MESSAGE };

  const base = deps.normalizeBaseUrl(args.baseUrl ?? scenario?.baseUrl);
  if (!base.ok) return { ok: false, message: BASE_URL_MESSAGE[base.reason] };
  // The mock answers only its scenario's host: any other base would miss every handler
  // (and, unintercepted, would reach a real server), so it is refused up front.
  if (scenario && args.baseUrl !== undefined) {
    const own = deps.normalizeBaseUrl(scenario.baseUrl);
    const ownBase = own.ok ? own.base : scenario.baseUrl;
    if (base.base !== ownBase) {
      return { ok: false, message: `--base-url cannot be used with --mock: scenario "${args.mock}" is served at ${ownBase} only (leave --base-url out)` };
    }
  }

  // On the owner's own machine an Admin key is fine (design.md "CLI"), but only in its
  // own flag: it reads the organization's billing, so it never stands in for --key.
  const adminKey = [args.adminKey, deps.envAdminKey, scenario?.adminKey].map((k) => k?.trim() ?? '').find((k) => k !== '');
  if (adminKey !== undefined && adminKey === apiKey.trim()) return { ok: false, message: ADMIN_AS_KEY_MESSAGE };

  const options: HealthOptions = { ...DEFAULT_OPTIONS, ...scenario?.options, ...flagOptions(args) };
  const moment = scenario?.at === undefined ? {} : { at: new Date(scenario.at) };
  const zone = scenario?.timeZone === undefined ? {} : { timeZone: scenario.timeZone };
  const admin = adminKey === undefined ? {} : { adminKey };
  return { ok: true, plan: { apiKey, ...admin, baseUrl: base.base, options, mock: args.mock ?? null, at: null, ...moment, ...zone } };
}
