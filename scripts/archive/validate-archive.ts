// Runs every archive rule over an unzipped widget.zip and returns all findings.
import { unzipSync } from 'fflate';
import { checkImages } from './images.ts';
import { checkLocales } from './i18n.ts';
import { checkLazyNames, checkLazyScript } from './lazy-script.ts';
import { checkLayout, filePaths, type ArchiveFiles } from './layout.ts';
import { checkManifest, parseManifest } from './manifest.ts';
import { issue, type Issue } from './rules.ts';
import { checkScript } from './script.ts';
import { checkTextFiles, decodeText } from './text.ts';
import { checkTourSlides } from './tour.ts';

export function validateFiles(files: ArchiveFiles): Issue[] {
  const issues = [...checkLayout(files), ...checkTextFiles(files)];
  const manifestBytes = files['manifest.json'];
  let version: string | null = null;
  if (manifestBytes) {
    const { text } = decodeText('manifest.json', manifestBytes);
    const parsed = text === undefined ? { issues: [] } : parseManifest(text.replace(/^\uFEFF/, ''));
    issues.push(...parsed.issues);
    if (parsed.manifest) {
      const stamped = (parsed.manifest.widget as { version?: unknown } | undefined)?.version;
      version = typeof stamped === 'string' ? stamped : null;
      issues.push(...checkManifest(parsed.manifest), ...checkLocales(parsed.manifest, files), ...checkImages(parsed.manifest, files));
      issues.push(...checkTourSlides(parsed.manifest, files));
    }
  }
  const scriptBytes = files['script.js'];
  const script = scriptBytes ? decodeText('script.js', scriptBytes).text : undefined;
  if (!scriptBytes || script !== undefined) issues.push(...checkScript(script));
  // The files script.js loads on demand (admin.js, engine.js): any other JavaScript in the archive.
  const lazyPaths = filePaths(files).filter((p) => /\.m?js$/i.test(p) && p !== 'script.js');
  for (const path of lazyPaths) {
    const source = decodeText(path, files[path] ?? new Uint8Array()).text;
    if (source !== undefined) issues.push(...checkLazyScript(path, source, version));
  }
  if (script !== undefined) issues.push(...checkLazyNames(script, lazyPaths));
  return issues;
}

export function validateZip(zip: Uint8Array): Issue[] {
  let files: ArchiveFiles;
  try {
    files = unzipSync(zip);
  } catch (error) {
    return [issue('zip.read', '(archive)', `not a readable zip: ${(error as Error).message}`)];
  }
  return validateFiles(files);
}
