// The walkthrough's Kommo glue: its progress store (per user and account, in
// localStorage, shared across tabs through the window's `storage` event), the verify
// step's real check, the restart rule fed with every report, and the card expiry the
// step stores. Built by the runtime for admins; every listener goes to its disposer.
import { readStoredCardExpiry, storeCardExpiry } from '../checklist/card-expiry.ts';
import { cardExpiryKey, createProgressStore, progressKey, type StorageLike, type WatchStorage } from '../checklist/store.ts';
import type { HealthSource } from '../monitor/index.ts';
import type { WalkthroughState } from '../ui/types.ts';
import { readAccountId, readConstant } from './app.ts';
import type { KommoApp } from './sdk-types.ts';

type Snapshot = ReturnType<HealthSource['snapshot']>;

/** The page's localStorage and its cross-tab change feed, or nothing usable. */
export interface LocalStore {
  storage: StorageLike | null;
  watch: WatchStorage;
}

export function pageLocalStore(doc: Document): LocalStore {
  const view = doc.defaultView;
  let storage: StorageLike | null = null;
  try {
    // Reading localStorage itself throws in sandboxed frames and some privacy modes.
    storage = view?.localStorage ?? null;
  } catch {
    storage = null;
  }
  return {
    storage,
    watch(onChange) {
      if (!view) return () => {};
      const handler = (event: Event) => onChange((event as StorageEvent).key);
      view.addEventListener('storage', handler);
      return () => view.removeEventListener('storage', handler);
    },
  };
}

/** The ids that scope the stored data (never the API key): APP.constant('account'/'user'). */
export interface WalkthroughIds {
  account: string | number | null;
  user: string | number | null;
}

/** Account id as src/kommo/env.ts scopes the check cache: its id, else its subdomain. */
export function readWalkthroughIds(app: KommoApp | null): WalkthroughIds {
  const user = readConstant(app, 'user');
  return {
    account: readAccountId(app),
    user: user && typeof user === 'object' ? (user.id ?? null) : null,
  };
}

/** The expiry typed in the walkthrough, for readConfig's fallback. */
export function storedCardExpiry(local: LocalStore, ids: WalkthroughIds): string | null {
  return readStoredCardExpiry(local.storage, cardExpiryKey(ids.account));
}

/** True when a `storage` event's key is the stored card expiry (null: storage cleared). */
export function isCardExpiryChange(key: string | null, ids: WalkthroughIds): boolean {
  return key === null || key === cardExpiryKey(ids.account);
}

interface WalkthroughDeps {
  local: LocalStore;
  ids: WalkthroughIds;
  now(): Date;
  /** The live health source (it is rebuilt when the card expiry changes). */
  source(): HealthSource;
  /** The card expiry saved with the widget settings, which wins over a stored one. */
  settingsCardExpiry(): string | null;
  /** Redraw every root. */
  redraw(): void;
  /** After a new card expiry was stored: rebuild the source so the rules see it. */
  cardExpiryStored(): void;
  /** A timer that the runtime's disposer clears; returns its cancel. */
  timeout(fn: () => void, ms: number): () => void;
}

export interface WalkthroughController {
  state(): WalkthroughState;
  /** Every snapshot of the source: the restart rule, and the verify step's verdict. */
  sync(snapshot: Snapshot): void;
  dispose(): void;
}

/** A check that never settles (a lost tab lock, a hung server) must not leave "checking…" forever. */
const VERIFY_TIMEOUT_MS = 120_000;

interface RunningVerify {
  /** ms: reports of checks started before the click do not count. */
  clickedAt: number;
  /** checkedAt of the report shown at the click: the verdict needs another one. */
  before: string | null;
  sawChecking: boolean;
  cancelTimeout(): void;
}

export function createWalkthrough(deps: WalkthroughDeps): WalkthroughController {
  const { local, ids } = deps;
  const store = createProgressStore({ storage: local.storage, key: progressKey(ids.account, ids.user), watch: local.watch });
  const expiryKey = cardExpiryKey(ids.account);
  let running: RunningVerify | null = null;
  let verifyFailed = false;
  let lastObserved: string | null = null;
  const unsubscribe = store.subscribe(deps.redraw);

  const finish = (outcome: { report: Snapshot['report'] } | 'failed') => {
    running?.cancelTimeout();
    running = null;
    if (outcome === 'failed' || !outcome.report) verifyFailed = true;
    else store.dispatch({ type: 'verified', report: outcome.report, at: deps.now().toISOString() });
    deps.redraw();
  };

  const isFresh = (report: NonNullable<Snapshot['report']>) =>
    running !== null && report.checkedAt !== running.before && Date.parse(report.checkedAt) >= running.clickedAt;

  const controller: WalkthroughController = {
    state: () => {
      const fromSettings = deps.settingsCardExpiry();
      const stored = readStoredCardExpiry(local.storage, expiryKey);
      return {
        progress: store.get(),
        verifying: running !== null,
        verifyFailed,
        cardExpiry: fromSettings
          ? { value: fromSettings, source: 'settings' }
          : { value: stored, source: stored ? 'walkthrough' : null },
        onMark: (step, done) => {
          store.dispatch(done ? { type: 'mark', step, at: deps.now().toISOString() } : { type: 'undo', step });
        },
        onVerify: () => {
          if (running) return;
          verifyFailed = false;
          const source = deps.source();
          running = {
            clickedAt: deps.now().getTime(),
            before: source.snapshot().report?.checkedAt ?? null,
            sawChecking: false,
            cancelTimeout: deps.timeout(() => finish('failed'), VERIFY_TIMEOUT_MS),
          };
          source.recheck();
          const after = source.snapshot();
          if (!running) return;
          // Without a key no check can run: judge what the widget shows (key_invalid).
          if (!after.configured) finish({ report: after.report });
          else {
            if (after.checking) running.sawChecking = true;
            deps.redraw();
          }
        },
        onSaveCardExpiry: (expiry) => {
          const stored = storeCardExpiry(local.storage, expiryKey, expiry);
          if (stored) deps.cardExpiryStored();
          return stored;
        },
      };
    },
    sync(snapshot) {
      const report = snapshot.report;
      if (report && report.checkedAt !== lastObserved) {
        lastObserved = report.checkedAt;
        store.dispatch({ type: 'observe', report });
      }
      if (!running) return;
      if (snapshot.checking) {
        running.sawChecking = true;
        return;
      }
      if (report && isFresh(report)) finish({ report });
      else if (snapshot.failed && running.sawChecking) finish('failed');
    },
    dispose() {
      running?.cancelTimeout();
      running = null;
      unsubscribe();
      store.dispose();
    },
  };
  return controller;
}
