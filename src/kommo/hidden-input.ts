// Writing the `options` custom field: Kommo enables Save when its hidden input
// `#<code>_custom` changes, and it listens through jQuery (kommo-platform.md §2.3).
import $ from 'jquery';

export function writeHiddenInput(input: HTMLInputElement, value: string): void {
  if (typeof $ === 'function') {
    $(input).val(value).trigger('change');
    return;
  }
  // No jQuery (never on a Kommo page): a native change event still reaches addEventListener.
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
