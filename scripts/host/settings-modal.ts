// Kommo's widget settings modal (area `settings`): the manifest's fields (pass →
// password input, text → text input, custom → hidden input #<code>_custom plus
// div #<code>_custom_content), a Save button that `change` enables, and
// callbacks.onSave({fields, active}) → store the settings when it resolves truthy.
import { callCallback, destroyInstance } from './lifecycle.ts';
import { el } from './pages.ts';
import { recordError, text, type HostState } from './state.ts';

const MODAL_ID = 'widget_settings_modal';

function fieldRow(state: HostState, code: string, field: { name?: string; type?: string }): HTMLElement {
  const widgetCode = state.config.widgetCode;
  const label = text(state.langs, field.name, code);
  const value = state.savedSettings[code] ?? '';
  if (field.type === 'custom') {
    const hidden = el('input', 'js-custom-settings-value', [], { type: 'hidden', name: code, id: `${widgetCode}_custom` }) as HTMLInputElement;
    hidden.value = value;
    return el('div', 'widget_settings_block__item_field widget_settings_block__item_field_custom', [
      el('div', 'widget_settings_block__title_field', [label]),
      hidden,
      el('div', 'widget_settings_block__custom', [], { id: `${widgetCode}_custom_content` }),
    ]);
  }
  const input = el('input', 'widget_settings_block__controls__ text-input', [], {
    type: field.type === 'pass' ? 'password' : 'text',
    name: code,
    autocomplete: 'off',
  }) as HTMLInputElement;
  input.value = value;
  return el('div', 'widget_settings_block__item_field', [
    el('div', 'widget_settings_block__title_field', [label]),
    el('div', 'widget_settings_block__input_field', [input]),
  ]);
}

/** The manifest's fields only: inputs a widget draws into its custom container are its own. */
function collectFields(form: HTMLElement, codes: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const code of codes) {
    const input = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(code)}"]`);
    if (input) fields[code] = input.value;
  }
  return fields;
}

export function closeSettingsModal(): void {
  document.getElementById(MODAL_ID)?.remove();
}

/** Builds the modal, then calls callbacks.settings($modal) like Kommo when it opens. */
export function openSettingsModal(state: HostState): void {
  closeSettingsModal();
  const $ = state.$;
  const { widgetCode, widgetPath, version } = state.config;
  const widget = state.manifest.widget ?? {};
  const description = el('div', 'widget-settings__desc-space');
  // The description is the widget's own i18n text, which Kommo renders as HTML (manifest doc).
  description.innerHTML = text(state.langs, widget.description, '');
  const form = el('form', 'widget-settings__fields', Object.entries(state.manifest.settings ?? {}).map(([code, field]) => fieldRow(state, code, field)));
  form.addEventListener('submit', (event) => event.preventDefault());
  const save = el('button', 'button-input button-input_blue js-widget-save', ['Save'], { type: 'button', disabled: '' }) as HTMLButtonElement;
  const disable = el('button', 'button-input js-widget-disable', ['Disable'], { type: 'button' }) as HTMLButtonElement;
  const saved = el('span', 'widget-settings__saved', [], { 'aria-live': 'polite' });
  const status = el('span', `widget-settings__status${state.installStatus === 'installed' ? '' : ' widget-settings__status_pending'}`,
    [state.installStatus === 'installed' ? 'Installed' : 'Not configured'], { 'data-widget-status': '' });
  const close = el('button', 'modal-body__close', ['×'], { type: 'button', 'aria-label': 'Close' });
  const body = el('div', 'modal-body widget_settings_block', [
    close,
    el('div', 'widget-settings__header', [
      el('img', 'widget-settings__logo', [], { src: `${widgetPath}/images/logo_main.png`, alt: '' }),
      el('div', '', [
        el('h2', 'widget-settings__name', [text(state.langs, widget.name, widgetCode)]),
        el('div', 'widget-settings__short', [text(state.langs, widget.short_description, '')]),
        status,
        el('div', 'widget-settings__short', [`v${version}`]),
      ]),
    ]),
    el('div', 'widget-settings__columns', [description, form]),
    el('div', 'widget_settings_block__controls', [save, disable, saved]),
  ], { role: 'dialog', 'aria-modal': 'true' });
  const modal = el('div', `modal widget-settings-modal widget-settings-modal-${widgetCode}`, [el('div', 'modal-overlay'), body], { id: MODAL_ID });
  document.body.append(modal);

  const $modal = $(modal);
  // jQuery's delegation also sees a `.trigger('change')` on the hidden custom input.
  $modal.on('change input', 'input, select, textarea', () => {
    save.disabled = false;
    saved.textContent = '';
  });
  $(close).on('click', closeSettingsModal);
  $modal.find('.modal-overlay').on('click', closeSettingsModal);

  const submit = async (active: 'Y' | 'N') => {
    const instance = state.current;
    if (!instance) return;
    const fields = collectFields(form, Object.keys(state.manifest.settings ?? {}));
    save.disabled = true;
    let ok: unknown = false;
    try {
      ok = await Promise.resolve(callCallback(state, instance, 'onSave', { fields, active }));
    } catch (err) {
      recordError(state, 'callbacks.onSave (rejected)', err);
    }
    state.events.push({ instance: instance.__hostInstance ?? 0, area: state.query.area, call: 'onSave:result', detail: `${Boolean(ok)} [${Object.keys(fields).join(',')}]` });
    if (!ok) {
      save.disabled = false;
      saved.textContent = 'Not saved';
      return;
    }
    Object.assign(state.savedSettings, fields);
    state.installStatus = active === 'Y' ? 'installed' : 'install';
    instance.set_settings({ ...fields, status: state.installStatus, widget_active: active });
    status.textContent = active === 'Y' ? 'Installed' : 'Disabled';
    status.className = `widget-settings__status${active === 'Y' ? '' : ' widget-settings__status_pending'}`;
    saved.textContent = 'Saved';
    // Kommo calls destroy after onSave when the widget is disabled.
    if (active === 'N') destroyInstance(state);
  };
  $(save).on('click', () => void submit('Y'));
  $(disable).on('click', () => void submit('N'));

  if (state.current) callCallback(state, state.current, 'settings', $modal);
}
