// Key hygiene: which keys are refused, and scrubbing key-like text out of
// messages that came back from the network before anyone stores or shows them.

const ADMIN_KEY_PREFIX = 'sk-admin-';

// Whitespace of every kind (line breaks, NBSP, ideographic space), zero-width
// characters, the BOM, soft hyphens and bidi marks: what chats and documents wrap
// around (or into) a pasted key or URL. Neither ever contains one of them.
const PASTE_NOISE = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A pasted key or base URL without the invisible and blank characters copying adds. */
export function cleanPasted(text: string): string {
  return text.replace(PASTE_NOISE, '');
}

/** A key fetch() can carry in a header: printable ASCII only (it throws on anything else). */
export function isSendableKey(key: string): boolean {
  return /^[\x21-\x7E]+$/.test(key);
}

/** Admin keys can read the whole organization's billing; they never belong in a browser. */
export function isAdminKey(key: string): boolean {
  return cleanPasted(key).startsWith(ADMIN_KEY_PREFIX);
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
