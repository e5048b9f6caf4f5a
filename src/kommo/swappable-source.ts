// A health source whose inner source can be rebuilt (the card expiry typed in the
// walkthrough changes the options the rules read) without losing its subscribers:
// the panels, the walkthrough and the alerts keep the one object they were given.
// Each subscriber is subscribed to the inner source itself and moved over on rebuild.
import type { HealthSource } from '../monitor/index.ts';
import { reportCaught } from './notify.ts';

/** One built source and the cleanup of what was started with it (its refresh timer). */
export interface BuiltSource {
  source: HealthSource;
  stop(): void;
}

export interface SwappableSource extends HealthSource {
  /** Disposes the inner source and builds a new one; every subscriber is told once. */
  rebuild(): void;
}

interface Subscription {
  listener: () => void;
  unsubscribe: () => void;
}

export function createSwappableSource(build: () => BuiltSource): SwappableSource {
  const subscriptions = new Set<Subscription>();
  let current = build();
  let disposed = false;

  const drop = () => {
    for (const sub of subscriptions) sub.unsubscribe();
    current.stop();
    current.source.dispose();
  };

  return {
    snapshot: () => current.source.snapshot(),
    subscribe(listener) {
      const sub: Subscription = { listener, unsubscribe: current.source.subscribe(listener) };
      subscriptions.add(sub);
      return () => {
        sub.unsubscribe();
        subscriptions.delete(sub);
      };
    },
    recheck: () => current.source.recheck(),
    refresh: () => current.source.refresh(),
    history: () => current.source.history(),
    dispose() {
      if (disposed) return;
      disposed = true;
      drop();
      subscriptions.clear();
    },
    rebuild() {
      if (disposed) return;
      drop();
      current = build();
      for (const sub of subscriptions) sub.unsubscribe = current.source.subscribe(sub.listener);
      for (const sub of [...subscriptions]) {
        try {
          sub.listener();
        } catch (error) {
          reportCaught(error);
        }
      }
    },
  };
}
