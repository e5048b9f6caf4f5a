import { describe, expect, it } from 'vitest';
import { contrastRatio, DARK_BACKGROUND, LIGHT_BACKGROUND, MIN_ICON_CONTRAST } from '../../../scripts/archive/contrast.ts';
import { pngSize } from '../../../scripts/archive/images.ts';
import { isKnownLocation, LOGO_SPECS } from '../../../scripts/archive/rules.ts';
import { sections } from '../../../scripts/archive/script.ts';
import { decodeText } from '../../../scripts/archive/text.ts';
import { readRepo } from './fixture.ts';

describe('contrastRatio', () => {
  it('gives the WCAG extremes and is symmetric', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#153043', '#FFFFFF')).toBeCloseTo(contrastRatio('#FFFFFF', '#153043'), 10);
  });

  it('rejects colours it cannot read', () => {
    expect(() => contrastRatio('teal', '#FFFFFF')).toThrow(/not a #RRGGBB/);
  });

  it.each([
    ['icon-light.svg', LIGHT_BACKGROUND],
    ['icon-dark.svg', DARK_BACKGROUND],
  ])('%s: the tile reaches 3.0 against the checklist background %s, and has no text', (file, background) => {
    const svg = readRepo(`widget/images/${file}`).toString('utf8');
    const tile = /id="tile"[^>]*fill="(#[0-9A-Fa-f]{6})"/.exec(svg)?.[1] ?? 'missing';
    expect(contrastRatio(tile, background)).toBeGreaterThanOrEqual(MIN_ICON_CONTRAST);
    expect(svg).not.toMatch(/<text\b/);
  });
});

describe('pngSize', () => {
  it.each(LOGO_SPECS.map((spec) => [spec.file, spec.width, spec.height] as const))('reads %s as %i×%i', (file, width, height) => {
    expect(pngSize(readRepo(`widget/images/${file}`))).toEqual({ width, height });
  });

  it('returns null for bytes without the PNG signature', () => {
    expect(pngSize(new Uint8Array(40))).toBeNull();
  });
});

describe('decodeText', () => {
  it('reports the line of the first carriage return', () => {
    const { issues } = decodeText('a.js', new TextEncoder().encode('a\nb\r\nc'));
    expect(issues.map((i) => i.message)).toEqual(['contains a carriage return (CR / CRLF line ending) on line 2']);
  });
});

describe('isKnownLocation', () => {
  it('accepts documented locations with and without suffixes, and nothing else', () => {
    expect(['lcard-1', 'ccard-0', 'comcard', 'settings', 'advanced_settings', 'everywhere'].every(isKnownLocation)).toBe(true);
    expect(['lcard-2', 'card', 'settings-1', 'everywhere-0', ''].some(isKnownLocation)).toBe(false);
  });
});

describe('sections', () => {
  it('splits a bundle at the bundler module comments', () => {
    const parts = sections('head\n// node_modules/preact/dist/preact.module.js\nvar a;\n// src/main.ts\nfunction W() {}\n');
    expect(parts.map((p) => [p.module, p.startLine, p.lines.length])).toEqual([
      ['', 1, 1],
      ['node_modules/preact/dist/preact.module.js', 2, 1],
      ['src/main.ts', 4, 2],
    ]);
  });
});
