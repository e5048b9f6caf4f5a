import { describe, expect, it } from 'vitest';
import { parseArgs, parseUsd } from '../../../scripts/health/args.ts';

const ok = (argv: string[]) => {
  const result = parseArgs(argv);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.args;
};
const fail = (argv: string[]) => {
  const result = parseArgs(argv);
  if (result.ok) throw new Error(`expected a failure for ${JSON.stringify(argv)}`);
  return result.message;
};

describe('parseArgs: accepted', () => {
  it('has quiet defaults', () => {
    // No probe flag: the option's default (on) decides.
    expect(ok([])).toEqual({ json: false, help: false });
  });

  it('--no-probe turns the credit test off; --probe is still accepted', () => {
    expect(ok(['--no-probe']).probe).toBe(false);
    expect(ok(['--probe']).probe).toBe(true);
  });

  it('reads every option, in both "--opt value" and "--opt=value" forms', () => {
    expect(
      ok(['--key', 'sk-test', '--base-url=http://127.0.0.1:8080/v1', '--probe', '--card-expiry', '08/27',
        '--budget', '50.5', '--low-balance=0', '--json', '--mock', 'healthy']),
    ).toEqual({
      key: 'sk-test', baseUrl: 'http://127.0.0.1:8080/v1', probe: true, cardExpiry: '08/27',
      budgetUsd: 50.5, lowBalanceUsd: 0, json: true, mock: 'healthy', help: false,
    });
  });

  it.each([['--help'], ['-h']])('%s asks for help', (flag) => {
    expect(ok([flag]).help).toBe(true);
  });

  it('keeps a value with "=" in it whole', () => {
    expect(ok(['--key=abc=def']).key).toBe('abc=def');
  });
});

describe('parseArgs: refused with one clear line', () => {
  it.each([
    [['--nope'], 'unknown option --nope'],
    [['--nope=1'], 'unknown option --nope'],
    [['-k', 'x'], 'unknown option -k'],
    [['stray'], 'unexpected argument "stray"'],
    [['--key'], '--key needs a value'],
    [['--key', '--json'], '--key needs a value'],
    [['--key='], '--key needs a value'],
    [['--key', '  '], '--key needs a value'],
    [['--mock'], '--mock needs a value'],
    [['--base-url'], '--base-url needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--key', 'a', '--key', 'b'], '--key is given more than once'],
    [['--probe', '--no-probe'], '--probe and --no-probe contradict each other; give one'],
    [['--no-probe=1'], '--no-probe takes no value'],
  ])('%j → %s', (argv, message) => {
    expect(fail(argv)).toBe(message);
  });

  it.each(['8/27', '13/27', '00/27', '08/2027', 'soon'])('malformed --card-expiry %s', (value) => {
    expect(fail(['--card-expiry', value])).toMatch(/^--card-expiry must be MM\/YY with a month from 01 to 12/);
  });

  it.each([
    ['--budget', '-5', /^--budget must not be negative/],
    ['--budget', 'abc', /^--budget must be a number of US dollars, greater than 0/],
    ['--budget', '0', /^--budget must be greater than 0/],
    ['--budget', '1e3', /must be a number/],
    ['--budget', '0x10', /must be a number/],
    ['--low-balance', '-0.5', /^--low-balance must not be negative/],
    ['--low-balance', 'ten', /^--low-balance must be a number of US dollars, 0 or more/],
  ])('%s %s', (option, value, message) => {
    expect(fail([option, value])).toMatch(message);
  });

  it('never echoes the key in a message', () => {
    expect(fail(['--key', 'sk-secret-value', '--oops'])).not.toContain('sk-secret-value');
    expect(fail(['--key', 'sk-secret-value', '--key', 'sk-other'])).not.toContain('sk-');
  });
});

describe('parseUsd', () => {
  it('reads plain decimals', () => {
    expect(parseUsd('--budget', '12', true)).toBe(12);
    expect(parseUsd('--budget', '0.01', true)).toBe(0.01);
    expect(parseUsd('--low-balance', '0', false)).toBe(0);
    expect(parseUsd('--low-balance', '0.0', false)).toBe(0);
  });
});
