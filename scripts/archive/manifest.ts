// manifest.json shape (kommo-platform.md §2): required fields and their types,
// known locations, settings field types and the fields some locations depend on.
import { FIELD_TYPES, isKnownLocation, issue, KOMMO_LOCALES, warning, type Issue } from './rules.ts';

const FILE = 'manifest.json';
type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseManifest(text: string): { manifest?: Json; issues: Issue[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { issues: [issue('manifest.json', FILE, `does not parse as JSON: ${(error as Error).message}`)] };
  }
  if (!isObject(parsed)) return { issues: [issue('manifest.json', FILE, 'the top level is not an object')] };
  return { manifest: parsed, issues: [] };
}

function checkWidget(widget: Json): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['name', 'description', 'short_description']) {
    if (typeof widget[key] !== 'string' || widget[key] === '') {
      issues.push(issue('manifest.required', FILE, `widget.${key} must be a non-empty string (an i18n key)`));
    }
  }
  if (widget.interface_version !== 2) {
    issues.push(issue('manifest.interface_version', FILE, `widget.interface_version must be 2, found ${JSON.stringify(widget.interface_version)}`));
  }
  if (typeof widget.installation !== 'boolean') {
    issues.push(issue('manifest.required', FILE, 'widget.installation must be true or false'));
  }
  if ('init_once' in widget && typeof widget.init_once !== 'boolean') {
    issues.push(issue('manifest.type', FILE, 'widget.init_once must be a boolean'));
  }
  if (typeof widget.version !== 'string') {
    issues.push(warning('manifest.version', FILE, 'widget.version is missing; bump it on every upload so cached files refresh'));
  }
  const locale = widget.locale;
  if (!Array.isArray(locale) || locale.length === 0) {
    issues.push(issue('manifest.required', FILE, 'widget.locale must be a non-empty array'));
  } else {
    for (const code of locale) {
      if (!(KOMMO_LOCALES as readonly unknown[]).includes(code)) {
        issues.push(issue('manifest.locale', FILE, `unknown locale ${JSON.stringify(code)} (Kommo: ${KOMMO_LOCALES.join(', ')})`));
      }
    }
    if (new Set(locale).size !== locale.length) issues.push(issue('manifest.locale', FILE, 'widget.locale lists a language twice'));
  }
  issues.push(...checkSupport(widget.support));
  return issues;
}

function checkSupport(support: unknown): Issue[] {
  // Optional in the property table, required by moderation (checklist, RU rules).
  if (!isObject(support)) return [issue('manifest.support', FILE, 'widget.support {link, email} is missing')];
  const issues: Issue[] = [];
  if (typeof support.link !== 'string' || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(support.link)) {
    issues.push(issue('manifest.support', FILE, `widget.support.link must be an https:// URL, found ${JSON.stringify(support.link)}`));
  }
  if (typeof support.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(support.email)) {
    issues.push(issue('manifest.support', FILE, `widget.support.email must be an e-mail address, found ${JSON.stringify(support.email)}`));
  }
  return issues;
}

function checkLocations(manifest: Json): Issue[] {
  const locations = manifest.locations;
  if (!Array.isArray(locations) || locations.length === 0) {
    return [issue('manifest.locations', FILE, 'locations must be a non-empty array')];
  }
  const issues: Issue[] = [];
  for (const location of locations) {
    if (typeof location !== 'string' || !isKnownLocation(location)) {
      issues.push(issue('manifest.locations', FILE, `unknown location ${JSON.stringify(location)}`));
    }
  }
  if (new Set(locations).size !== locations.length) issues.push(issue('manifest.locations', FILE, 'a location is listed twice'));
  const bases = locations.filter((l): l is string => typeof l === 'string' && /-[01]$/.test(l)).map((l) => l.slice(0, -2));
  for (const base of new Set(bases.filter((b, i) => bases.indexOf(b) !== i))) {
    issues.push(issue('manifest.locations', FILE, `${base}-0 and ${base}-1 exclude each other`));
  }
  const advanced = manifest.advanced;
  if (locations.includes('advanced_settings') && !(isObject(advanced) && typeof advanced.title === 'string' && advanced.title)) {
    issues.push(issue('manifest.advanced_title', FILE, 'the advanced_settings location needs advanced.title'));
  }
  if (locations.includes('digital_pipeline') && !isObject(manifest.dp)) {
    issues.push(issue('manifest.dp', FILE, 'the digital_pipeline location needs a dp block'));
  }
  return issues;
}

function checkSettings(manifest: Json): Issue[] {
  const widget = isObject(manifest.widget) ? manifest.widget : {};
  const settings = manifest.settings;
  if (settings === undefined) {
    return widget.installation === true ? [issue('manifest.settings', FILE, 'settings are required when widget.installation is true')] : [];
  }
  if (!isObject(settings) || Object.keys(settings).length === 0) {
    return [issue('manifest.settings', FILE, 'settings must be an object with at least one field')];
  }
  const issues: Issue[] = [];
  const locations = Array.isArray(manifest.locations) ? manifest.locations : [];
  for (const [code, field] of Object.entries(settings)) {
    if (!isObject(field)) {
      issues.push(issue('manifest.settings', FILE, `settings.${code} must be an object {name, type, required}`));
      continue;
    }
    if (typeof field.name !== 'string' || !field.name) issues.push(issue('manifest.settings', FILE, `settings.${code}.name must be an i18n key`));
    if (!(FIELD_TYPES as readonly unknown[]).includes(field.type)) {
      issues.push(issue('manifest.field_type', FILE, `settings.${code}.type ${JSON.stringify(field.type)} is not one of ${FIELD_TYPES.join(', ')}`));
    }
    if ('required' in field && typeof field.required !== 'boolean') {
      issues.push(issue('manifest.settings', FILE, `settings.${code}.required must be a boolean`));
    }
    if (field.type === 'custom' && !locations.includes('settings')) {
      issues.push(issue('manifest.custom_needs_settings', FILE, `settings.${code} is custom, which needs the "settings" location`));
    }
  }
  return issues;
}

function checkTour(manifest: Json): Issue[] {
  const tour = manifest.tour;
  if (tour === undefined) return [];
  if (!isObject(tour)) return [issue('manifest.tour', FILE, 'tour must be an object')];
  const issues: Issue[] = [];
  if (tour.is_tour !== true) issues.push(issue('manifest.tour', FILE, 'tour.is_tour must be true'));
  if (typeof tour.tour_description !== 'string') issues.push(issue('manifest.tour', FILE, 'tour.tour_description must be an i18n key'));
  if (!isObject(tour.tour_images)) issues.push(issue('manifest.tour', FILE, 'tour.tour_images must map languages to image paths'));
  return issues;
}

/** Archive paths of every slide tour.tour_images lists (the leading "/" dropped). */
export function tourImagePaths(manifest: Json): string[] {
  const images = isObject(manifest.tour) ? manifest.tour.tour_images : undefined;
  if (!isObject(images)) return [];
  return Object.values(images)
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .filter((path): path is string => typeof path === 'string')
    .map((path) => path.replace(/^\//, ''));
}

/** Shape checks on a parsed manifest (cross-file checks live in i18n.ts / images.ts). */
export function checkManifest(manifest: Json): Issue[] {
  if (!isObject(manifest.widget)) return [issue('manifest.required', FILE, 'the widget object is missing')];
  return [...checkWidget(manifest.widget), ...checkLocations(manifest), ...checkSettings(manifest), ...checkTour(manifest)];
}
