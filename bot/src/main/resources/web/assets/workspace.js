// The consultants' case page: fetches the case's new messages every few seconds and appends them, as text
// only (textContent), so whatever a user typed is never read as HTML.
(function () {
  'use strict';
  var POLL_MS = 4000;
  var list = document.getElementById('transcript');
  if (!list) { return; }
  var number = list.getAttribute('data-case');

  function lastId() {
    var items = list.querySelectorAll('li[data-id]');
    return items.length ? items[items.length - 1].getAttribute('data-id') : '0';
  }

  function add(message) {
    var item = document.createElement('li');
    item.className = 'from-' + message.from;
    item.setAttribute('data-id', String(message.id));
    var meta = document.createElement('small');
    var who = message.from === 'user' ? 'Pengguna' : (message.from === 'consultant' ? 'Petugas' : 'Bot');
    meta.textContent = who + ' · ' + message.at;
    var body = document.createElement('div');
    body.className = 'pre';
    body.textContent = message.text;
    item.appendChild(meta);
    item.appendChild(body);
    list.appendChild(item);
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open('GET', '/api/consultant/cases/' + encodeURIComponent(number) + '/messages?after=' + lastId());
    request.onload = function () {
      if (request.status !== 200) { return; }
      JSON.parse(request.responseText).messages.forEach(add);
    };
    request.send();
  }

  window.setInterval(poll, POLL_MS);
}());
