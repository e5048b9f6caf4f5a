// The `options` custom field in Kommo's settings modal: probe toggle and model, card
// expiry (month/year only), budgets, interval. Emits every change; never saves itself.
// A class component: it is the widget's only stateful one, and one useState is not
// worth shipping preact/hooks (about 0.9 KB gzip) for.
import { Component } from 'preact';
import type { Translate } from '../i18n/index.ts';
import { DEFAULT_OPTIONS } from '../health/options.ts';
import { validateDraft, type DraftErrors, type DraftField, type OptionsDraft } from './options-draft.ts';

export interface OptionsFormProps {
  t: Translate;
  initial: OptionsDraft;
  onChange: (draft: OptionsDraft, errors: DraftErrors) => void;
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
}

interface OptionsFormState {
  draft: OptionsDraft;
  errors: DraftErrors;
}

interface FieldSpec {
  field: DraftField;
  /** i18n key of the label (full literal keys: tests check every one exists). */
  label: string;
  /** i18n key of the hint. */
  hint?: string;
  placeholder: string;
  inputMode: 'text' | 'decimal' | 'numeric';
}

const FIELD_SPECS: readonly FieldSpec[] = [
  { field: 'probeModel', label: 'settings.form.probe_model', placeholder: DEFAULT_OPTIONS.probeModel, inputMode: 'text' },
  { field: 'cardExpiry', label: 'settings.form.card_expiry', hint: 'settings.form.card_expiry_hint', placeholder: 'MM/YY', inputMode: 'numeric' },
  { field: 'monthlyBudgetUsd', label: 'settings.form.monthly_budget', placeholder: '', inputMode: 'decimal' },
  { field: 'lowBalanceUsd', label: 'settings.form.low_balance', placeholder: '', inputMode: 'decimal' },
  { field: 'checkEveryMinutes', label: 'settings.form.check_every', placeholder: String(DEFAULT_OPTIONS.checkEveryMinutes), inputMode: 'numeric' },
];

export class OptionsForm extends Component<OptionsFormProps, OptionsFormState> {
  constructor(props: OptionsFormProps) {
    super(props);
    this.state = { draft: props.initial, errors: validateDraft(props.initial) };
  }

  update(patch: Partial<OptionsDraft>): void {
    const draft = { ...this.state.draft, ...patch };
    const errors = validateDraft(draft);
    this.setState({ draft, errors });
    this.props.onChange(draft, errors);
  }

  render({ t, idPrefix }: OptionsFormProps, { draft, errors }: OptionsFormState) {
    const probeId = `${idPrefix}-quotaProbe`;
    return (
      <div class="bytegpt-health__form" data-bytegpt-form="options">
        <div class="bytegpt-health__field bytegpt-health__field--check">
          <input
            id={probeId}
            type="checkbox"
            name="quotaProbe"
            checked={draft.quotaProbe}
            aria-describedby={`${probeId}-hint`}
            onChange={(event) => this.update({ quotaProbe: event.currentTarget.checked })}
          />
          <label for={probeId}>{t('settings.form.quota_probe')}</label>
          <p class="bytegpt-health__hint" id={`${probeId}-hint`}>{t('settings.form.quota_probe_hint')}</p>
        </div>
        {FIELD_SPECS.map(({ field, label, hint, placeholder, inputMode }) => {
          const id = `${idPrefix}-${field}`;
          const error = errors[field];
          const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
          return (
            <div class="bytegpt-health__field" key={field}>
              <label for={id}>{t(label)}</label>
              <input
                id={id}
                type="text"
                name={field}
                value={draft[field]}
                placeholder={placeholder}
                inputMode={inputMode}
                autocomplete="off"
                aria-invalid={error ? 'true' : 'false'}
                aria-describedby={described || undefined}
                onInput={(event) => this.update({ [field]: event.currentTarget.value })}
              />
              {hint ? <p class="bytegpt-health__hint" id={`${id}-hint`}>{t(hint)}</p> : null}
              {error ? (
                <p class="bytegpt-health__field-error" id={`${id}-error`} data-error-for={field}>{t(error)}</p>
              ) : null}
            </div>
          );
        })}
      </div>
    );
  }
}
