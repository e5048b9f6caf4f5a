// The health CLI end to end: every mock scenario, the human report, the refusals
// (exit 64), and a real loopback HTTP server standing in for an OpenAI-compatible API.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/mocks/scenarios.ts';
import { DEFAULT_PROBE_MODEL } from '../../src/health/options.ts';
import { FINDING_SEVERITY, type Report, type Status } from '../../src/health/types.ts';
import { REPO_ROOT, runCli, withConcurrency, type CliRun } from './cli-run.ts';

const EXIT: Record<Status, number> = { ok: 0, warning: 1, critical: 2, unknown: 3 };
const english = JSON.parse(readFileSync(`${REPO_ROOT}/locales/en.json`, 'utf8')) as {
  findings: Record<string, { title: string; action: string }>;
  status: Record<string, string>;
};

describe('health CLI --mock <scenario> --json, for every scenario', () => {
  const names = Object.keys(SCENARIOS);
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    const results = await withConcurrency(names, 2, (name) => runCli(['--mock', name, '--json']));
    names.forEach((name, i) => runs.set(name, results[i] as CliRun));
  }, 180_000);

  it('covers a real table of scenarios', () => {
    expect(names.length).toBeGreaterThan(5);
  });

  it.each(names)('%s: status, finding codes and exit code as the scenario expects', (name) => {
    const scenario = SCENARIOS[name as keyof typeof SCENARIOS];
    const run = runs.get(name) as CliRun;
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report & { mock: string; baseUrl: string };
    expect(report.status).toBe(scenario.expect.status);
    expect(report.findings.map((f) => f.code).sort()).toEqual([...scenario.expect.codes].sort());
    expect(run.code).toBe(EXIT[scenario.expect.status]);
    expect(report.mock).toBe(name);
    expect(Number.isNaN(Date.parse(report.checkedAt))).toBe(false);
    for (const finding of report.findings) expect([finding.code, finding.severity]).toEqual([finding.code, FINDING_SEVERITY[finding.code]]);
    // The key never appears in the output.
    if (scenario.apiKey !== '') expect(run.stdout + run.stderr).not.toContain(scenario.apiKey);
  });
});

describe('health CLI: the human report', () => {
  it('prints status, findings with what to do, and the money lines', async () => {
    const run = await runCli(['--mock', 'spend_near_budget']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`OpenAI billing health: WARNING - ${english.status.warning}`);
    expect(lines[1]).toMatch(/^Checked .+ UTC against https:\/\/relay\.bytegpt\.test \(mock scenario "spend_near_budget"\)$/);
    expect(run.stdout).toContain(`[!] WARNING  ${english.findings.budget_near?.title}  (budget_near)`);
    // The action text, with its {amount} and {budget} filled in as dollars.
    expect(run.stdout).toMatch(/Spent \$42\.50 of \$50\.00\./);
    expect(run.stdout).toMatch(/^Spent this month: \$42\.50$/m);
    expect(run.stdout).toMatch(/^Month-end forecast: \$\d+\.\d{2} \(Budget: \$50\.00\)$/m);
    expect(run.stdout).toMatch(/^Balance: \$87\.50 left of \$100\.00 \(used \$12\.50\)$/m);
    expect(run.stdout).not.toContain(SCENARIOS.spend_near_budget.apiKey);
  });

  it('prints a critical finding with its action and exits 2', async () => {
    const run = await runCli(['--mock', 'credits_exhausted']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`[x] CRITICAL ${english.findings.credits_exhausted?.title}  (credits_exhausted, probe, HTTP 429)`);
    expect(run.stdout).toContain(english.findings.credits_exhausted?.action);
  });
});

