// Offered once "watch for expiry emails" is done: the card's MM/YY, so the widget warns
// 30 days before it expires. Only the expiry: the widget never asks for card data.
import { useState } from 'preact/hooks';
import { isCardExpiry } from '../health/options.ts';
import type { CardExpiryView } from './types.ts';
import type { Translate } from '../i18n/index.ts';

interface CardExpiryFormProps {
  t: Translate;
  cardExpiry: CardExpiryView;
  onSave(expiry: string): boolean;
  idPrefix: string;
  settingsHref?: string;
}

type Outcome = { kind: 'invalid' } | { kind: 'saved'; expiry: string } | { kind: 'failed' } | null;

export function CardExpiryForm({ t, cardExpiry, onSave, idPrefix, settingsHref }: CardExpiryFormProps) {
  const [draft, setDraft] = useState(cardExpiry.value ?? '');
  const [outcome, setOutcome] = useState<Outcome>(null);

  // The saved settings win over a stored value (src/kommo/settings.ts): say so, and where to change it.
  if (cardExpiry.source === 'settings') {
    return (
      <p class="bytegpt-health__step-note" data-expiry-source="settings">
        {t('walkthrough.expiry.from_settings', { expiry: cardExpiry.value ?? '' })}{' '}
        {settingsHref ? (
          <a class="bytegpt-health__link" href={settingsHref} data-fix="settings">
            {t('walkthrough.fix_links.settings')}
          </a>
        ) : null}
      </p>
    );
  }

  const inputId = `${idPrefix}-expiry`;
  const hintId = `${inputId}-hint`;
  const messageId = `${inputId}-message`;
  const invalid = outcome?.kind === 'invalid';
  const submit = (event: Event) => {
    event.preventDefault();
    const value = draft.trim();
    if (!isCardExpiry(value)) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    setOutcome(onSave(value) ? { kind: 'saved', expiry: value } : { kind: 'failed' });
  };

  return (
    <form class="bytegpt-health__expiry" data-form="card-expiry" noValidate onSubmit={submit}>
      <label class="bytegpt-health__expiry-label" for={inputId}>
        {t('walkthrough.expiry.label')}
      </label>
      <p id={hintId} class="bytegpt-health__hint">
        {t('walkthrough.expiry.hint')}
      </p>
      <div class="bytegpt-health__expiry-row">
        <input
          id={inputId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('walkthrough.expiry.placeholder')}
          maxLength={5}
          value={draft}
          aria-invalid={invalid ? 'true' : 'false'}
          aria-describedby={`${hintId} ${messageId}`}
          onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="bytegpt-health__step-button" data-action="save-expiry">
          {t('walkthrough.expiry.save')}
        </button>
      </div>
      <p id={messageId} class="bytegpt-health__expiry-message" role="status" aria-live="polite">
        {invalid ? <span class="bytegpt-health__field-error">{t('walkthrough.expiry.invalid')}</span> : null}
        {outcome?.kind === 'saved' ? t('walkthrough.expiry.saved', { expiry: outcome.expiry }) : null}
        {outcome?.kind === 'failed' ? <span class="bytegpt-health__field-error">{t('panel.error_generic')}</span> : null}
      </p>
    </form>
  );
}
