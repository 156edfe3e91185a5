/**
 * The web harness's stand-in for the Electron preload: the same `window.teduh`
 * shape (call, subscribe, files), over HTTP. Like the Electron main process, it keeps the
 * session token out of page-visible results; it lives only in this closure, so a
 * reload (the idle lock) forgets it.
 */
export const bridgeScript = String.raw`(() => {
  'use strict';
  let token = null;
  let events = null;
  const listeners = new Set();
  const unavailable = { ok: false, error: { code: 'UNAVAILABLE', message: 'Tidak dapat menghubungi layanan Teduh.' } };

  async function listen(myToken) {
    const ctrl = new AbortController();
    events = ctrl;
    try {
      const res = await fetch('./api/events', { headers: { Authorization: 'Bearer ' + myToken }, signal: ctrl.signal });
      if (!res.ok || !res.body) return;
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += decoder.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const chunk = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!chunk.startsWith('data: ')) continue;
          const event = JSON.parse(chunk.slice(6));
          for (const l of listeners) { try { l(event); } catch (e) { console.error(e); } }
        }
      }
    } catch (_) { /* aborted or closed */ }
  }

  function forget() {
    token = null;
    if (events) { events.abort(); events = null; }
  }

  async function call(method, input) {
    let envelope;
    try {
      const res = await fetch('./api/' + encodeURIComponent(method), {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { Authorization: 'Bearer ' + token } : {}),
        body: JSON.stringify(input === undefined ? {} : input),
      });
      envelope = await res.json();
    } catch (_) {
      return unavailable;
    }
    if (envelope && envelope.ok && envelope.value && typeof envelope.value.token === 'string') {
      forget();
      token = envelope.value.token;
      const value = Object.assign({}, envelope.value);
      delete value.token;
      listen(token);
      return { ok: true, value };
    }
    if (method === 'auth.logout' || method === 'auth.lock') forget();
    if (envelope && !envelope.ok && envelope.error && envelope.error.code === 'UNAUTHENTICATED') forget();
    return envelope;
  }

  async function files(op, args) {
    let envelope;
    try {
      const res = await fetch('./files/' + encodeURIComponent(op), {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { Authorization: 'Bearer ' + token } : {}),
        body: JSON.stringify(args === undefined ? {} : args),
      });
      envelope = await res.json();
    } catch (_) {
      return unavailable;
    }
    if (envelope && !envelope.ok && envelope.error && envelope.error.code === 'UNAUTHENTICATED') forget();
    return envelope;
  }

  Object.defineProperty(window, 'teduh', {
    value: Object.freeze({
      call,
      subscribe(listener) { listeners.add(listener); return () => { listeners.delete(listener); }; },
      files: Object.freeze({ call: files }),
    }),
    writable: false,
    configurable: false,
  });
})();
`;
