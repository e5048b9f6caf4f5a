// The bench's yardstick: the same job as our widget's card panel (show the cached
// status in the sidebar block at render time) written as the smallest plain AMD widget
// Kommo documents, with no framework, no checks and no cleanup beyond its own node.
define(['jquery'], function () {
  return function BareWidget() {
    var self = this;
    var node = null;
    this.callbacks = {
      render: function () {
        var area = typeof self.system === 'function' ? self.system().area : '';
        if (area !== 'lcard' && area !== 'ccard' && area !== 'comcard') return true;
        var cached = null;
        try {
          cached = JSON.parse(window.localStorage.getItem('bare-widget:status') || 'null');
        } catch {
          cached = null;
        }
        self.render_template({ caption: { class_name: 'bare-caption' }, body: '', render: '<div class="bytegpt-health-root"></div>' });
        node = document.querySelector('.card-widgets__widget-' + self.params.widget_code + ' .bytegpt-health-root');
        if (node) node.setAttribute('data-bytegpt-health', (cached && cached.status) || 'checking');
        return true;
      },
      init: function () { return true; },
      bind_actions: function () { return true; },
      settings: function () { return true; },
      onSave: function () { return true; },
      destroy: function () {
        if (node && node.parentNode) node.parentNode.removeChild(node);
        node = null;
      }
    };
    return this;
  };
});
