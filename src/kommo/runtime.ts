// One widget instance's state on the page: the disposer list, its Preact roots, the
// health source, the strings and role. Everything set up here is registered in the
// disposer, so destroy() leaves the page as it found it.
import { h, type ComponentChild } from 'preact';
import { emptyKeySignals } from '../billing/check.ts';
import { evaluate } from '../health/evaluate.ts';
import { createDisposer, type Disposer } from './disposer.ts';
import { checkIntervalMs, createUnconfiguredSource, type HealthSource } from '../monitor/index.ts';
import { readStrings, type Strings } from './language.ts';
import { mountRoot, type Root } from './mount.ts';
import { reportCaught, showError } from './notify.ts';
import { readConfig, readParams, type WidgetConfig } from './settings.ts';
import { acquireStyle } from './style.ts';
import { applyColorScheme, readColorScheme, watchColorScheme } from './theme.ts';
import { readUserRole, type UserRole } from './user-role.ts';
import type { KommoApp, KommoWidgetBase } from './sdk-types.ts';
import { StatusPanel, type StatusPanelProps } from '../ui/StatusPanel.tsx';

export interface WidgetEnv {
  document: Document;
  app(): KommoApp | null;
  /** The data source for a usable configuration (the engine in production, a fake in tests). */
  createSource(config: WidgetConfig): HealthSource;
}

interface Base {
  strings: Strings;
  role: UserRole;
  roots: Set<Root>;
}

export interface Runtime {
  readonly env: WidgetEnv;
  readonly widget: Partial<KommoWidgetBase>;
  base(): Base;
  source(): HealthSource;
  /** Mounts `view` on `host`; unmounted (and the host removed if ours) on destroy. */
  addRoot(host: HTMLElement, view: () => ComponentChild, ownsHost: boolean): Root;
  removeRoot(root: Root | null): void;
  panelProps(): StatusPanelProps;
  /** Kommo's red notice with a generic text; used after a caught error. */
  notifyFailure(): void;
  destroy(): void;
}

/** Where an admin goes to set the widget up (Kommo's integrations page). */
const CONFIGURE_HREF = '/settings/widgets/';

export function createRuntime(widget: Partial<KommoWidgetBase>, env: WidgetEnv): Runtime {
  let disposer: Disposer = createDisposer();
  let base: Base | null = null;
  let source: HealthSource | null = null;
  // Each root's disposer entry, so removeRoot() can run it early.
  const rootCleanups = new WeakMap<Root, () => void>();

  const drawAll = () => {
    for (const root of base?.roots ?? []) {
      try {
        root.draw();
      } catch (error) {
        reportCaught(error);
      }
    }
  };

  const runtime: Runtime = {
    env,
    widget,
    base() {
      if (base) return base;
      const doc = env.document;
      const app = env.app();
      const roots = new Set<Root>();
      disposer.add(acquireStyle(doc));
      watchColorScheme(doc, disposer, (scheme) => {
        for (const root of roots) applyColorScheme(root.host, scheme);
      });
      base = { strings: readStrings(widget, app), role: readUserRole(app), roots };
      return base;
    },
    source() {
      if (source) return source;
      const read = readConfig(readParams(widget));
      const created = read.ok
        ? env.createSource(read.config)
        : createUnconfiguredSource(evaluate(emptyKeySignals(read.options.quotaProbe), read.options, new Date()));
      source = created;
      disposer.add(() => created.dispose());
      disposer.add(created.subscribe(drawAll));
      if (read.ok) {
        disposer.interval(() => created.refresh(), checkIntervalMs(read.config.options));
        created.refresh();
      }
      return created;
    },
    addRoot(host, view, ownsHost) {
      const { roots } = runtime.base();
      applyColorScheme(host, readColorScheme(env.document));
      const root = mountRoot(host, view, { ownsHost });
      roots.add(root);
      rootCleanups.set(
        root,
        disposer.add(() => {
          roots.delete(root);
          root.unmount();
        }),
      );
      return root;
    },
    removeRoot(root) {
      if (!root) return;
      rootCleanups.get(root)?.();
      rootCleanups.delete(root);
    },
    panelProps() {
      const { strings, role } = runtime.base();
      const current = runtime.source();
      return {
        state: current.snapshot(),
        role,
        t: strings.t,
        fmt: strings.fmt,
        configureHref: CONFIGURE_HREF,
        onRecheck: () => {
          try {
            current.recheck();
          } catch (error) {
            reportCaught(error);
          }
        },
      };
    },
    notifyFailure() {
      try {
        const { t } = base?.strings ?? readStrings(widget, env.app());
        showError(env.app(), t('widget.name'), t('panel.error_generic'));
      } catch (error) {
        reportCaught(error);
      }
    },
    destroy() {
      const current = disposer;
      disposer = createDisposer();
      base = null;
      source = null;
      current.dispose();
    },
  };
  return runtime;
}

/** The sidebar/advanced panel view, always reading the latest snapshot. */
export function panelView(runtime: Runtime): () => ComponentChild {
  return () => h(StatusPanel, runtime.panelProps());
}
