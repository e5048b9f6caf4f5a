// The documented Kommo archive rules as data (kommo-platform.md §1, §2, §7). The
// checks in this folder read these; scripts/logos.ts renders to LOGO_SPECS.

export interface Issue {
  /** Stable rule id, e.g. "text.bom" or "images.size". */
  rule: string;
  /** Path inside the archive the finding is about ("(archive)" for the whole zip). */
  file: string;
  message: string;
  level: 'error' | 'warning';
}

export const issue = (rule: string, file: string, message: string): Issue => ({ rule, file, message, level: 'error' });
export const warning = (rule: string, file: string, message: string): Issue => ({ rule, file, message, level: 'warning' });

export interface LogoSpec {
  file: string;
  width: number;
  height: number;
}

/** The five required logos (images/), each ≤ 300 KB. */
export const LOGO_SPECS: readonly LogoSpec[] = [
  { file: 'logo_min.png', width: 84, height: 84 },
  { file: 'logo_medium.png', width: 240, height: 84 },
  { file: 'logo_main.png', width: 400, height: 272 },
  { file: 'logo.png', width: 130, height: 100 },
  { file: 'logo_small.png', width: 108, height: 108 },
];
/** Only with the digital_pipeline location. */
export const DP_LOGO: LogoSpec = { file: 'logo_dp.png', width: 174, height: 109 };
export const MAX_IMAGE_BYTES = 300 * 1024;

/**
 * Marketplace tour slides (manifest tour.tour_images): JPG, exactly 1188×616, each an
 * image under the 300 KB rule. Kommo takes 1–5 per language; the listing keeps to 3
 * (issue 8, item 10), so a fourth is an error here too.
 */
export const TOUR_SLIDE = { width: 1188, height: 616, minPerLanguage: 1, maxPerLanguage: 3 } as const;

export const KOMMO_LOCALES = ['en', 'es', 'pt', 'tr', 'id'] as const;

export const FIELD_TYPES = ['text', 'pass', 'users', 'users_lp', 'custom'] as const;

/** Areas that take a -0/-1 suffix ("draw nothing" / "use the right panel"). */
const PANEL_AREAS = ['lcard', 'ccard', 'comcard', 'llist', 'clist', 'tlist', 'cucard', 'culist'];
const PLAIN_LOCATIONS = [
  'settings', 'advanced_settings', 'card_sdk', 'catalogs', 'digital_pipeline', 'lead_sources',
  'widget_page', 'sms', 'mobile_card', 'salesbot_designer', 'website_chat_button', 'ai_agent',
  'everywhere', 'whatsapp_modal', 'amoforms', 'personal_page',
];

export function isKnownLocation(location: string): boolean {
  const panel = /^([a-z]+)(?:-[01])?$/.exec(location);
  if (panel && PANEL_AREAS.includes(panel[1] ?? '')) return true;
  return PLAIN_LOCATIONS.includes(location);
}

export const TEXT_LIMITS = { name: 30, word: 19, short: 50, description: 400 } as const;

/** Modules the Kommo page provides through RequireJS; anything else must be bundled. */
export const HOST_MODULES = ['jquery', 'underscore', 'moment', 'moment-timezone', 'twigjs', 'backbone', 'lib/components/base/modal'];

/** Files that must never reach the archive (mocks, maps, OS litter). */
export const FORBIDDEN_FILES = [/(^|\/)mockServiceWorker\.js$/, /\.map$/, /(^|\/)\.DS_Store$/, /(^|\/)Thumbs\.db$/];

export const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|webp|ico|woff2?|ttf|otf)$/i;
