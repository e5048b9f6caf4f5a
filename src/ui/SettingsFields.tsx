// The `options` custom field of Kommo's settings modal as one part: the options form,
// which starts from the stored object and hands back the merged one on every change
// (unknown keys kept), and "Test connection" under it.
import { useState } from 'preact/hooks';
import { applyDraft, draftFromStored } from './options-draft.ts';
import { OptionsForm } from './OptionsForm.tsx';
import { TestConnection, type TestConnectionProps } from './TestConnection.tsx';
import type { TextProps } from './types.ts';

interface SettingsFieldsProps extends TextProps {
  /** The saved `options` object (parsed, unknown keys included). */
  stored: Record<string, unknown>;
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  /**
   * `merged()` gives the stored object with the form's valid values written over it;
   * the caller calls it inside its own try, so a throw never reaches Kommo's page.
   */
  onOptions(merged: () => Record<string, unknown>): void;
  test: TestConnectionProps['state'];
  onTest(): void;
}

export function SettingsFields({ stored, idPrefix, onOptions, test, onTest, t, fmt }: SettingsFieldsProps) {
  const [initial] = useState(() => draftFromStored(stored));
  return (
    <>
      <OptionsForm t={t} initial={initial} idPrefix={idPrefix} onChange={(draft) => onOptions(() => applyDraft(stored, draft))} />
      <TestConnection state={test} onTest={onTest} t={t} fmt={fmt} />
    </>
  );
}
