// One list for everything the widget sets up on the page: listeners, timers,
// observers, subscriptions, Preact roots, injected tags. destroy() empties it in
// reverse order, so the page ends as the widget found it (style-anchors §6.2).
import { reportCaught } from './notify.ts';

type Dispose = () => void;

export interface Disposer {
  /** Registers a cleanup; returns a function that runs it early (and forgets it). */
  add(cleanup: Dispose): Dispose;
  listen<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): Dispose;
  listen(target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions): Dispose;
  interval(fn: () => void, ms: number): Dispose;
  timeout(fn: () => void, ms: number): Dispose;
  /** Runs every cleanup, newest first; a failing cleanup does not stop the others. */
  dispose(): void;
  readonly size: number;
}

export function createDisposer(): Disposer {
  const cleanups = new Set<Dispose>();

  const add = (cleanup: Dispose): Dispose => {
    let done = false;
    const once: Dispose = () => {
      if (done) return;
      done = true;
      cleanups.delete(once);
      cleanup();
    };
    cleanups.add(once);
    return once;
  };

  return {
    add,
    listen(target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions) {
      target.addEventListener(type, handler, options);
      return add(() => target.removeEventListener(type, handler, options));
    },
    interval(fn, ms) {
      const id = setInterval(fn, ms);
      return add(() => clearInterval(id));
    },
    timeout(fn, ms) {
      let cancel: Dispose = () => {};
      const id = setTimeout(() => {
        cancel();
        fn();
      }, ms);
      cancel = add(() => clearTimeout(id));
      return cancel;
    },
    dispose() {
      for (const cleanup of [...cleanups].reverse()) {
        try {
          cleanup();
        } catch (error) {
          reportCaught(error);
        }
      }
      cleanups.clear();
    },
    get size() {
      return cleanups.size;
    },
  } as Disposer;
}
