// Key hygiene: which keys are refused, and scrubbing key-like text out of
// messages that came back from the network before anyone stores or shows them.

const ADMIN_KEY_PREFIX = 'sk-admin-';

/** Admin keys can read the whole organization's billing; they never belong in a browser. */
export function isAdminKey(key: string): boolean {
  return key.trim().startsWith(ADMIN_KEY_PREFIX);
}

// OpenAI echoes a masked key ("sk-proj-****…MxYA"); relays sometimes echo it whole.
const KEY_LIKE = /\b(?:sk|sess|rk)-[A-Za-z0-9_*.-]{4,}/g;
const MAX_MESSAGE_CHARS = 300;

/** Removes the key (and anything key-shaped) from a server message and caps its length. */
export function redactMessage(message: string, apiKey: string): string {
  let text = message;
  const key = apiKey.trim();
  if (key.length >= 4) text = text.split(key).join('[redacted]');
  text = text.replace(KEY_LIKE, '[redacted]');
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}
