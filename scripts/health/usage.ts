// `--help` text. Scenario names are appended by the entry when the mock table loads.
export const USAGE = `Usage: npm run health -- --key <key> [options]
       npm run health -- --mock <scenario> [options]

Checks the OpenAI account behind ByteGPT and prints the same report as the Kommo sidebar.

Options:
  --key <key>          OpenAI key to check: a restricted project key (Models: Read +
                       Model capabilities: Request) or a relay token. Admin keys
                       (sk-admin-...) are refused here. The key is never printed.
  --admin-key <key>    An OpenAI Admin key (sk-admin-...), for this machine only:
                       reads month-to-date spend, the daily series and the spend
                       limit, so spend and the month-end forecast are shown for a
                       plain OpenAI account too. Sent only to api.openai.com:
                       another --base-url never gets it. Default: $OPENAI_ADMIN_KEY.
                       Never printed; never put it in the widget (use a relay there).
  --base-url <url>     API base (default https://api.openai.com). https:// only; plain
                       http:// for 127.0.0.1, localhost and [::1].
  --no-probe           Skip the credit test. It is on by default: a one-token
                       request (about $0.00001), the only way to see that credit
                       is left. Without it an ok report says "credit not tested".
                       (--probe, the old opt-in, is still accepted.)
  --card-expiry MM/YY  Warn 30 days before the card stops working.
  --budget <usd>       Monthly budget in US dollars (greater than 0).
  --low-balance <usd>  Warn when a relay's balance drops below this many US dollars.
  --json               Print the report as JSON.
  --mock <scenario>    Run against the built-in mock service (no key, no network);
                       flags override the scenario's key and options; --base-url
                       is refused unless it is the scenario's own base.
                       Requests time out after 1 s in mock mode. The mock's
                       api.openai.com takes sk-admin-mock-relay-0001 as --admin-key.
  -h, --help           Show this help.

Exit codes: 0 ok, 1 warning, 2 critical, 3 unknown, 64 bad arguments.
`;
