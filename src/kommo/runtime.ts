// One widget instance's state on the page: the disposer list, its Preact roots, the
// health source, the strings and role, and (for admins) the update walkthrough.
// Everything set up here is registered in the disposer, so destroy() leaves the page
// as it found it.
import { h, type ComponentChild } from 'preact';
import { emptyKeySignals } from '../billing/no-requests.ts';
import { evaluate } from '../health/evaluate.ts';
import { createDisposer, type Disposer } from './disposer.ts';
import { checkIntervalMs, createUnconfiguredSource, type HealthSource } from '../monitor/index.ts';
import { readStrings, type Strings } from './language.ts';
import { mountRoot, type Root } from './mount.ts';
import { createSwappableSource, type BuiltSource, type SwappableSource } from './swappable-source.ts';
import { reportCaught, showError } from './notify.ts';
import { readConfig, readOptionProblems, readParams, readSavedCardExpiry, type WidgetConfig } from './settings.ts';
import { acquireStyle } from './style.ts';
import { applyColorScheme, readColorScheme, watchColorScheme } from './theme.ts';
import { readUserRole, type UserRole } from './user-role.ts';
import { createRemindAdmin } from './remind-admin.ts';
import type { KommoApp, KommoWidgetBase } from './sdk-types.ts';
import { StatusPanel, type StatusPanelProps } from '../ui/StatusPanel.tsx';
import { AdminUiContext, type AdminUiView } from '../ui/admin-ui.tsx';
import type { AdminFile } from './admin-file.ts';
import { pageAdminFile } from './admin-page.ts';
import { createAdminView, type AdminViewSource } from './admin-view.ts';
import {
  createWalkthrough,
  isCardExpiryChange,
  pageLocalStore,
  readWalkthroughIds,
  storedCardExpiry,
  type LocalStore,
  type WalkthroughController,
  type WalkthroughIds,
} from './walkthrough.ts';

export interface WidgetEnv {
  document: Document;
  app(): KommoApp | null;
  /** The data source for a usable configuration (the engine in production, a fake in tests). */
  createSource(config: WidgetConfig): HealthSource;
  /**
   * Where the admin screens come from: admin.js through the page's RequireJS in the
   * shipped widget (the default), nothing to load (null) when built from source.
   */
  adminFile?: AdminFile | null;
}

interface Base {
  strings: Strings;
  role: UserRole;
  roots: Set<Root>;
  /** Admins only: members never get a step. */
  walkthrough: WalkthroughController | null;
  /** Members only: "remind the admin". */
  remind: ReturnType<typeof createRemindAdmin> | null;
}

/** localStorage and the ids that scope what the widget keeps there. */
interface StorageScope {
  local: LocalStore;
  ids: WalkthroughIds;
}

export interface Runtime {
  readonly env: WidgetEnv;
  readonly widget: Partial<KommoWidgetBase>;
  base(): Base;
  source(): HealthSource;
  /** Mounts `view` on `host`; unmounted (and the host removed if ours) on destroy. */
  addRoot(host: HTMLElement, view: () => ComponentChild, ownsHost: boolean): Root;
  removeRoot(root: Root | null): void;
  /** Registers a cleanup that runs on destroy. */
  own(cleanup: () => void): void;
  panelProps(): StatusPanelProps;
  /** admin.js's load state for the UI (src/ui/admin-ui.tsx); null when nothing loads. */
  admin(): AdminUiView | null;
  /** Kommo's red notice with a generic text; used after a caught error. */
  notifyFailure(): void;
  destroy(): void;
}

/** Where an admin goes to set the widget up (Kommo's integrations page). */
const CONFIGURE_HREF = '/settings/widgets/';

