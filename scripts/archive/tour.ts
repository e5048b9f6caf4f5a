// Marketplace tour slides (manifest tour.tour_images; kommo-platform.md §1.2, §2, §7):
// slides for every widget.locale language and no other, 1–3 each, every one in the
// archive as a real JPEG of exactly 1188×616 and ≤ 300 KB. The dimensions come from the
// JPEG's own frame header, so a renamed PNG or a resized export is caught.
import { pngSize } from './images.ts';
import { isObject } from './manifest.ts';
import type { ArchiveFiles } from './layout.ts';
import { issue, MAX_IMAGE_BYTES, TOUR_SLIDE, type Issue } from './rules.ts';

const FILE = 'manifest.json';

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isFrameHeader = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers without a length field: TEM, RST0–7 (SOI is handled before the loop). */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/** Width and height from the first frame header (SOFn), or null when this is not a JPEG. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 2 <= bytes.length) {
    if (view.getUint8(at) !== 0xff) return null; // every segment starts with a marker
    while (at + 2 < bytes.length && view.getUint8(at + 1) === 0xff) at++; // fill bytes
    const marker = view.getUint8(at + 1);
    at += 2;
    if (isStandalone(marker)) continue;
    // Scan data or the end before any frame header: there is no size to read.
    if (marker === 0xda || marker === 0xd9 || at + 2 > bytes.length) return null;
    const length = view.getUint16(at);
    if (length < 2) return null;
    if (isFrameHeader(marker)) {
      // Lf(2) P(1) Y(2) X(2): height first, then width.
      if (length < 7 || at + 7 > bytes.length) return null;
      return { width: view.getUint16(at + 5), height: view.getUint16(at + 3) };
    }
    at += length;
  }
  return null;
}

const endsWithEoi = (bytes: Uint8Array) => bytes.length >= 2 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;

function checkSlide(files: ArchiveFiles, lang: string, entry: string): Issue[] {
  const path = entry.replace(/^\//, '');
  if (path.split('/').includes('..') || path === '') return [issue('tour.path', FILE, `tour slide ${JSON.stringify(entry)} for "${lang}" is not a path inside the archive`)];
  const issues: Issue[] = [];
  if (!/\.jpe?g$/i.test(path)) issues.push(issue('tour.path', path, `tour slide for "${lang}" must be a .jpg file`));
  const bytes = files[path];
  if (!bytes) return [...issues, issue('tour.missing', path, `tour slide for "${lang}" is not in the archive`)];
  const size = jpegSize(bytes);
  if (!size) {
    const what = pngSize(bytes) ? 'is a PNG' : 'is not a JPEG (no FF D8 start or no frame header)';
    return [...issues, issue('tour.jpeg', path, `${what}; tour slides must be JPEG`)];
  }
  if (size.width !== TOUR_SLIDE.width || size.height !== TOUR_SLIDE.height) {
    issues.push(issue('tour.size', path, `is ${size.width}×${size.height}, must be ${TOUR_SLIDE.width}×${TOUR_SLIDE.height}`));
  }
  if (!endsWithEoi(bytes)) issues.push(issue('tour.jpeg', path, 'has no end-of-image marker (FF D9): the file is cut off'));
  if (bytes.length > MAX_IMAGE_BYTES) issues.push(issue('tour.bytes', path, `is ${bytes.length} bytes, more than ${MAX_IMAGE_BYTES} (300 KB)`));
  return issues;
}

function checkCount(lang: string, count: number): Issue[] {
  const { minPerLanguage: min, maxPerLanguage: max } = TOUR_SLIDE;
  if (count >= min && count <= max) return [];
  return [issue('tour.count', FILE, `tour.tour_images.${lang} has ${count} slide(s); the listing takes ${min}–${max} per language`)];
}

export function checkTourSlides(manifest: Record<string, unknown>, files: ArchiveFiles): Issue[] {
  const tour = manifest.tour;
  // The Manifest property table marks tour as required; the listing needs it either way.
  if (tour === undefined) return [issue('tour.required', FILE, `no tour block: the Marketplace listing needs ${TOUR_SLIDE.minPerLanguage}–${TOUR_SLIDE.maxPerLanguage} slides per language`)];
  if (!isObject(tour) || !isObject(tour.tour_images)) return []; // manifest.tour reports the shape
  const widget = isObject(manifest.widget) ? manifest.widget : {};
  const locales = Array.isArray(widget.locale) ? widget.locale.filter((l): l is string => typeof l === 'string') : [];
  const images = tour.tour_images;
  const issues: Issue[] = [];
  for (const lang of locales) {
    if (!(lang in images)) issues.push(issue('tour.language', FILE, `tour.tour_images has no slides for "${lang}" (listed in widget.locale)`));
  }
  const checked = new Set<string>(); // a slide shared by two languages is reported once
  for (const [lang, list] of Object.entries(images)) {
    if (!locales.includes(lang)) issues.push(issue('tour.language', FILE, `tour.tour_images lists "${lang}", which is not in widget.locale`));
    if (!Array.isArray(list)) {
      issues.push(issue('tour.count', FILE, `tour.tour_images.${lang} must be an array of image paths`));
      continue;
    }
    issues.push(...checkCount(lang, list.length));
    for (const entry of list) {
      if (typeof entry !== 'string') {
        issues.push(issue('tour.path', FILE, `tour.tour_images.${lang} holds ${JSON.stringify(entry)}, not a path`));
      } else if (!checked.has(entry.replace(/^\//, ''))) {
        checked.add(entry.replace(/^\//, ''));
        issues.push(...checkSlide(files, lang, entry));
      }
    }
  }
  return issues;
}
