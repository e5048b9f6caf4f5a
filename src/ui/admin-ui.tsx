// The admin screens: the walkthrough (the full list and the step "Fix it" opens), the
// dashboard and the settings form. Members and the sidebar's first paint never need
// them, so the shipped widget carries them in a second file, admin.js (entry
// src/lazy/admin.ts), that src/kommo loads on demand through the page's RequireJS.
//
// The rest of the UI imports these names from here. The widget build (vite.config.ts)
// sets __BYTEGPT_SPLIT__, and each name becomes a slot: it renders the part from the
// loaded file, or a "loading" / "could not load, retry" notice, reading the load state
// from AdminUiContext (src/kommo puts it above every root). The bundler folds the
// condition, so the real modules drop out of script.js. Built from source (the tests),
// the names are the real components and nothing loads.
import { createContext, h, type ComponentType } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import type { Translate } from '../i18n/index.ts';
import { ADMIN_CSS } from './css/admin.ts';
import { Dashboard as DashboardPart } from './Dashboard.tsx';
import { SettingsFields as SettingsFieldsPart } from './SettingsFields.tsx';
import { Walkthrough as WalkthroughPart } from './Walkthrough.tsx';
import { WalkthroughStep as WalkthroughStepPart } from './WalkthroughStep.tsx';

/** What admin.js hands back: its components and their CSS. */
export interface AdminParts {
  Dashboard: typeof DashboardPart;
  SettingsFields: typeof SettingsFieldsPart;
  Walkthrough: typeof WalkthroughPart;
  WalkthroughStep: typeof WalkthroughStepPart;
  css: string;
}

type PartName = Exclude<keyof AdminParts, 'css'>;

/** The load state of admin.js for one widget instance, as src/kommo provides it. */
export interface AdminUiView {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  parts: AdminParts | null;
  /** Starts the load now (or again after a failure); safe to call at any time. */
  load(): void;
  /** Starts the load when the browser is idle (an admin who may soon open a step). */
  preload(): void;
  t: Translate;
}

export const AdminUiContext = createContext<AdminUiView | null>(null);

/** While admin.js loads, or after it failed: a line that says so, and a retry. */
function AdminNotice({ admin }: { admin: AdminUiView }) {
  const { t } = admin;
  if (admin.phase !== 'failed') {
    return (
      <p class="bytegpt-health__lazy bytegpt-health__hint" role="status" data-bytegpt-lazy="loading">
        {t('panel.part_loading')}
      </p>
    );
  }
  return (
    <div class="bytegpt-health__lazy" role="alert" data-bytegpt-lazy="failed">
      <p class="bytegpt-health__error">{t('panel.part_failed')}</p>
      <button type="button" class="bytegpt-health__button" data-action="retry-load" onClick={() => admin.load()}>
        {t('panel.part_retry')}
      </button>
    </div>
  );
}

/** A stand-in for one part of admin.js with the same props. */
function adminSlot<K extends PartName>(name: K): AdminParts[K] {
  function AdminSlot(props: object) {
    const admin = useContext(AdminUiContext);
    const Part = admin?.parts?.[name] as ComponentType<object> | undefined;
    useEffect(() => {
      if (admin?.phase === 'idle') admin.load();
    });
    if (Part) return h(Part, props);
    return admin ? h(AdminNotice, { admin }) : null;
  }
  return AdminSlot as unknown as AdminParts[K];
}

declare const __BYTEGPT_SPLIT__: boolean | undefined;
/** True in the shipped widget (vite.config.ts); undefined when built from source. */
const SPLIT = typeof __BYTEGPT_SPLIT__ !== 'undefined' && __BYTEGPT_SPLIT__;

export const Dashboard = SPLIT ? adminSlot('Dashboard') : DashboardPart;
export const SettingsFields = SPLIT ? adminSlot('SettingsFields') : SettingsFieldsPart;
export const Walkthrough = SPLIT ? adminSlot('Walkthrough') : WalkthroughPart;
export const WalkthroughStep = SPLIT ? adminSlot('WalkthroughStep') : WalkthroughStepPart;
/** The admin CSS when it is bundled with the rest; empty when admin.js brings it. */
export const BUNDLED_ADMIN_CSS = SPLIT ? '' : ADMIN_CSS;
