// The relay on Node: the Hono app behind @hono/node-server's HTTP server. `npm run relay`
// (scripts/relay.ts) reads the environment and starts it; tests and the bench start it
// on a loopback port with their own dependencies.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createRelayApp, type RelayDeps } from './app.ts';
import type { RelayConfig } from './config.ts';
import { createScrubber } from './log.ts';

export interface RunningRelay {
  /** http://host:port as bound (the real port when PORT was 0). */
  url: string;
  close(): Promise<void>;
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export function startNodeRelay(config: RelayConfig, deps: RelayDeps = {}): Promise<RunningRelay> {
  const app = createRelayApp(config, deps);
  const scrub = createScrubber([config.clientSecret, config.apiKey, config.adminKey ?? '']);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (address) => {
      // A startup error (port taken) rejects; a later one is logged, never swallowed
      // (without a listener Node would throw it and stop the relay).
      server.off('error', reject);
      server.on('error', (error: Error) => {
        const entry = { time: new Date().toISOString(), level: 'error', event: 'server_error', error: scrub(`${error.name}: ${error.message}`) };
        console.log(JSON.stringify(entry));
      });
      resolve({
        url: urlOf(address),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets (a load tool's) would hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
