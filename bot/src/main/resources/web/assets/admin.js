// Staff pages: the live preview of an FAQ answer as it will look in Telegram. Text from the server is always
// inserted with textContent, never as HTML.
(function () {
  'use strict';
  var form = document.getElementById('faq-form');
  if (!form) { return; }
  var first = document.getElementById('preview-first');
  var details = document.getElementById('preview-details');
  var buttons = document.getElementById('preview-buttons');
  var timer = null;

  function fill(target, spans) {
    target.textContent = '';
    spans.forEach(function (span) {
      var node = span.bold ? document.createElement('strong') : document.createTextNode(span.text);
      if (span.bold) { node.textContent = span.text; }
      target.appendChild(node);
    });
  }

  function refresh() {
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-preview'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body,
      credentials: 'same-origin'
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (preview) {
      if (!preview) { return; }
      fill(first, preview.firstScreen);
      fill(details, preview.details);
      buttons.textContent = '';
      preview.buttons.forEach(function (label) {
        var element = document.createElement('span');
        element.className = 'button';
        element.textContent = label;
        buttons.appendChild(element);
      });
    }).catch(function () { /* offline: the preview refreshes on the next change */ });
  }

  form.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  });
}());
