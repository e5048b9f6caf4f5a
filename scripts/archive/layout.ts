// Where files sit in the zip: manifest.json and everything else at the root, not one
// level down inside a folder (the usual mistake when zipping a folder), and no files
// that must not ship.
import { FORBIDDEN_FILES, issue, type Issue } from './rules.ts';

export type ArchiveFiles = Record<string, Uint8Array>;

/** Paths of real files (directory entries dropped), in archive order. */
export function filePaths(files: ArchiveFiles): string[] {
  return Object.keys(files).filter((path) => !path.endsWith('/'));
}

export function checkLayout(files: ArchiveFiles): Issue[] {
  const paths = filePaths(files);
  const issues: Issue[] = [];
  if (paths.length === 0) return [issue('layout.empty', '(archive)', 'the archive has no files')];
  if (!paths.includes('manifest.json')) {
    const nested = paths.find((path) => path.endsWith('/manifest.json'));
    issues.push(
      nested
        ? issue('layout.root', nested, `manifest.json is inside the folder "${nested.slice(0, -'manifest.json'.length)}"; zip the folder's contents, not the folder`)
        : issue('layout.root', 'manifest.json', 'manifest.json is missing from the archive root'),
    );
  }
  // Everything under one top-level folder means the archive was zipped one level too high.
  const tops = new Set(paths.map((path) => path.split('/')[0]));
  if (tops.size === 1 && paths.every((path) => path.includes('/'))) {
    issues.push(issue('layout.root', `${[...tops][0]}/`, 'every file is inside one folder; files must sit at the archive root'));
  }
  for (const path of paths) {
    if (path.startsWith('/') || path.split('/').includes('..')) issues.push(issue('layout.path', path, 'absolute or parent-relative path'));
    if (FORBIDDEN_FILES.some((pattern) => pattern.test(path))) issues.push(issue('layout.forbidden', path, 'this file must not be shipped'));
  }
  return issues;
}
