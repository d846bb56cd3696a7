// Web chat client: talks to POST/GET /api/chat/messages. Text is always inserted with textContent,
// never as HTML, so nothing a user or an admin writes can run in the page.
(function () {
  'use strict';
  var SESSION_KEY = 'klinik.chat.session';
  var LAST_ID_KEY = 'klinik.chat.lastId';
  var POLL_MS = 5000;

  var log = document.getElementById('log');
  var statusLine = document.getElementById('status');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var sendButton = document.getElementById('send');
  var busy = false;

  function newSessionId() {
    var bytes = new Uint8Array(16); // 128 random bits
    window.crypto.getRandomValues(bytes);
    var text = '';
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function storage(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      window.localStorage.setItem(key, value);
    } catch (e) { /* private mode: the chat still works for this page view */ }
    return null;
  }

  var session = storage(SESSION_KEY);
  var isNewSession = !session || !/^[A-Za-z0-9_-]{16,64}$/.test(session);
  if (isNewSession) { session = newSessionId(); storage(SESSION_KEY, session); }
  var lastId = Number(storage(LAST_ID_KEY)) || 0;

  function scrollDown() { log.parentNode.scrollTop = log.parentNode.scrollHeight; }

  function addBubble(kind, text) {
    var item = document.createElement('li');
    item.className = 'msg ' + kind;
    item.textContent = text;
    log.appendChild(item);
    scrollDown();
    return item;
  }

  function showMessages(messages) {
    messages.forEach(function (message) {
      if (message.id && message.id <= lastId) { return; }
      var item = addBubble('bot', message.text);
      if (message.buttons && message.buttons.length) {
        var row = document.createElement('div');
        row.className = 'buttons';
        message.buttons.forEach(function (button) {
          var element = document.createElement('button');
          element.type = 'button';
          element.textContent = button.label;
          element.addEventListener('click', function () {
            send({ button: button.payload }, button.label);
          });
          row.appendChild(element);
        });
        item.appendChild(row);
      }
      if (message.id) { lastId = Math.max(lastId, message.id); storage(LAST_ID_KEY, String(lastId)); }
    });
    scrollDown();
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    statusLine.textContent = value ? 'Mengirim…' : '';
  }

  function send(body, shownAs) {
    if (busy) { return; }
    body.session = session;
    if (shownAs) { addBubble('user', shownAs); }
    setBusy(true);
    fetch('/api/chat/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) { addBubble('error', result.data.error || 'Pesan tidak terkirim.'); return; }
      showMessages(result.data.messages || []);
    }).catch(function () {
      addBubble('error', 'Koneksi terputus. Pesan belum terkirim, silakan coba lagi.');
    }).then(function () { setBusy(false); });
  }

  function poll() {
    if (document.hidden || busy) { return; }
    fetch('/api/chat/messages?session=' + encodeURIComponent(session) + '&after=' + lastId)
      .then(function (response) { return response.ok ? response.json() : { messages: [] }; })
      .then(function (data) { showMessages(data.messages || []); })
      .catch(function () { /* offline: try again at the next tick */ });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    send({ text: text }, text);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  if (isNewSession || lastId === 0) {
    send({ text: '/start' });
  } else {
    send({ text: '/menu' });
  }
  window.setInterval(poll, POLL_MS);
}());
