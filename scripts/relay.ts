// `npm run relay`: the check relay on Node, configured by environment variables (and a
// `.env` file in the working directory, if there is one; the environment wins).
//   npm run relay                              real upstream (OPENAI_BASE_URL)
//   npm run relay -- --mock <scenario>         upstream answered in-process by the mock
//   npm run relay -- --mock healthy --mock-admin   … plus an Admin key the mock accepts
// In mock mode the scenario supplies OPENAI_API_KEY and OPENAI_BASE_URL (its probe model
// as RELAY_PROBE_MODEL, if it sets one, and, with --mock-admin, OPENAI_ADMIN_KEY); the
// Kommo variables are still read from the environment.
import { existsSync } from 'node:fs';
import { parseRelayConfig, RelayConfigError, type RelayEnv } from '../src/relay/config.ts';
import { startNodeRelay } from '../src/relay/node.ts';
import type { RelayMock } from './relay-mock.ts';
import type { ScenarioName } from '../src/mocks/scenarios.ts';

const USAGE = `Usage: npm run relay [-- --mock <scenario> [--mock-admin]]

Environment (see .env.example and docs/relay.md):
  PORT, HOST, KOMMO_CLIENT_SECRET, KOMMO_CLIENT_UUID, KOMMO_ACCOUNT_IDS,
  OPENAI_API_KEY, OPENAI_ADMIN_KEY, OPENAI_BASE_URL, RELAY_PROBE_MODEL,
  RELAY_ALLOWED_ORIGINS, RELAY_RATE_LIMIT_PER_MINUTE
`;
const EXIT_USAGE = 64;
const EXIT_CONFIG = 78;
/** As the CLI's --mock: only the mock's "hang" faults need a timeout, and 1 s keeps them short. */
const MOCK_TIMEOUT_MS = 1_000;

interface RelayArgs {
  mock: string | null;
  mockAdmin: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): RelayArgs | string {
  const args: RelayArgs = { mock: null, mockAdmin: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--mock-admin') args.mockAdmin = true;
    else if (arg === '--mock') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return '--mock needs a scenario name';
      args.mock = value;
      i += 1;
    } else return `unknown argument "${arg}"`;
  }
  if (args.mockAdmin && args.mock === null) return '--mock-admin needs --mock <scenario>';
  return args;
}

// Loaded only for --mock: msw and the scenarios are not part of a real run (or the image).
async function mockEnv(args: RelayArgs, env: RelayEnv): Promise<{ env: RelayEnv; mock: RelayMock } | string> {
  const { SCENARIOS } = await import('../src/mocks/scenarios.ts');
  const { MOCK_ADMIN_KEY, startRelayMock } = await import('./relay-mock.ts');
  const name = args.mock as string;
  if (!Object.hasOwn(SCENARIOS, name)) return `unknown --mock scenario "${name}"; choose one of: ${Object.keys(SCENARIOS).join(', ')}`;
  const scenario = SCENARIOS[name as ScenarioName];
  const mock = startRelayMock(name as ScenarioName, { admin: args.mockAdmin });
  const adminKey = args.mockAdmin ? MOCK_ADMIN_KEY : '';
  // The relay, not the request, picks the probe's model: a scenario's model is its setting.
  const probeModel = scenario.options?.probeModel;
  const mockVars = { OPENAI_API_KEY: scenario.apiKey, OPENAI_BASE_URL: scenario.baseUrl, OPENAI_ADMIN_KEY: adminKey };
  return { env: { ...env, ...mockVars, ...(probeModel !== undefined && { RELAY_PROBE_MODEL: probeModel }) }, mock };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`relay: ${args}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  let env: RelayEnv = process.env;
  let mock: RelayMock | null = null;
  if (args.mock !== null) {
    const mocked = await mockEnv(args, env);
    if (typeof mocked === 'string') {
      process.stderr.write(`relay: ${mocked}\n`);
      return EXIT_USAGE;
    }
    ({ env, mock } = mocked);
  }

  let config;
  try {
    config = parseRelayConfig(env);
  } catch (error) {
    mock?.close();
    if (!(error instanceof RelayConfigError)) throw error;
    process.stderr.write(`relay: configuration error: ${error.message}\n`);
    return EXIT_CONFIG;
  }
  const relay = await startNodeRelay(config, { mock: args.mock, ...(mock && { timeoutMs: MOCK_TIMEOUT_MS }) });
  const upstream = args.mock === null ? config.baseUrl : `${config.baseUrl} (mock scenario "${args.mock}")`;
  process.stdout.write(
    `relay: listening on ${relay.url} — GET /v1/report for ${config.accountIds.size} account(s); upstream ${upstream}; Admin key ${config.adminKey === null ? 'not set' : 'set'}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await relay.close();
  mock?.close();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
