// Where a caught error goes: console.trace (the only console Kommo's rules allow, and
// only in a catch) and, when APP offers it, Kommo's own error notification.
import type { KommoApp } from './sdk-types.ts';

/** Logs a caught error. Never throws. */
export function reportCaught(error: unknown): void {
  try {
    console.trace(error);
  } catch {
    // Nothing left to try: a widget error must never reach Kommo's page.
  }
}

/** Shows Kommo's red notice. Never throws; silently does nothing without APP. */
export function showError(app: KommoApp | null, header: string, text: string): void {
  try {
    const notifications = app?.notifications;
    if (typeof notifications?.show_message_error === 'function') {
      notifications.show_message_error({ header, text });
    } else if (typeof notifications?.add_error === 'function') {
      notifications.add_error({ header, text });
    }
  } catch (error) {
    reportCaught(error);
  }
}
