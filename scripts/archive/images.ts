// images/: the five logos (plus logo_dp.png with digital_pipeline) as real PNGs of
// the exact pixel size, and every image ≤ 300 KB (kommo-platform.md §1.2). Tour slides
// are checked in tour.ts.
import { tourImagePaths } from './manifest.ts';
import { filePaths, type ArchiveFiles } from './layout.ts';
import { DP_LOGO, issue, LOGO_SPECS, MAX_IMAGE_BYTES, type Issue, type LogoSpec } from './rules.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, or null when this is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function checkLogo(files: ArchiveFiles, spec: LogoSpec): Issue[] {
  const path = `images/${spec.file}`;
  const bytes = files[path];
  if (!bytes) return [issue('images.missing', path, `required logo (${spec.width}×${spec.height} PNG) is missing`)];
  const size = pngSize(bytes);
  if (!size) return [issue('images.png', path, 'is not a PNG (bad signature or no IHDR chunk)')];
  if (size.width !== spec.width || size.height !== spec.height) {
    return [issue('images.size', path, `is ${size.width}×${size.height}, must be ${spec.width}×${spec.height}`)];
  }
  return [];
}

export function checkImages(manifest: Record<string, unknown>, files: ArchiveFiles): Issue[] {
  const locations = Array.isArray(manifest.locations) ? manifest.locations : [];
  const specs = locations.includes('digital_pipeline') ? [...LOGO_SPECS, DP_LOGO] : LOGO_SPECS;
  const issues = specs.flatMap((spec) => checkLogo(files, spec));
  // Tour slides get their own size finding (tour.bytes, in tour.ts).
  const slides = new Set(tourImagePaths(manifest));
  for (const path of filePaths(files).filter((p) => p.startsWith('images/') && !slides.has(p))) {
    const bytes = files[path] ?? new Uint8Array();
    if (bytes.length > MAX_IMAGE_BYTES) {
      issues.push(issue('images.bytes', path, `is ${bytes.length} bytes, more than ${MAX_IMAGE_BYTES} (300 KB)`));
    }
  }
  return issues;
}
