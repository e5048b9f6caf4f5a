// Structured logs: one JSON object per line, for whatever collects stdout (docker logs,
// journald, Workers Logs). Only fields the relay chose go in: no headers, no query, no
// body, so neither a key nor a token can ride along; error text is scrubbed as well.
import type { Upstream } from './check-cache.ts';

export interface LogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  /** The route matched ('GET /v1/report', 'OPTIONS /v1/report') or 'other'; never the raw path. */
  route: string;
  status: number;
  account_id: string | null;
  duration_ms: number;
  /** How the report was obtained: from the cache, a new check, or a check already running. */
  upstream: Upstream | 'none';
  /** The refusal's reason (token, options, origin), when there was one. */
  reason?: string;
  /** The report's overall status, when one was sent. */
  report_status?: string;
  /** An internal failure's class and scrubbed message. */
  error?: string;
}

export type Logger = (entry: LogEntry) => void;

/** JSON lines on stdout (Node, containers) or the platform's log (Workers). */
export const jsonLinesLogger: Logger = (entry) => {
  // The relay is a server: stdout is its log, unlike the widget's layers.
  console.log(JSON.stringify(entry));
};

// A JWT (three base64url parts, the first starting with `{"`) and key-shaped text.
const TOKEN_LIKE = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const KEY_LIKE = /\b(?:sk|sess|rk)-[\w*.-]{4,}/g;
const MAX_ERROR_CHARS = 300;

/** Removes every configured secret, anything token- or key-shaped, and caps the length. */
export function createScrubber(secrets: readonly string[]): (text: string) => string {
  const known = secrets.filter((secret) => secret.length >= 4);
  return (text) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join('[redacted]');
    out = out.replace(TOKEN_LIKE, '[redacted]').replace(KEY_LIKE, '[redacted]');
    return out.length > MAX_ERROR_CHARS ? `${out.slice(0, MAX_ERROR_CHARS)}…` : out;
  };
}
