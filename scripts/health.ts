// `npm run health`: one health check from the command line, same rules as the sidebar.
// Exit codes: 0 ok, 1 warning, 2 critical, 3 unknown, 64 bad arguments.
import { normalizeBaseUrl } from '../src/billing/base-url.ts';
import { runCheck } from '../src/billing/check.ts';
import { isAdminKey, redactMessage } from '../src/billing/credentials.ts';
import { evaluate } from '../src/health/evaluate.ts';
import { createFormatters } from '../src/i18n/index.ts';
import { parseArgs } from './health/args.ts';
import { EXIT_BAD_ARGUMENTS, exitCodeFor } from './health/exit-codes.ts';
import { formatHuman } from './health/format-human.ts';
import { formatJson } from './health/format-json.ts';
import { planRun, type ScenarioInfo } from './health/plan.ts';
import { findingTexts, loadLocale } from './health/texts.ts';
import { USAGE } from './health/usage.ts';
import type { ScenarioName } from '../src/mocks/scenarios.ts';

/**
 * The mock answers in-process; only its "hang" faults need a timeout, and 1 s keeps
 * the `timeout` scenario (3 attempts + backoff) near 5 s instead of 30.
 */
const MOCK_TIMEOUT_MS = 1_000;

// Loaded only when needed: msw is not part of a real run.
async function loadScenarios(): Promise<Record<string, ScenarioInfo>> {
  return (await import('../src/mocks/scenarios.ts')).SCENARIOS;
}

async function startMock(name: ScenarioName, admin: boolean, now: () => Date): Promise<{ close(): void }> {
  if (admin) return (await import('./relay-mock.ts')).startRelayMock(name, { admin: true, now });
  return (await import('../src/mocks/node.ts')).startMockServer(name, { now });
}

async function helpText(): Promise<string> {
  try {
    return `${USAGE}\nMock scenarios: ${Object.keys(await loadScenarios()).join(', ')}\n`;
  } catch {
    return USAGE;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  try {
    return await run(parsed);
  } catch (error) {
    // The message may quote a request: scrub the key (and anything key-shaped) first.
    const message = error instanceof Error ? error.message : String(error);
    const keys = [parsed.ok ? parsed.args.key : undefined, parsed.ok ? parsed.args.adminKey : undefined, process.env.OPENAI_ADMIN_KEY];
    const scrubbed = keys.reduce<string>((text, key) => redactMessage(text, key ?? ''), message);
    process.stderr.write(`health: internal error: ${scrubbed}\n`);
    return exitCodeFor('unknown');
  }
}

async function run(parsed: ReturnType<typeof parseArgs>): Promise<number> {
  if (!parsed.ok) {
    process.stderr.write(`health: ${parsed.message} (see --help)\n`);
    return EXIT_BAD_ARGUMENTS;
  }
  const { args } = parsed;
  if (args.help) {
    process.stdout.write(await helpText());
    return 0;
  }
  const scenarios = args.mock === undefined ? null : await loadScenarios();
  const planned = planRun(args, { scenarios, normalizeBaseUrl, isAdminKey, envAdminKey: process.env.OPENAI_ADMIN_KEY });
  if (!planned.ok) {
    process.stderr.write(`health: ${planned.message}\n`);
    return EXIT_BAD_ARGUMENTS;
  }
  const { plan } = planned;
  const at = plan.at;
  const now = at ? () => new Date(at) : () => new Date();
  // planRun checked the name. With an Admin key the mock's api.openai.com also answers
  // costs and the spend limit for the mock's own Admin key (scripts/relay-mock.ts).
  const server = plan.mock === null ? null : await startMock(plan.mock as ScenarioName, plan.adminKey !== undefined, now);
  try {
    const signals = await runCheck({
      apiKey: plan.apiKey,
      baseUrl: plan.baseUrl,
      quotaProbe: plan.options.quotaProbe,
      probeModel: plan.options.probeModel,
      ...(plan.adminKey !== undefined && { adminKey: plan.adminKey }),
      now,
      ...(server && { timeoutMs: MOCK_TIMEOUT_MS }),
    });
    const report = evaluate(signals, plan.options, now(), plan.timeZone ? { timeZone: plan.timeZone } : {});
    const context = { baseUrl: plan.baseUrl, mock: plan.mock };
    const format = createFormatters('en', { timeZone: 'UTC' });
    const output = args.json
      ? formatJson(report, context)
      : formatHuman(report, context, findingTexts(loadLocale()), { usd: format.usd, dateTime: (v) => `${format.dateTime(v)} UTC` });
    process.stdout.write(output);
    return exitCodeFor(report.status);
  } finally {
    server?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
