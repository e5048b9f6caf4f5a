// The Marketplace tour slides: the committed ones pass, and each deliberately broken
// archive is refused with the rule and file named (scripts/archive/tour.ts).
import { describe, expect, it } from 'vitest';
import { jpegSize } from '../../../scripts/archive/tour.ts';
import { TOUR_SLIDE } from '../../../scripts/archive/rules.ts';
import { broken, errors, goodFiles, readRepo, ruleAndFile, validate, withJson, type Files } from './fixture.ts';

const be16 = (n: number) => [n >> 8, n & 0xff];
const segment = (marker: number, body: number[]) => [0xff, marker, ...be16(body.length + 2), ...body];

/** A header-only JPEG (JFIF, a Huffman table, one frame header, one scan) of the given size. */
function fakeJpeg(width: number, height: number, frameMarker = 0xc0): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    // C4 (DHT) sits in the SOF range but has no frame size: it must be skipped.
    ...segment(0xc4, [0x00, ...Array.from({ length: 16 }, () => 0)]),
    ...segment(frameMarker, [8, ...be16(height), ...be16(width), 1, 1, 0x11, 0]),
    ...segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x00, 0xff, 0xd9,
  ]);
}

const slide = (files: Files, path: string) => files[path] ?? new Uint8Array();
const manifestSlides = (files: Files, lang: string) =>
  (JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { tour: { tour_images: Record<string, string[]> } }).tour.tour_images[lang] ?? [];

describe('jpegSize', () => {
  it('reads every committed slide as 1188×616', () => {
    const files = goodFiles();
    const slides = Object.keys(files).filter((path) => /^images\/tour_.*\.jpg$/.test(path));
    expect(slides.length).toBeGreaterThan(0);
    for (const path of slides) expect(jpegSize(slide(files, path)), path).toEqual({ width: TOUR_SLIDE.width, height: TOUR_SLIDE.height });
  });

  it('reads baseline and progressive frame headers behind other segments, and skips fill bytes', () => {
    expect(jpegSize(fakeJpeg(640, 480))).toEqual({ width: 640, height: 480 });
    expect(jpegSize(fakeJpeg(1188, 616, 0xc2))).toEqual({ width: 1188, height: 616 });
    const filled = fakeJpeg(300, 200);
    expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xff, ...filled.subarray(2)]))).toEqual({ width: 300, height: 200 });
  });

  it('returns null for a PNG, for a JPEG start without a frame header, and for cut-off bytes', () => {
    expect(jpegSize(readRepo('widget/images/logo_main.png'))).toBeNull();
    expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(jpegSize(fakeJpeg(1188, 616).subarray(0, 30))).toBeNull();
  });
});

const padTo = (bytes: Uint8Array, size: number) => {
  const big = new Uint8Array(size);
  big.set(bytes.subarray(0, bytes.length - 2));
  big.set([0xff, 0xd9], size - 2); // still a whole JPEG, just too heavy
  return big;
};

// Each case: one deliberate defect, and the rule id + file the validator must name.
const cases: Array<[string, (files: Files) => void, string]> = [
  ['a slide of the wrong size', (f) => void (f['images/tour_2_pt.jpg'] = fakeJpeg(1200, 630)), 'tour.size images/tour_2_pt.jpg'],
  ['a PNG saved as .jpg', (f) => void (f['images/tour_1_en.jpg'] = slide(f, 'images/logo_main.png')), 'tour.jpeg images/tour_1_en.jpg'],
  ['a slide that is not an image at all', (f) => void (f['images/tour_1_id.jpg'] = new TextEncoder().encode('<html>')), 'tour.jpeg images/tour_1_id.jpg'],
  ['a cut-off slide', (f) => void (f['images/tour_3_tr.jpg'] = slide(f, 'images/tour_3_tr.jpg').subarray(0, 4000)), 'tour.jpeg images/tour_3_tr.jpg'],
  ['a slide over 300 KB', (f) => void (f['images/tour_1_es.jpg'] = padTo(slide(f, 'images/tour_1_es.jpg'), 301 * 1024)), 'tour.bytes images/tour_1_es.jpg'],
  ['a missing slide', (f) => void delete f['images/tour_3_es.jpg'], 'tour.missing images/tour_3_es.jpg'],
  [
    'too many slides',
    (f) => void (f['manifest.json'] = withJson(f['manifest.json'], 'tour.tour_images.en', [...manifestSlides(f, 'en'), '/images/tour_1_en.jpg'])),
    'tour.count manifest.json',
  ],
  ['no slides for a language', (f) => void (f['manifest.json'] = withJson(f['manifest.json'], 'tour.tour_images.pt', [])), 'tour.count manifest.json'],
  ['a missing language', (f) => void (f['manifest.json'] = withJson(f['manifest.json'], 'tour.tour_images.tr', undefined)), 'tour.language manifest.json'],
  ['a language not in widget.locale', (f) => void (f['manifest.json'] = withJson(f['manifest.json'], 'tour.tour_images.ru', ['/images/tour_1_en.jpg'])), 'tour.language manifest.json'],
  [
    'a slide listed as .png',
    (f) => {
      f['images/tour_1_en.png'] = slide(f, 'images/tour_1_en.jpg');
      f['manifest.json'] = withJson(f['manifest.json'], 'tour.tour_images.en', ['/images/tour_1_en.png']);
    },
    'tour.path images/tour_1_en.png',
  ],
  ['no tour block', (f) => void (f['manifest.json'] = withJson(f['manifest.json'], 'tour', undefined)), 'tour.required manifest.json'],
];

describe('validateZip: broken tours are refused', () => {
  it.each(cases)('%s', (_name, change, expected) => {
    expect(ruleAndFile(validate(broken(change)))).toContain(expected);
  });

  it('says what it found', () => {
    const message = (change: (files: Files) => void, rule: string) => errors(validate(broken(change))).find((i) => i.rule === rule)?.message;
    expect(message((f) => void (f['images/tour_2_pt.jpg'] = fakeJpeg(1200, 630)), 'tour.size')).toBe('is 1200×630, must be 1188×616');
    expect(message((f) => void (f['images/tour_1_en.jpg'] = slide(f, 'images/logo_main.png')), 'tour.jpeg')).toBe('is a PNG; tour slides must be JPEG');
    expect(message((f) => void (f['manifest.json'] = withJson(f['manifest.json'], 'tour.tour_images.tr', undefined)), 'tour.language')).toBe(
      'tour.tour_images has no slides for "tr" (listed in widget.locale)',
    );
    expect(message((f) => void (f['manifest.json'] = withJson(f['manifest.json'], 'tour.tour_images.en', Array.from({ length: 4 }, () => '/images/tour_1_en.jpg'))), 'tour.count')).toBe(
      'tour.tour_images.en has 4 slide(s); the listing takes 1–3 per language',
    );
  });

  it('reports an oversized slide once, as a tour finding', () => {
    const found = ruleAndFile(validate(broken((f) => void (f['images/tour_2_id.jpg'] = padTo(slide(f, 'images/tour_2_id.jpg'), 400 * 1024)))));
    expect(found.filter((entry) => entry.endsWith('images/tour_2_id.jpg'))).toEqual(['tour.bytes images/tour_2_id.jpg']);
  });
});
