// Command-line syntax of `npm run health` (design.md "CLI"). Pure: argv in, parsed
// flags or one clear message out. Whether the key, base URL or scenario are
// acceptable is decided later, in plan.ts.
import { isCardExpiry } from '../../src/health/options.ts';

export interface CliArgs {
  key?: string;
  /** An Admin key for spend and the spend limit (the owner's machine only; never printed). */
  adminKey?: string;
  baseUrl?: string;
  /** `--probe` / `--no-probe`; absent = the default (on). */
  probe?: boolean;
  cardExpiry?: string;
  budgetUsd?: number;
  lowBalanceUsd?: number;
  json: boolean;
  mock?: string;
  help: boolean;
}

export type ArgsResult = { ok: true; args: CliArgs } | { ok: false; message: string };

const VALUE_OPTIONS = ['--key', '--admin-key', '--base-url', '--card-expiry', '--budget', '--low-balance', '--mock'] as const;
const FLAG_OPTIONS = ['--probe', '--no-probe', '--json', '--help', '-h'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const isValueOption = (name: string): name is ValueOption => (VALUE_OPTIONS as readonly string[]).includes(name);
const isFlagOption = (name: string) => (FLAG_OPTIONS as readonly string[]).includes(name);

// Plain decimal dollars: "Number()" would also take "", "0x10" and "1e3".
const DECIMAL = /^\d+(\.\d+)?$/;

/** Reads a USD amount; `positive` rejects 0 too. Returns a message on failure. */
export function parseUsd(option: string, text: string, positive: boolean): number | string {
  const limit = positive ? 'greater than 0' : '0 or more';
  if (/^-\d+(\.\d+)?$/.test(text)) return `${option} must not be negative (got ${text}); give US dollars, ${limit}`;
  if (!DECIMAL.test(text)) return `${option} must be a number of US dollars, ${limit} (got "${text}")`;
  const value = Number(text);
  if (positive && value === 0) return `${option} must be greater than 0 (leave it out for no budget)`;
  return value;
}

function applyValue(args: CliArgs, option: ValueOption, value: string): string | null {
  switch (option) {
    case '--key':
      args.key = value;
      return null;
    case '--admin-key':
      args.adminKey = value;
      return null;
    case '--base-url':
      args.baseUrl = value;
      return null;
    case '--mock':
      args.mock = value;
      return null;
    case '--card-expiry':
      if (!isCardExpiry(value)) return `--card-expiry must be MM/YY with a month from 01 to 12, e.g. 08/27 (got "${value}")`;
      args.cardExpiry = value;
      return null;
    case '--budget':
    case '--low-balance': {
      const amount = parseUsd(option, value, option === '--budget');
      if (typeof amount === 'string') return amount;
      if (option === '--budget') args.budgetUsd = amount;
      else args.lowBalanceUsd = amount;
      return null;
    }
  }
}

function applyFlag(args: CliArgs, flag: string): void {
  if (flag === '--probe' || flag === '--no-probe') args.probe = flag === '--probe';
  else if (flag === '--json') args.json = true;
  else args.help = true;
}

export function parseArgs(argv: readonly string[]): ArgsResult {
  const args: CliArgs = { json: false, help: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] as string;
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    if (!isValueOption(name) && !isFlagOption(name)) {
      return { ok: false, message: name.startsWith('-') ? `unknown option ${name}` : `unexpected argument "${token}"` };
    }
    if (seen.has(name)) return { ok: false, message: `${name} is given more than once` };
    if ((name === '--probe' && seen.has('--no-probe')) || (name === '--no-probe' && seen.has('--probe'))) {
      return { ok: false, message: '--probe and --no-probe contradict each other; give one' };
    }
    seen.add(name);
    if (isFlagOption(name)) {
      if (eq > 0) return { ok: false, message: `${name} takes no value` };
      applyFlag(args, name);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      // "--key --json" means the value was forgotten, not that the key is "--json".
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    }
    if (value === undefined || value.trim() === '') return { ok: false, message: `${name} needs a value` };
    const problem = applyValue(args, name as ValueOption, value);
    if (problem !== null) return { ok: false, message: problem };
  }
  return { ok: true, args };
}
