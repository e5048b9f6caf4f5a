// The `options` custom field in Kommo's settings modal: probe toggle and model, card
// expiry (month/year only), budgets, interval. Emits every change; never saves itself.
import { useState } from 'preact/hooks';
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

interface FieldSpec {
  field: DraftField;
  label: string;
  hint?: string;
  placeholder: string;
  inputMode: 'text' | 'decimal' | 'numeric';
}

export function OptionsForm({ t, initial, onChange, idPrefix }: OptionsFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>(() => validateDraft(initial));

  const update = (patch: Partial<OptionsDraft>) => {
    const next = { ...draft, ...patch };
    const nextErrors = validateDraft(next);
    setDraft(next);
    setErrors(nextErrors);
    onChange(next, nextErrors);
  };

  const specs: FieldSpec[] = [
    { field: 'probeModel', label: t('settings.form.probe_model'), placeholder: DEFAULT_OPTIONS.probeModel, inputMode: 'text' },
    { field: 'cardExpiry', label: t('settings.form.card_expiry'), hint: t('settings.form.card_expiry_hint'), placeholder: 'MM/YY', inputMode: 'numeric' },
    { field: 'monthlyBudgetUsd', label: t('settings.form.monthly_budget'), placeholder: '', inputMode: 'decimal' },
    { field: 'lowBalanceUsd', label: t('settings.form.low_balance'), placeholder: '', inputMode: 'decimal' },
    { field: 'checkEveryMinutes', label: t('settings.form.check_every'), placeholder: String(DEFAULT_OPTIONS.checkEveryMinutes), inputMode: 'numeric' },
  ];

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
          onChange={(event) => update({ quotaProbe: event.currentTarget.checked })}
        />
        <label for={probeId}>{t('settings.form.quota_probe')}</label>
        <p class="bytegpt-health__hint" id={`${probeId}-hint`}>{t('settings.form.quota_probe_hint')}</p>
      </div>
      {specs.map(({ field, label, hint, placeholder, inputMode }) => {
        const id = `${idPrefix}-${field}`;
        const error = errors[field];
        const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
        return (
          <div class="bytegpt-health__field" key={field}>
            <label for={id}>{label}</label>
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
              onInput={(event) => update({ [field]: event.currentTarget.value })}
            />
            {hint ? <p class="bytegpt-health__hint" id={`${id}-hint`}>{hint}</p> : null}
            {error ? (
              <p class="bytegpt-health__field-error" id={`${id}-error`} data-error-for={field}>{t(error)}</p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
