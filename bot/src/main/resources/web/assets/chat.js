// Web chat client: talks to GET /api/chat/history and POST/GET /api/chat/messages. Text is always inserted
// as text (textContent, text nodes), never as HTML, so nothing a user, a consultant or an admin writes can
// run in the page; http(s) addresses in bot messages become <a> elements built the same way.
// Plain ES5 on purpose: the users' phones are often old and cheap.
(function () {
  'use strict';
  var SESSION_KEY = 'klinik.chat.session';
  var LAST_ID_KEY = 'klinik.chat.lastId';
  var POLL_MS = 5000;
  var HISTORY_LIMIT = 50;
  var TEXT = {
    loading: 'Memuat percakapan…',
    sending: 'Mengirim…',
    waitLoading: 'Mohon tunggu, percakapan sedang dimuat…',
    waitSending: 'Mohon tunggu, pesan sebelumnya masih dikirim…',
    loadFailed: 'Percakapan belum bisa dimuat. Kami coba lagi sebentar lagi…',
    offline: 'Koneksi terputus. Pesan belum terkirim, silakan coba lagi.',
    serverError: 'Maaf, terjadi gangguan di server. Pesan belum terkirim, silakan coba lagi.',
    refused: 'Maaf, pesan belum terkirim. Silakan coba lagi.',
    unsent: 'Belum terkirim'
  };

  var log = document.getElementById('log');
  var statusLine = document.getElementById('status');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var sendButton = document.getElementById('send');
  var busy = false;
  var waitNotice = '';
  var shownIds = {};

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

  function setLastId(id) {
    lastId = id;
    storage(LAST_ID_KEY, String(lastId));
  }

  function scrollDown() { log.parentNode.scrollTop = log.parentNode.scrollHeight; }

  function removeElement(element) {
    if (element && element.parentNode) { element.parentNode.removeChild(element); }
  }

  // ---- links ---------------------------------------------------------------------------------------------

  var URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;

  function count(text, character) { return text.split(character).length - 1; }

  /** Drops punctuation that ends a sentence rather than the address; keeps a ')' that closes a '(' in it. */
  function trimAddress(address) {
    while (address.length) {
      var last = address.charAt(address.length - 1);
      if (last === ')') {
        if (count(address, '(') >= count(address, ')')) { break; }
      } else if ('.,;:!?\'"]}>*'.indexOf(last) < 0) {
        break;
      }
      address = address.slice(0, -1);
    }
    return address;
  }

  /** The address to link to, only for http and https; null for anything else. */
  function safeHref(address) {
    if (!/^https?:\/\/[^\/\s]/i.test(address)) { return null; }
    if (typeof window.URL !== 'function') { return address; }
    try {
      var url = new window.URL(address);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Appends text, turning http(s) addresses into links that open in a new tab. */
  function appendWithLinks(parent, text) {
    var position = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var address = trimAddress(match[0]);
      var href = safeHref(address);
      if (!href) { continue; }
      if (match.index > position) {
        parent.appendChild(document.createTextNode(text.slice(position, match.index)));
      }
      var link = document.createElement('a');
      link.href = href;
      link.textContent = address;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      parent.appendChild(link);
      position = match.index + address.length;
      URL_PATTERN.lastIndex = position;
    }
    if (position < text.length) {
      parent.appendChild(document.createTextNode(text.slice(position)));
    }
  }

  // ---- bubbles -------------------------------------------------------------------------------------------

  function addUserBubble(text) {
    var item = document.createElement('li');
    item.className = 'msg user';
    item.textContent = text;
    log.appendChild(item);
    scrollDown();
    return item;
  }

  function addError(text) {
    var item = document.createElement('li');
    item.className = 'msg error';
    item.setAttribute('role', 'alert');
    item.textContent = text;
    log.appendChild(item);
    scrollDown();
  }

  function addBotMessage(message, from) {
    var item = document.createElement('li');
    item.className = 'msg bot' + (from === 'consultant' ? ' consultant' : '');
    var body = document.createElement('div');
    body.className = 'text';
    appendWithLinks(body, String(message.text || ''));
    item.appendChild(body);
    if (message.buttons && message.buttons.length) {
      var row = document.createElement('div');
      row.className = 'buttons';
      message.buttons.forEach(function (button) {
        var element = document.createElement('button');
        element.type = 'button';
        element.textContent = button.label;
        element.addEventListener('click', function () {
          if (element.disabled) { return; }
          if (busy) { statusLine.textContent = waitNotice; return; }
          send({ button: button.payload }, { shownAs: button.label });
        });
        row.appendChild(element);
      });
      item.appendChild(row);
    }
    log.appendChild(item);
  }

  /** Only the newest bot message's buttons can be pressed, and none while something is being sent. */
  function refreshButtons() {
    var messages = log.querySelectorAll('.msg.bot');
    for (var i = 0; i < messages.length; i++) {
      var newest = i === messages.length - 1;
      var buttons = messages[i].querySelectorAll('.buttons button');
      for (var j = 0; j < buttons.length; j++) { buttons[j].disabled = !newest || busy; }
    }
  }

  function showMessages(messages) {
    messages.forEach(function (message) {
      if (message.id && shownIds[message.id]) { return; }
      addBotMessage(message, message.from || 'bot');
      if (message.id) {
        shownIds[message.id] = true;
        if (message.id > lastId) { setLastId(message.id); }
      }
    });
    refreshButtons();
    scrollDown();
  }

  /** The conversation so far; the greeting /start the page sent itself is not shown, as it was not then. */
  function showHistory(entries) {
    var newest = 0;
    entries.forEach(function (entry) {
      if (entry.id) { shownIds[entry.id] = true; newest = Math.max(newest, entry.id); }
      if (entry.from === 'user') {
        if (entry.text !== '/start') { addUserBubble(String(entry.text || '')); }
      } else {
        addBotMessage(entry, entry.from);
      }
    });
    setLastId(newest);
    refreshButtons();
    scrollDown();
  }

  // ---- talking to the server -----------------------------------------------------------------------------

  function setBusy(value, status, notice) {
    busy = value;
    waitNotice = value ? notice : '';
    statusLine.textContent = value ? status : '';
    sendButton.classList.toggle('busy', value);
    sendButton.setAttribute('aria-disabled', String(value));
    log.setAttribute('aria-busy', String(value));
    refreshButtons();
  }

  /** Resolves to {ok, status, data} for any answer; rejects only when the network failed. */
  function request(url, options) {
    return window.fetch(url, options).then(function (response) {
      return response.text().then(function (raw) {
        var data = null;
        try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
        return { ok: response.ok, status: response.status, data: data || {} };
      });
    });
  }

  function errorText(result) {
    if (typeof result.data.error === 'string' && result.data.error) { return result.data.error; }
    return result.status >= 500 ? TEXT.serverError : TEXT.refused;
  }

  function post(body) {
    body.session = session;
    return request('/api/chat/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    });
  }

  /**
   * Sends a typed text or a pressed button. shown.shownAs is put in a bubble at once; shown.typed is the text
   * to give back to the input if sending fails. Resolves to true when the server answered 200.
   */
  function send(body, shown) {
    var bubble = shown.shownAs ? addUserBubble(shown.shownAs) : null;
    setBusy(true, TEXT.sending, TEXT.waitSending);
    return post(body).then(function (result) {
      if (!result.ok) { return errorText(result); }
      showMessages(result.data.messages || []);
      return null;
    }, function () {
      return TEXT.offline;
    }).then(function (failure) {
      setBusy(false);
      if (failure === null) { return true; }
      if (shown.typed !== undefined && input.value.trim() === '') {
        input.value = shown.typed;       // nothing new was typed meanwhile: give the text back
        removeElement(bubble);
      } else if (shown.typed === undefined) {
        removeElement(bubble);           // a button: it can simply be pressed again
      } else if (bubble) {
        bubble.classList.add('unsent');  // the user typed on: keep the unsent text visible to copy
        var note = document.createElement('span');
        note.className = 'note';
        note.textContent = TEXT.unsent;
        bubble.appendChild(note);
      }
      addError(failure);
      return false;
    });
  }

  function submitTyped() {
    if (busy) { statusLine.textContent = waitNotice; return; }
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    send({ text: text }, { shownAs: text, typed: text });
  }

  function poll() {
    if (document.hidden || busy) { return; }
    request('/api/chat/messages?session=' + encodeURIComponent(session) + '&after=' + lastId)
      .then(function (result) { if (result.ok && !busy) { showMessages(result.data.messages || []); } })
      .catch(function () { /* offline: try again at the next tick */ });
  }

  /** Shows the conversation so far; greets only a chat that has none. Retries until it has worked. */
  function start() {
    setBusy(true, TEXT.loading, TEXT.waitLoading);
    request('/api/chat/history?session=' + encodeURIComponent(session) + '&limit=' + HISTORY_LIMIT)
      .then(function (result) {
        if (!result.ok) { throw new Error('history ' + result.status); }
        var entries = result.data.messages || [];
        showHistory(entries);
        if (entries.length) { return true; }
        setBusy(false);
        return send({ text: '/start' }, {});
      })
      .then(function (started) {
        if (!started) { throw new Error('greeting not sent'); }
        setBusy(false);
        window.setInterval(poll, POLL_MS);
      })
      .catch(function () {
        setBusy(true, TEXT.loadFailed, TEXT.waitLoading);
        window.setTimeout(start, POLL_MS);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submitTyped();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitTyped();
    }
  });

  start();
}());