describe('health CLI: bad arguments exit 64 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown option', ['--mock', 'healthy', '--verbose'], /^health: unknown option --verbose/],
    ['missing value', ['--key'], /^health: --key needs a value/],
    ['malformed --card-expiry', ['--mock', 'healthy', '--card-expiry', '13/27'], /^health: --card-expiry must be MM\/YY/],
    ['negative budget', ['--mock', 'healthy', '--budget', '-5'], /^health: --budget must not be negative/],
    ['non-numeric budget', ['--mock', 'healthy', '--budget', 'lots'], /^health: --budget must be a number/],
    ['non-numeric low balance', ['--mock', 'healthy', '--low-balance', 'x'], /^health: --low-balance must be a number/],
    ['admin key', ['--key', 'sk-admin-DoNotPrintMe123'], /^health: refusing an Admin key .*stay on a server.*restricted project key/],
    ['http base URL', ['--key', 'sk-test', '--base-url', 'http://api.openai.com'], /^health: --base-url must start with https:\/\//],
    ['unknown scenario', ['--mock', 'nope'], /^health: unknown --mock scenario "nope"; choose one of: healthy, /],
    // The mock serves only the scenario's host; another base would miss every handler.
    [
      '--base-url other than the mock scenario\'s',
      ['--mock', 'healthy', '--base-url', 'https://relay.example.com'],
      /^health: --base-url cannot be used with --mock: scenario "healthy" is served at https:\/\/api\.openai\.com only/,
    ],
    ['no key, no mock', [], /^health: missing --key/],
  ];
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    const results = await withConcurrency(cases, 2, ([, argv]) => runCli(argv));
    cases.forEach(([name], i) => runs.set(name, results[i] as CliRun));
  }, 120_000);

  it.each(cases)('%s', (name, _argv, message) => {
    const run = runs.get(name) as CliRun;
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('DoNotPrintMe');
  });

  it('--help prints the usage and the scenario names, exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run health -- --key <key>/);
    expect(run.stdout).toContain(`Mock scenarios: ${Object.keys(SCENARIOS).join(', ')}`);
  });
});

describe('health CLI against a real OpenAI-compatible server on 127.0.0.1', () => {
  interface Seen {
    method: string;
    path: string;
    authorization: string | undefined;
    body: string;
  }
  const seen: Seen[] = [];
  let server: Server;
  let port = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    seen.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body });
    if (path === '/v1/models') {
      return send(res, 200, {
        object: 'list',
        data: [{ id: DEFAULT_PROBE_MODEL, object: 'model', created: 1721172717, owned_by: 'system' }],
      });
    }
    if (path === '/v1/chat/completions') {
      // openai-billing.md E10: out of credit, 429 without Retry-After.
      return send(res, 429, {
        error: {
          message: 'You have no credits remaining. Add credits to continue using the API at https://platform.openai.com/settings/organization/billing/.',
          type: 'insufficient_quota',
          param: null,
          code: 'credit_balance_exhausted',
        },
      });
    }
    if (path.startsWith('/v1/organization/')) {
      // E9: Admin endpoints refuse a normal key.
      return send(res, 401, {
        error: { message: 'You have insufficient permissions for this operation. Missing scopes: api.usage.read.', type: 'invalid_request_error', param: null, code: 'missing_scope' },
      });
    }
    return send(res, 404, { error: { message: 'Not found', type: 'invalid_request_error', param: null, code: null } });
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => handle(req, res, body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('probes by default and reports credits_exhausted as critical, exit 2', async () => {
    const run = await runCli(['--base-url', `http://127.0.0.1:${port}`, '--key', 'sk-test', '--json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(run.code).toBe(2);
    expect(report.status).toBe('critical');
    expect(report.findings[0]).toEqual({
      code: 'credits_exhausted',
      severity: 'critical',
      endpoint: 'probe',
      params: { status: 429, apiCode: 'credit_balance_exhausted' },
    });
    expect(report.findings.map((f) => f.code).sort()).toEqual(['credits_exhausted', 'spend_unavailable']);

    // The server really was asked: models, then the one-token probe on the dated model.
    const paths = seen.map((s) => `${s.method} ${s.path}`);
    expect(paths).toContain('GET /v1/models');
    expect(paths).toContain('POST /v1/chat/completions');
    const probe = seen.find((s) => s.path === '/v1/chat/completions') as Seen;
    expect(JSON.parse(probe.body)).toMatchObject({ model: DEFAULT_PROBE_MODEL });
    expect(seen.every((s) => s.authorization === 'Bearer sk-test')).toBe(true);
  });

  it('--probe (the old opt-in) is still accepted', async () => {
    const run = await runCli(['--base-url', `http://127.0.0.1:${port}`, '--key', 'sk-test', '--probe', '--json']);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as Report).findings[0]?.code).toBe('credits_exhausted');
  });

  it('with --no-probe the same server is ok, and the headline says the credit was not tested', async () => {
    const run = await runCli(['--base-url', `http://127.0.0.1:${port}/v1`, '--key', 'sk-test', '--no-probe']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^OpenAI billing health: OK - ${english.status.ok_untested}\\n`));
    expect(run.stdout).not.toContain(english.status.ok);
    expect(run.stdout).toContain(english.findings.quota_unverified?.title);
    expect(run.stdout).not.toContain('sk-test');
  });
});