export function createRuntime(widget: Partial<KommoWidgetBase>, env: WidgetEnv): Runtime {
  let disposer: Disposer = createDisposer();
  let base: Base | null = null;
  let source: SwappableSource | null = null;
  let scope: StorageScope | null = null;
  // Each root's disposer entry, so removeRoot() can run it early.
  const rootCleanups = new WeakMap<Root, () => void>();
  const adminFile = env.adminFile !== undefined ? env.adminFile : pageAdminFile();
  // Per instance (rebuilt after destroy): listening to admin.js's load, its idle preload.
  let adminView: AdminViewSource | null = null;

  const drawAll = () => {
    for (const root of base?.roots ?? []) {
      try {
        root.draw();
      } catch (error) {
        reportCaught(error);
      }
    }
  };

  const onSourceChange = () => {
    try {
      if (source) base?.walkthrough?.sync(source.snapshot());
    } catch (error) {
      reportCaught(error);
    }
    drawAll();
  };

  /** The stored card expiry changed (here or in another tab): the rules must see it. */
  const rebuildSource = () => source?.rebuild();

  const storageScope = (): StorageScope => {
    if (scope) return scope;
    const local = pageLocalStore(env.document);
    const ids = readWalkthroughIds(env.app());
    disposer.add(local.watch((key) => isCardExpiryChange(key, ids) && rebuildSource()));
    scope = { local, ids };
    return scope;
  };

  /** One inner source for the current settings and stored card expiry, refreshing on its interval. */
  const buildSource = (): BuiltSource => {
    const { local, ids } = storageScope();
    const read = readConfig(readParams(widget), storedCardExpiry(local, ids));
    if (!read.ok) {
      const report = evaluate(emptyKeySignals(read.options.quotaProbe), read.options, new Date());
      return { source: createUnconfiguredSource(report), stop: () => {} };
    }
    const created = env.createSource(read.config);
    const stopTimer = disposer.interval(() => created.refresh(), checkIntervalMs(read.config.options));
    created.refresh();
    return { source: created, stop: stopTimer };
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
      const role = readUserRole(app);
      base = { strings: readStrings(widget, app), role, roots, walkthrough: null, remind: null };
      if (role === 'member') {
        const { t, fmt } = base.strings;
        const remind = createRemindAdmin({ widget, app: () => env.app(), t, fmt, report: () => runtime.source().snapshot().report });
        disposer.add(remind.subscribe(drawAll));
        base.remind = remind;
      }
      if (role === 'admin') {
        const walkthrough = createWalkthrough({
          ...storageScope(),
          now: () => new Date(),
          source: () => runtime.source(),
          settingsCardExpiry: () => readSavedCardExpiry(readParams(widget)),
          redraw: drawAll,
          cardExpiryStored: rebuildSource,
          timeout: (fn, ms) => disposer.timeout(fn, ms),
        });
        base.walkthrough = walkthrough;
        disposer.add(() => walkthrough.dispose());
      }
      return base;
    },
    source() {
      if (source) return source;
      const created = createSwappableSource(buildSource);
      source = created;
      disposer.add(() => created.dispose());
      disposer.add(created.subscribe(onSourceChange));
      // Timers sleep while the tab is frozen, hidden or offline: on the way back, check
      // if one is due (refresh() keeps a fresh cached result, so this never storms).
      const wake = () => {
        if (env.document.visibilityState !== 'hidden') created.refresh();
      };
      const win = env.document.defaultView;
      if (win) disposer.listen(win, 'online', wake);
      disposer.listen(env.document, 'resume', wake);
      disposer.listen(env.document, 'visibilitychange', wake);
      // The first report (a cached one) arrives with the source, not as a change.
      base?.walkthrough?.sync(created.snapshot());
      return created;
    },
    addRoot(host, view, ownsHost) {
      const { roots } = runtime.base();
      applyColorScheme(host, readColorScheme(env.document));
      const withAdmin = () => {
        const admin = runtime.admin();
        return admin ? h(AdminUiContext.Provider, { value: admin }, view()) : view();
      };
      const root = mountRoot(host, withAdmin, { ownsHost });
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
    own(cleanup) {
      disposer.add(cleanup);
    },
    removeRoot(root) {
      if (!root) return;
      rootCleanups.get(root)?.();
      rootCleanups.delete(root);
    },
    panelProps() {
      const { strings, role, walkthrough, remind } = runtime.base();
      const current = runtime.source();
      return {
        state: current.snapshot(),
        role,
        t: strings.t,
        fmt: strings.fmt,
        configureHref: CONFIGURE_HREF,
        ...(walkthrough ? { walkthrough: walkthrough.state() } : {}),
        ...(remind ? { remind: { state: remind.state(), onRemind: () => void remind.remind() } } : {}),
        ...(role === 'admin' ? { optionProblems: readOptionProblems(readParams(widget)) } : {}),
        onRecheck: () => {
          try {
            current.recheck();
          } catch (error) {
            reportCaught(error);
          }
        },
      };
    },
    admin() {
      if (!adminFile) return null;
      adminView ??= createAdminView(adminFile, {
        document: env.document,
        disposer,
        widgetPath: () => readParams(widget).path,
        t: () => runtime.base().strings.t,
        redraw: drawAll,
      });
      return adminView.view();
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
      scope = null;
      adminView = null;
      current.dispose();
    },
  };
  return runtime;
}

/** The sidebar/advanced panel view, always reading the latest snapshot. */
export function panelView(runtime: Runtime): () => ComponentChild {
  return () => h(StatusPanel, runtime.panelProps());
}
