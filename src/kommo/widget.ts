// The callbacks Kommo calls. Each one is wrapped: an error is traced, reported through
// Kommo's notifications, and the callback still returns what Kommo expects, so a
// widget bug never breaks the Kommo page (design.md "Rules that never bend").
import { startAlerts } from './alerts.ts';
import { CARD_AREAS, renderAdvanced, renderCard, renderSettings, type AreaRoots } from './areas.ts';
import { reportCaught, showError } from './notify.ts';
import { createRuntime, type Runtime, type WidgetEnv } from './runtime.ts';
import { readStrings } from './language.ts';
import { saveRefusal } from './settings.ts';
import type { KommoCallbacks, KommoModal, KommoSaveParams, KommoWidgetBase } from './sdk-types.ts';

function readArea(widget: Partial<KommoWidgetBase>): string {
  const system = typeof widget.system === 'function' ? widget.system() : undefined;
  return typeof system?.area === 'string' ? system.area : '';
}

/**
 * Builds the callbacks for one widget instance. Nothing runs until Kommo calls them;
 * `env` is read lazily because Kommo adds members (ns, params) after construction.
 */
export function createCallbacks(widget: Partial<KommoWidgetBase>, makeEnv: () => WidgetEnv): KommoCallbacks {
  let runtime: Runtime | null = null;
  const roots: AreaRoots = { card: null, settings: null, advanced: null };
  const rt = () => (runtime ??= createRuntime(widget, makeEnv()));
  let stopAlerts: (() => void) | null = null;

  /**
   * Critical alerts listen wherever Kommo loads us (the `everywhere` location included,
   * where nothing is drawn), except the settings modal, where the key is being edited.
   */
  const watchAlerts = (area: string) => {
    if (stopAlerts || area === 'settings') return;
    stopAlerts = startAlerts({ widget, app: () => rt().env.app(), source: () => rt().source() });
  };

  function guard<A extends unknown[], R>(fallback: R, body: (...args: A) => R): (...args: A) => R {
    return (...args) => {
      try {
        return body(...args);
      } catch (error) {
        reportCaught(error);
        try {
          rt().notifyFailure();
        } catch (notifyError) {
          reportCaught(notifyError);
        }
        return fallback;
      }
    };
  }

  return {
    render: guard(true, () => {
      const area = readArea(widget);
      if (CARD_AREAS.has(area)) renderCard(rt(), roots);
      watchAlerts(area);
      return true;
    }),
    init: guard(true, () => true),
    // Preact owns every event inside our roots; host-level listeners live in the disposer.
    bind_actions: guard(true, () => true),
    settings: guard(true, (modal?: KommoModal) => {
      renderSettings(rt(), roots, modal);
      return true;
    }),
    onSave: guard(true, (params?: KommoSaveParams): boolean => {
      // Disabling the widget also goes through onSave: never block that.
      if (params?.active === 'N') return true;
      const refusal = saveRefusal(params?.fields);
      if (refusal === null) return true;
      const env = rt().env;
      const { t } = readStrings(widget, env.app());
      showError(env.app(), t('widget.name'), t(refusal));
      return false;
    }),
    advancedSettings: guard(true, () => {
      renderAdvanced(rt(), roots);
      return true;
    }),
    destroy: guard(undefined, () => {
      stopAlerts?.();
      stopAlerts = null;
      roots.card = roots.settings = roots.advanced = null;
      runtime?.destroy();
    }),
  };
}

