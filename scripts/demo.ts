// `npm start` (after `npm run build`): serves the built widget inside a fake Kommo card
// page on 127.0.0.1, with the mock OpenAI billing service running in the page (msw's
// service worker), and the check relay on another loopback port (its upstream mocked
// in-process). No key and no network needed. Ctrl+C stops it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT, startDemoServer } from './serve/demo-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  if (!existsSync(`${root}dist/widget/script.js`)) {
    console.error('dist/widget/script.js is missing: run `npm run build` first (or use `npm start`).');
    process.exit(1);
  }
  const requested = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`PORT must be a port number, got "${process.env.PORT}".`);
    process.exit(64);
  }
  const server = await startDemoServer({ port: requested, relay: true });
  if (server.port !== requested && requested !== 0) console.log(`Port ${requested} is busy; using ${server.port}.`);
  if (server.config.mocksError) {
    // Without the mock service the widget would call the real base URL: the demo
    // promises no key and no network, so it stops instead.
    console.error(`demo: the mock OpenAI service could not be built, so the demo will not start:\n${server.config.mocksError}`);
    await server.close();
    process.exit(1);
  }
  console.log(`ByteGPT Billing Health demo (widget v${server.config.version}) on a Kommo-like page:`);
  console.log(`  ${server.url}`);
  console.log('  e.g. ' + `${server.url}?area=lcard&scheme=dark&lang=pt&role=member`);
  if (server.relay) {
    console.log(`Check relay (plain api.openai.com account, Admin key held by the relay) on ${server.relay.url}:`);
    console.log(`  ${server.url}?area=advanced_settings&relay=on`);
  }
  console.log('Use the toolbar to switch scenario, language, theme, user role, area and the relay. Ctrl+C stops.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo server…');
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
