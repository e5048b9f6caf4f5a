// A Preact root on a host element: draw() renders the current props, unmount() runs
// render(null) first (effects clean up) and then removes the host if we created it.
import { render, type ComponentChild } from 'preact';

export interface Root {
  readonly host: HTMLElement;
  draw(): void;
  unmount(): void;
}

export function mountRoot(host: HTMLElement, view: () => ComponentChild, options: { ownsHost: boolean }): Root {
  let mounted = true;
  const root: Root = {
    host,
    draw() {
      if (mounted) render(view(), host);
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      render(null, host);
      if (options.ownsHost) host.remove();
    },
  };
  root.draw();
  return root;
}
