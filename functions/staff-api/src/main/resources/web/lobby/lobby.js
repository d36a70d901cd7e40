// Vuoro lobby screen: which ticket is called to which desk, latest first. Public, ticket codes and
// desks only. Polls every two seconds with the ETag, so an unchanged screen costs a bodiless 304.
(function () {
  'use strict';

  const POLL_MS = 2000;
  const FRESH_MS = 10000;
  const CURSOR_MS = 3000;

  const calls = document.getElementById('calls');
  const idle = document.getElementById('idle');
  const siteName = document.getElementById('site-name');
  const clockText = document.getElementById('clock');
  const notice = document.getElementById('notice');
  const announce = document.getElementById('announce');
  const screen = document.getElementById('screen');

  const site = (new URLSearchParams(location.search).get('site') || '').trim();
  let etag = null;
  let shown = [];
  let seen = null;
  const freshUntil = new Map();
  let lastOk = Date.now();
  let freshTimer = null;

  function key(call) {
    return call.code + '|' + call.desk + '|' + call.calledAt;
  }

  function render() {
    const now = Date.now();
    for (const [k, until] of freshUntil) {
      if (until <= now) {
        freshUntil.delete(k);
      }
    }
    const items = shown.map((call, index) => {
      const item = document.createElement('li');
      item.className = 'call' + (freshUntil.has(key(call)) ? ' fresh' : '');
      item.dataset.testid = 'call-' + call.code;
      item.dataset.code = call.code;
      item.dataset.desk = call.desk;

      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = call.code;

      const arrow = document.createElement('span');
      arrow.className = 'arrow';
      arrow.setAttribute('aria-hidden', 'true');
      arrow.textContent = '→';

      const deskBox = document.createElement('span');
      deskBox.className = 'desk-box';
      const label = document.createElement('span');
      label.className = 'desk-label';
      label.setAttribute('aria-hidden', 'true');
      label.textContent = index === 0 ? 'Tiski · Desk' : 'Tiski';
      const desk = document.createElement('span');
      desk.className = 'desk';
      desk.textContent = call.desk;
      deskBox.append(label, desk);

      const spoken = document.createElement('span');
      spoken.className = 'visually-hidden';
      spoken.textContent = ', desk ';
      item.append(code, arrow, spoken, deskBox);
      return item;
    });
    calls.replaceChildren(...items);
    idle.hidden = shown.length > 0;

    clearTimeout(freshTimer);
    if (freshUntil.size) {
      const next = Math.min(...freshUntil.values()) - now;
      freshTimer = setTimeout(render, Math.max(50, next));
    }
  }

  function accept(view) {
    if (view.siteName) {
      siteName.textContent = view.siteName;
      document.title = view.siteName + ' – Vuoro';
    }
    const incoming = Array.isArray(view.calls) ? view.calls : [];
    const keys = new Set(incoming.map(key));
    if (seen) {
      const arrived = incoming.filter((call) => !seen.has(key(call)));
      for (const call of arrived) {
        freshUntil.set(key(call), Date.now() + FRESH_MS);
      }
      if (arrived.length) {
        announce.textContent = arrived.map((call) => call.code + ', desk ' + call.desk).join('. ');
      }
    }
    seen = keys;
    shown = incoming;
    render();
  }

  async function poll() {
    if (!site) {
      problem('This screen needs its site in the address, e.g. /lobby/index.html?site=demo');
      return;
    }
    try {
      const response = await fetch('/lobby/api/sites/' + encodeURIComponent(site) + '/calls', {
        cache: 'no-store',
        headers: Object.assign({ Accept: 'application/json' }, etag ? { 'If-None-Match': etag } : {})
      });
      if (response.status === 200) {
        etag = response.headers.get('ETag');
        accept(await response.json());
        problem('');
        say('');
      } else if (response.status === 304) {
        say('');
      } else {
        let message = 'The screen could not be updated (' + response.status + ').';
        try {
          const json = await response.json();
          if (json && json.error) {
            message = json.error;
          }
        } catch (e) {
          // keep the generic message
        }
        if (response.status === 404) {
          problem(message + '. Check the site in the address.');
        } else {
          say(message);
        }
      }
      if (response.ok || response.status === 304) {
        lastOk = Date.now();
      }
    } catch (e) {
      if (Date.now() - lastOk > 10000) {
        say('No connection. Trying again…');
      }
    }
    setTimeout(poll, POLL_MS);
  }

  // A screen set up wrong says so in place of the calls, large enough to notice across the room.
  function problem(message) {
    const line = document.getElementById('problem');
    line.textContent = message;
    line.hidden = !message;
    idle.classList.toggle('has-problem', Boolean(message));
  }

  function say(message) {
    if (notice.textContent !== message) {
      notice.textContent = message;
    }
  }

  function tick() {
    clockText.textContent = new Date().toLocaleTimeString('fi-FI', { hour: '2-digit', minute: '2-digit' });
  }

  // A TV shows no mouse pointer; a tablet or a TV stays awake where the browser allows it.
  let cursorTimer = null;
  function showCursor() {
    screen.classList.remove('idle-cursor');
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(() => screen.classList.add('idle-cursor'), CURSOR_MS);
  }

  async function keepAwake() {
    try {
      if ('wakeLock' in navigator && document.visibilityState === 'visible') {
        await navigator.wakeLock.request('screen');
      }
    } catch (e) {
      // not allowed here: the screen's own settings decide
    }
  }

  function toggleFullScreen() {
    if (!document.fullscreenElement && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => {});
    } else if (document.exitFullscreen) {
      document.exitFullscreen().catch(() => {});
    }
  }

  document.addEventListener('mousemove', showCursor);
  document.addEventListener('dblclick', toggleFullScreen);
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      toggleFullScreen();
    }
  });
  document.addEventListener('visibilitychange', keepAwake);

  tick();
  setInterval(tick, 5000);
  showCursor();
  keepAwake();
  render();
  poll();
}());
