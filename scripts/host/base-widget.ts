// Kommo's base widget: the methods Kommo mixes into the widget's prototype before it
// calls `new Widget()` (kommo-platform.md §3.1, §3.4). `this` is the widget instance.
import { currentUser } from './app.ts';
import { authorizedAjax } from './authorized-ajax.ts';
import { lookup, type HostState, type WidgetInstance } from './state.ts';

type Params = Record<string, unknown>;

interface TemplateOptions {
  caption?: { class_name?: string; html?: string };
  body?: string;
  render?: string;
}

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A very small stand-in for twig.js: `{{ name }}` substitution, HTML-escaped. */
function renderTwigLite(template: string, params: Params = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, key: string) => escapeHtml(lookup(params, key)));
}

/** Kommo's system controls through `self.render({ref: '/tmpl/controls/<name>.twig'}, params)`. */
function renderControl(ref: string, p: Params): string {
  const cls = escapeHtml(p.class_name ?? '');
  const id = p.id ? ` id="${escapeHtml(p.id)}"` : '';
  if (ref.endsWith('/button.twig')) {
    return `<button type="button"${id} class="button-input${p.blue ? ' button-input_blue' : ''} ${cls}">${escapeHtml(p.text)}</button>`;
  }
  if (ref.endsWith('/input.twig')) {
    return `<input type="text"${id} class="text-input ${cls}" name="${escapeHtml(p.name)}" value="${escapeHtml(p.value)}" placeholder="${escapeHtml(p.placeholder)}">`;
  }
  return '';
}

export function baseWidgetMethods(state: HostState): Record<string, unknown> {
  const code = state.config.widgetCode;
  return {
    get_settings(this: WidgetInstance): Params {
      return this.params ?? {};
    },
    set_settings(this: WidgetInstance, patch: Params): void {
      this.params = Object.assign(this.params ?? {}, patch);
    },
    set_lang(this: WidgetInstance, langs: unknown): void {
      this.langs = langs;
    },
    i18n(this: WidgetInstance, key: string): unknown {
      return lookup(this.langs, key);
    },
    get_version(this: WidgetInstance): string {
      return String(this.params?.version ?? state.config.version);
    },
    get_install_status(): string {
      return state.installStatus;
    },
    set_status(status: string): void {
      state.widgetStatus = status;
      document.querySelectorAll('[data-widget-status]').forEach((el) => (el.textContent = status));
    },
    system(): Record<string, unknown> {
      const user = currentUser(state);
      return {
        area: state.query.area,
        amouser: user.login,
        amouser_id: user.id,
        amohash: `hash-${user.id}`,
        subdomain: 'bytebio',
        domain: 'kommo.com',
        server: 'us',
        displayed_count: 1,
        displayed_count_by_area: { leads_card: 1, contacts_card: 1, companies_card: 1 },
      };
    },
    render(data: { ref?: string; data?: string } | undefined, params: Params = {}): string {
      if (data?.ref) return renderControl(data.ref, params);
      return renderTwigLite(data?.data ?? '', params);
    },
    render_template(this: WidgetInstance, options: TemplateOptions = {}, params: Params = {}): JQuery {
      const $ = state.$;
      const images = String(this.params?.images_path ?? `${state.config.widgetPath}/images`);
      const name = lookup(this.langs, 'widget.name');
      const caption = options.caption ?? {};
      const $block = $('<div>')
        .addClass(`card-widgets__widget card-widgets__widget-${code}`)
        .attr({ 'data-code': code, 'data-widget-code': code });
      const $caption = $('<div>')
        .addClass(`card-widgets__widget__caption js-widget-caption-block ${caption.class_name ?? ''}`.trim())
        .append(
          $('<div class="card-widgets__widget__caption__logo">').append(
            $('<img>').attr({ src: `${images}/logo_medium.png`, alt: typeof name === 'string' ? name : code }),
          ),
          $('<div class="card-widgets__widget__caption__logo_min">').append($('<img alt="">').attr('src', `${images}/logo_min.png`)),
          $('<span class="card-widgets__widget__caption__arrow">'),
        );
      if (caption.html) $caption.children().last().before($('<div class="card-widgets__widget__caption__html">').html(caption.html));
      const bodyHtml = options.body ? options.body : renderTwigLite(options.render ?? '', params);
      const $body = $('<div class="card-widgets__widget__body js-body-hide">').html(bodyHtml);
      $block.append($caption, $body);
      const $elements = $('#widgets_block .card-widgets__elements');
      // Drawing again replaces the block (a re-entrant render must not stack blocks).
      $elements.children(`.card-widgets__widget-${code}`).remove();
      $elements.append($block);
      $('#widgets_block .card-widgets__placeholder').remove();
      return $block;
    },
    $authorizedAjax(settings?: JQuery.AjaxSettings): JQuery.Promise<unknown> {
      return authorizedAjax(state, settings);
    },
    crm_post(_url: string, _data: unknown, _success: unknown, _type: unknown, error?: (err: unknown) => void): void {
      // The demo host has no Kommo proxy; the widget must not need it.
      state.errors.push('crm_post called (not available on the demo host)');
      if (typeof error === 'function') error(new Error('crm_post is not available'));
    },
  };
}
