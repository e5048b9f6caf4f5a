// Builds the host page's own scripts (and the page-side mock service) with Vite's
// build API, in memory: the demo and the browser tests serve them straight from RAM,
// so nothing lands next to dist/widget and two servers never race on one folder.
import { build, type Rolldown } from 'vite';

export interface BundleResult {
  code: string;
}

function firstChunk(output: Awaited<ReturnType<typeof build>>): string {
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  for (const out of outputs) {
    const chunk = out.output?.find((item) => item.type === 'chunk' && item.isEntry);
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Vite produced no entry chunk');
}

/** One ES module for the browser from `entry` (absolute path), everything inlined. */
export async function bundleForBrowser(root: string, entry: string): Promise<BundleResult> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    mode: 'production',
    // msw and friends read NODE_ENV; the page has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      emptyOutDir: false,
      outDir: 'artifacts/host-bundle',
      minify: false,
      sourcemap: false,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entry,
        // Vite's app mode drops entry exports; the mock bundle is imported for them.
        preserveEntrySignatures: 'strict',
        output: { format: 'es', codeSplitting: false },
      },
    },
  });
  return { code: firstChunk(output) };
}
