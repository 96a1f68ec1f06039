// Luister chat widget: <script src="https://<luister>/widget.js" data-luister="<slug>" async></script>
// One file, no framework, no dependencies. It lives in a shadow root (the host page's styles do not
// reach it), speaks the page's language (Dutch unless <html lang="en…">), shows messages as text only,
// and keeps a "talk to a person" button in view. Every chat entry has a number; after a lost
// connection the widget asks for what came after the last number it has: nothing missed, nothing twice.
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-luister]');
  if (!script || window.__luisterChat) return;
  window.__luisterChat = true;
  var slug = script.getAttribute('data-luister');
  var base = new URL(script.src, location.href).origin + '/api/public/v1/chat/' + encodeURIComponent(slug);
  var site = new URL(script.src, location.href).origin;
  var en = /^en/i.test(document.documentElement.lang || '');
  var T = en
    ? { open: 'Chat with us', title: 'Chat', close: 'Close chat', person: 'Talk to a person', label: 'Your message', send: 'Send',
        you: 'You', us: 'Us', hello: 'Hello! Ask your question, or talk to a person straight away.', coming: 'A person will join you shortly.',
        nobody: 'Nobody can answer right now.', book: 'Book a callback', leave: 'or leave a message here: we answer as soon as we are back.',
        want: 'I would like to talk to a person.', bot: 'Automatic answer', offline: 'Connection lost, reconnecting…', failed: 'Sending failed; trying again…' }
    : { open: 'Chat met ons', title: 'Chat', close: 'Chat sluiten', person: 'Praat met een medewerker', label: 'Uw bericht', send: 'Versturen',
        you: 'U', us: 'Wij', hello: 'Hallo! Stel uw vraag, of praat meteen met een medewerker.', coming: 'Een medewerker komt zo bij u.',
        nobody: 'Er is nu niemand beschikbaar.', book: 'Plan een terugbelafspraak', leave: 'of laat hier een bericht achter: we antwoorden zodra we er weer zijn.',
        want: 'Ik wil graag een medewerker spreken.', bot: 'Automatisch antwoord', offline: 'Verbinding verbroken, opnieuw verbinden…', failed: 'Versturen mislukt; we proberen het opnieuw…' };
  var KEY = 'luister-chat:' + slug;
  var state = load();
  var cursor = 0; // the highest entry number shown in this page
  var streaming = false;
  var retry = 0;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || '{}'); } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: the chat lasts the page */ }
  }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (text) n.textContent = text;
    return n;
  }
  function id() {
    var a = new Uint8Array(12);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  var host = el('div', { 'data-luister-widget': '' });
  var root = host.attachShadow({ mode: 'open' });
  var style = el('style');
  style.textContent =
    ':host{all:initial}*{box-sizing:border-box;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
    '.launch,button{background:#17603a;color:#fff;border:2px solid #17603a;border-radius:6px;padding:.5rem 1rem;cursor:pointer}' +
    '.launch{position:fixed;right:1rem;bottom:1rem;z-index:2147483000}' +
    'button:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #b3400a;outline-offset:2px}' +
    '.panel{position:fixed;right:1rem;bottom:1rem;z-index:2147483001;width:min(24rem,calc(100vw - 2rem));height:min(34rem,calc(100vh - 2rem));' +
    'display:flex;flex-direction:column;background:#fff;color:#1d2733;border:1px solid #56606b;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.25)}' +
    '.panel[hidden]{display:none}header{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;padding:.5rem .75rem;border-bottom:1px solid #c9d1d9}' +
    'h2{margin:0;font-weight:700;flex:1}.close{background:#fff;color:#1d2733;border-color:#56606b}' +
    '.person{width:100%}.log{flex:1;overflow:auto;padding:.75rem;margin:0;}.log p{margin:0 0 .5rem;white-space:pre-wrap;overflow-wrap:anywhere}' +
    '.who{font-weight:700;margin-right:.25rem}.bot{margin:0 0 .5rem;padding:.4rem;border-left:4px solid #56606b;background:#f3f5f7}.bot ul{margin:.25rem 0;padding-left:1.25rem}.bot a{color:#0b4f8a}.status{padding:0 .75rem;color:#4a5560;min-height:1.5rem}.status a{color:#0b4f8a}' +
    'form{display:flex;flex-direction:column;gap:.25rem;padding:.5rem .75rem;border-top:1px solid #c9d1d9}label{font-weight:600}' +
    'textarea{width:100%;min-height:3.5rem;border:2px solid #56606b;border-radius:4px;padding:.4rem;resize:vertical}';
  var launch = el('button', { type: 'button', 'class': 'launch', 'aria-expanded': 'false', 'aria-controls': 'luister-panel' }, T.open);
  var panel = el('div', { id: 'luister-panel', 'class': 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'luister-title', hidden: '' });
  var head = el('header');
  var title = el('h2', { id: 'luister-title' }, T.title);
  var close = el('button', { type: 'button', 'class': 'close', 'aria-label': T.close }, '×');
  var person = el('button', { type: 'button', 'class': 'person' }, T.person);
  head.append(title, close, person);
  // focusable: a keyboard user scrolls a long conversation with the arrow keys
  var log = el('div', { 'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-label': T.title, tabindex: '0' });
  var status = el('p', { 'class': 'status', role: 'status' });
  // the acknowledgement of a new chat: its case reference and when the visitor hears from us at the latest
  var ack = el('p', { 'class': 'status ack', role: 'status' }, state.ack || '');
  var form = el('form');
  var label = el('label', { 'for': 'luister-text' }, T.label);
  var text = el('textarea', { id: 'luister-text', maxlength: '4000', rows: '2' });
  var send = el('button', { type: 'submit' }, T.send);
  form.append(label, text, send);
  panel.append(head, log, ack, status, form);
  root.append(style, launch, panel);
  (document.body || document.documentElement).appendChild(host);

  function say(kind, body, author) {
    var li = el('p');
    li.append(el('span', { 'class': 'who' }, (kind === 'visitor' ? T.you : kind === 'bot' ? T.bot : author || T.us) + ':'), document.createTextNode(body));
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
  }
  // the knowledge-base bot's answer, marked as automatic: its "• title: /help/…" lines become links to the help centre
  function bot(body) {
    var box = el('div', { 'class': 'bot' }), list = el('ul'), rest = [];
    box.append(el('span', { 'class': 'who' }, T.bot + ':'));
    body.split('\n').forEach(function (line) {
      var m = /^• (.+): (\/help\/\S+)$/.exec(line);
      if (!m) return rest.push(line);
      var li = el('li');
      li.append(el('a', { href: site + m[2], target: '_blank', rel: 'noopener' }, m[1]));
      list.append(li);
    });
    // the first line names itself automatic for the case timeline; here the label above says it
    box.append(document.createTextNode((rest.shift() || '').replace(T.bot + ': ', '')), list, document.createTextNode(rest.join(' ')));
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
  }
  function show(entry) {
    if (entry.seq <= cursor) return; // already shown: never twice
    cursor = entry.seq;
    if (entry.from === 'bot') bot(entry.body);
    else say(entry.from, entry.body, entry.author);
  }

  function open() {
    panel.hidden = false;
    launch.hidden = true;
    launch.setAttribute('aria-expanded', 'true');
    if (!log.children.length && !state.token) say('agent', T.hello);
    text.focus();
    if (state.token) connect();
  }
  function shut() {
    panel.hidden = true;
    launch.hidden = false;
    launch.setAttribute('aria-expanded', 'false');
    launch.focus();
  }
  launch.addEventListener('click', open);
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') return shut();
    if (e.key !== 'Tab') return;
    // focus stays in the dialog while it is open
    var links = function (n) { return Array.prototype.slice.call(n.querySelectorAll('a')); };
    var items = [close, person, log].concat(links(log), [text, send], links(status));
    var i = items.indexOf(root.activeElement);
    if (e.shiftKey && i <= 0) { e.preventDefault(); items[items.length - 1].focus(); }
    else if (!e.shiftKey && i === items.length - 1) { e.preventDefault(); items[0].focus(); }
  });

  function headers() {
    var h = { 'content-type': 'application/json' };
    if (state.token) h['x-luister-chat'] = state.token;
    return h;
  }
  function post(path, body) {
    return fetch(base + path, { method: 'POST', headers: headers(), body: JSON.stringify(body || {}), credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
  }
  // the same client id on every retry: the server stores a message once
  function deliver(body, clientId, tries, person) {
    return post('/messages', { client_id: clientId, body: body, lang: en ? 'en' : 'nl', person: !!person }).then(function (r) {
      if (!state.token) { state.token = r.token; state.ack = r.ack || ''; ack.textContent = state.ack; save(); }
      // clear only our own notice: setting textContent would also drop a callback link shown meanwhile
      if (status.textContent === T.failed) status.textContent = '';
      connect();
      return r;
    }, function () {
      status.textContent = T.failed;
      if (tries < 5) return new Promise(function (ok) { setTimeout(ok, 1000 * (tries + 1)); }).then(function () { return deliver(body, clientId, tries + 1, person); });
      throw new Error('send failed');
    });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = text.value.trim();
    if (!body) return;
    text.value = '';
    deliver(body, id(), 0);
  });
  person.addEventListener('click', function () {
    var ready = state.token ? Promise.resolve() : deliver(T.want, id(), 0, true);
    ready.then(function () { return post('/person'); }).then(function (r) {
      status.textContent = '';
      if (r.available) { status.textContent = T.coming; return; }
      status.append(document.createTextNode(T.nobody + ' '));
      if (r.callback_url) {
        var a = el('a', { href: site + r.callback_url + '?lang=' + (en ? 'en' : 'nl'), target: '_blank', rel: 'noopener' }, T.book);
        status.append(a, document.createTextNode(' '));
      }
      status.append(document.createTextNode(T.leave));
    });
  });

  // server-sent events over fetch (a header can carry the token; EventSource cannot), resumed after the cursor
  function connect() {
    if (streaming || !state.token) return;
    streaming = true;
    fetch(base + '/stream?after=' + cursor, { headers: headers(), credentials: 'omit' }).then(function (r) {
      if (r.status === 404) { state = {}; ack.textContent = ''; save(); throw new Error('ended'); }
      if (!r.ok || !r.body) throw new Error(String(r.status));
      retry = 0;
      if (status.textContent === T.offline) status.textContent = '';
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buf = '';
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error('closed');
          buf += decoder.decode(chunk.value, { stream: true });
          var at;
          while ((at = buf.indexOf('\n\n')) >= 0) {
            var block = buf.slice(0, at);
            buf = buf.slice(at + 2);
            var ev = /^event: (.*)$/m.exec(block), data = /^data: (.*)$/m.exec(block);
            if (ev && data && ev[1] === 'entry') show(JSON.parse(data[1]));
          }
          return read();
        });
      }
      return read();
    }).catch(function (err) {
      streaming = false;
      if (err && err.message === 'ended') return;
      status.textContent = T.offline;
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 500 * retry);
    });
  }
  window.addEventListener('online', connect);
  // a conversation survives a page reload: open on the same chat when there is one
  if (state.token && state.open) open();
  launch.addEventListener('click', function () { state.open = true; save(); });
  close.addEventListener('click', function () { state.open = false; save(); });
})();
