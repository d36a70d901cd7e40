// Vuoro staff page: sign in, then run a site's live queue. Polls the queue every two seconds with
// its ETag (an unchanged queue costs a bodiless 304), and acts through the staff API.
import { api, serverNow, signedIn, startSession } from './session.js';
import {
  englishName, fillSelect, isolated, knownLanguages, language, languageOption, loadLanguages, node, offerSites, say,
  textSpan
} from './ui.js';
import {
  INTERPRETER_ACTIONS, accessibleName, afterAction, interpreterActions, interpreterKey, interpreterState,
  waitsForInterpreter
} from './ticket-interpreter.js';

const POLL_MS = 2000;
const HIDDEN_POLL_MS = 10000;
const NEW_HIGHLIGHT_MS = 8000;
const RECENT_FINISHED = 10;
const STORE = {
  site: 'vuoro.staff.site',
  desk: 'vuoro.staff.desk',
  topic: 'vuoro.staff.filterTopic',
  language: 'vuoro.staff.filterLanguage'
};
const STATUS_TEXT = { SERVED: 'Served', NO_SHOW: 'No-show', LEFT: 'Left the queue', REMOVED: 'Removed' };
const STATUS_CLASS = { SERVED: 'served', NO_SHOW: 'no-show', LEFT: 'left', REMOVED: 'removed' };

const $ = (id) => document.getElementById(id);
const el = {
  noSite: $('no-site'), main: $('main'), interpretersLink: $('interpreters-link'), reportsLink: $('reports-link'),
  sitesLink: $('sites-link'),
  siteChoice: $('site-choice'), siteChoiceLabel: $('site-choice-label'), siteName: $('site-name'),
  feedback: $('feedback'), myDesk: $('my-desk'), deskSuggestions: $('desk-suggestions'), deskToggle: $('desk-toggle'),
  myDeskState: $('my-desk-state'), callNext: $('call-next'), filterTopic: $('filter-topic'),
  filterLanguage: $('filter-language'), filterState: $('filter-state'), filters: $('filters'),
  calledList: $('called-list'), calledEmpty: $('called-empty'), calledCount: $('called-count'),
  waitingList: $('waiting-list'), waitingEmpty: $('waiting-empty'), waitingCount: $('waiting-count'),
  queueSummary: $('queue-summary'), interpreterNews: $('interpreter-news'), refreshed: $('refreshed'),
  finishedList: $('finished-list'), finishedEmpty: $('finished-empty'),
  walkInForm: $('walk-in-form'), walkInName: $('walk-in-name'), walkInLanguage: $('walk-in-language'),
  walkInTopic: $('walk-in-topic'), walkInAdd: $('walk-in-add'),
  cardDialog: $('card-dialog'), cardLanguage: $('card-language'), cardQr: $('card-qr'), cardLink: $('card-link'),
  cardPrint: $('card-print'), cardClose: $('card-close')
};

const state = {
  me: null,
  siteId: null,
  queue: null,
  etag: null,
  generation: 0,
  pollTimer: null,
  lastFresh: 0,
  knownWaiting: null,
  newSince: new Map(),
  // What each ticket's interpreter search was when last shown, to announce what changed.
  interpreterSeen: null,
  topicsShown: null,
  topicNames: null,
  busy: false,
  lastSummary: ''
};

function sitePath(suffix) {
  return '/staff/api/sites/' + encodeURIComponent(state.siteId) + suffix;
}

// ---------- the session: who, which site ----------

function signedInAs(me) {
  state.me = me;
  const sites = me.sites || [];
  if (sites.length === 0) {
    el.main.hidden = true;
    el.noSite.hidden = false;
    return;
  }
  el.noSite.hidden = true;
  // A link from another staff page (index.html?site=…) opens that site's queue.
  const asked = new URLSearchParams(location.search).get('site');
  const wanted = sites.some((s) => s.id === asked) ? asked : localStorage.getItem(STORE.site);
  el.sitesLink.hidden = !(me.coordinatorOf || []).length;
  chooseSite(offerSites(el.siteChoice, el.siteChoiceLabel, sites, wanted));
  el.main.hidden = false;
  el.myDesk.value = localStorage.getItem(STORE.desk) || '';
  (el.myDesk.value ? el.callNext : el.myDesk).focus();
  if (!el.myDesk.value) {
    say('Welcome, ' + me.username + '. Enter your desk to start calling visitors.', 'info');
  }
}

function signedOut() {
  stopPolling();
  el.main.hidden = true;
  el.noSite.hidden = true;
  el.interpretersLink.hidden = true;
  el.reportsLink.hidden = true;
  el.sitesLink.hidden = true;
  el.siteName.textContent = '';
  if (el.cardDialog.open) {
    el.cardDialog.close();
  }
}

function chooseSite(siteId) {
  state.siteId = siteId;
  state.queue = null;
  state.etag = null;
  state.knownWaiting = null;
  state.newSince.clear();
  state.interpreterSeen = null;
  state.topicsShown = null;
  state.lastSummary = '';
  el.siteChoice.value = siteId;
  localStorage.setItem(STORE.site, siteId);
  const summary = (state.me.sites || []).find((s) => s.id === siteId);
  el.siteName.textContent = summary ? summary.name : siteId;
  // Coordinators manage the site's interpreters and read its reports on their own pages.
  const coordinates = (state.me.coordinatorOf || []).includes(siteId);
  el.interpretersLink.hidden = !coordinates;
  el.interpretersLink.href = 'interpreters.html?site=' + encodeURIComponent(siteId);
  el.reportsLink.hidden = !coordinates;
  el.reportsLink.href = 'reports.html?site=' + encodeURIComponent(siteId);
  el.sitesLink.href = coordinates ? 'sites.html?site=' + encodeURIComponent(siteId) : 'sites.html';
  render();
  pollNow();
}

// ---------- polling ----------

function stopPolling() {
  state.generation++;
  clearTimeout(state.pollTimer);
  state.pollTimer = null;
}

function pollNow() {
  stopPolling();
  poll(state.generation);
}

async function poll(generation) {
  if (!signedIn() || !state.siteId) {
    return;
  }
  try {
    const headers = state.etag ? { 'If-None-Match': state.etag } : {};
    const response = await api('GET', sitePath('/queue'), undefined, headers);
    if (generation !== state.generation) {
      return;
    }
    if (response.status === 200) {
      const queue = await response.json();
      if (generation !== state.generation) {
        return;
      }
      state.etag = response.headers.get('ETag');
      state.queue = queue;
      render();
    }
    state.lastFresh = Date.now();
    if (el.feedback.dataset.connection === 'lost') {
      delete el.feedback.dataset.connection;
      say('Connection is back; the queue is up to date.', 'success');
    }
  } catch (e) {
    if (e.status === 401 || generation !== state.generation) {
      return;
    }
    if (e.status === 403 || e.status === 404) {
      say(e.message, 'error');
    } else if (el.feedback.dataset.connection !== 'lost' && Date.now() - state.lastFresh > 10000) {
      say('The queue could not be updated: ' + e.message, 'error');
      el.feedback.dataset.connection = 'lost';
    }
  }
  showFreshness();
  if (generation === state.generation) {
    state.pollTimer = setTimeout(() => poll(generation), document.hidden ? HIDDEN_POLL_MS : POLL_MS);
  }
}

function showFreshness() {
  if (!state.lastFresh) {
    el.refreshed.textContent = 'Loading the queue…';
    return;
  }
  const seconds = Math.round((Date.now() - state.lastFresh) / 1000);
  const stale = seconds > 15;
  el.refreshed.classList.toggle('stale', stale);
  el.refreshed.textContent = stale
    ? 'Not updated for ' + minutesOrSeconds(seconds) + '. Trying again…'
    : 'Updates by itself. Last checked ' + clock(new Date(state.lastFresh)) + '.';
}

function minutesOrSeconds(seconds) {
  return seconds < 90 ? seconds + ' s' : Math.round(seconds / 60) + ' min';
}

// ---------- rendering ----------

function render() {
  const queue = state.queue;
  const focusKey = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.focusKey : null;
  if (!queue) {
    el.waitingList.textContent = '';
    el.calledList.textContent = '';
    el.finishedList.textContent = '';
    el.waitingCount.textContent = '0';
    el.calledCount.textContent = '0';
    showFreshness();
    return;
  }
  el.siteName.textContent = queue.site.name;
  renderSiteOptions(queue.site);
  const tickets = queue.tickets || [];
  const waiting = tickets.filter((t) => t.status === 'WAITING');
  const called = tickets.filter((t) => t.status === 'CALLED');
  const finished = tickets.filter((t) => STATUS_TEXT[t.status])
    .sort((a, b) => String(b.finishedAt || '').localeCompare(String(a.finishedAt || '')))
    .slice(0, RECENT_FINISHED);

  trackNewArrivals(waiting);
  renderWaiting(waiting);
  renderCalled(called);
  renderFinished(finished);
  renderDesk();
  announceSummary(waiting, called);
  announceInterpreters(waiting.concat(called));
  document.title = '(' + waiting.length + ') ' + queue.site.name + ' – Vuoro';

  if (focusKey) {
    const again = document.querySelector('[data-focus-key="' + CSS.escape(focusKey) + '"]');
    if (again && again !== document.activeElement) {
      again.focus();
    } else if (!again && !el.main.hidden) {
      // The ticket the focus was on has moved on (served, called elsewhere): keep the keyboard in the queue.
      el.callNext.focus();
    }
  }
}

// Each topic: its word (what is sent), its name and, in the filter, how many wait for it.
function renderSiteOptions(site) {
  const topics = site.topics || [];
  state.topicNames = new Map(topics.map((t) => [t.word, t.name]));
  const key = topics.map((t) => t.word + ':' + t.waiting).join('|');
  if (state.topicsShown === key) {
    return;
  }
  state.topicsShown = key;
  fillSelect(el.filterTopic, [['', 'Any topic']].concat(topics.map((t) => [t.word, t.name + ' (' + t.waiting
    + ' waiting)'])), sessionStorage.getItem(STORE.topic) || el.filterTopic.value);
  fillSelect(el.walkInTopic, [['', 'No topic']].concat(topics.map((t) => [t.word, t.name])), el.walkInTopic.value);
  el.deskSuggestions.textContent = '';
  for (let i = 1; i <= (site.desks || 0); i++) {
    el.deskSuggestions.append(new Option(String(i), String(i)));
  }
  showFilter();
}

function topicName(word) {
  return (state.topicNames && state.topicNames.get(word)) || String(word);
}

function trackNewArrivals(waiting) {
  const numbers = new Set(waiting.map((t) => t.number));
  if (state.knownWaiting) {
    for (const number of numbers) {
      if (!state.knownWaiting.has(number)) {
        state.newSince.set(number, Date.now());
      }
    }
  }
  for (const [number, since] of state.newSince) {
    if (!numbers.has(number) || Date.now() - since > NEW_HIGHLIGHT_MS) {
      state.newSince.delete(number);
    }
  }
  state.knownWaiting = numbers;
}

function renderWaiting(waiting) {
  el.waitingCount.textContent = String(waiting.length);
  el.waitingEmpty.hidden = waiting.length > 0;
  const items = waiting.map((ticket, index) => {
    const item = ticketItem(ticket);
    const pos = document.createElement('span');
    pos.className = 'pos';
    pos.textContent = (index + 1) + '.';
    pos.setAttribute('aria-hidden', 'true');
    item.prepend(pos);
    if (state.newSince.has(ticket.number)) {
      item.classList.add('is-new');
    }
    const held = waitsForInterpreter(ticket);
    item.classList.toggle('held', held);
    item.querySelector('.actions').append(actionButton('Call', 'call', ticket, 'secondary',
      'Call ' + ticket.code + ' to my desk' + (held ? ' (their interpreter is not here yet)' : '')),
      removeButton(ticket));
    item.querySelector('.meta').prepend(timeSpan('waited', ticket.joinedAt));
    return item;
  });
  el.waitingList.replaceChildren(...items);
}

function renderCalled(called) {
  const desk = myDesk();
  const mine = (t) => desk && sameDesk(t.desk, desk);
  called.sort((a, b) => (mine(b) - mine(a)) || String(a.calledAt || '').localeCompare(String(b.calledAt || '')));
  el.calledCount.textContent = String(called.length);
  el.calledEmpty.hidden = called.length > 0;
  const items = called.map((ticket) => {
    const item = ticketItem(ticket);
    if (mine(ticket)) {
      item.classList.add('mine');
    }
    const deskBadge = textSpan('badge desk', 'Desk ' + (ticket.desk || '?'));
    deskBadge.dataset.testid = 'desk-of-' + ticket.code;
    item.querySelector('.who').append(deskBadge);
    item.querySelector('.meta').prepend(timeSpan('called', ticket.calledAt));
    item.querySelector('.actions').append(
      actionButton('Served', 'served', ticket, 'ok', 'Served: ' + ticket.code),
      actionButton('No-show', 'no-show', ticket, 'danger', 'No-show: ' + ticket.code),
      actionButton('Recall', 'recall', ticket, 'secondary', 'Recall ' + ticket.code + ' to desk ' + ticket.desk),
      actionButton('Back to queue', 'requeue', ticket, 'secondary', 'Put ' + ticket.code + ' back in the queue'),
      removeButton(ticket));
    return item;
  });
  el.calledList.replaceChildren(...items);
}

function renderFinished(finished) {
  el.finishedEmpty.hidden = finished.length > 0;
  const items = finished.map((ticket) => {
    const item = ticketItem(ticket);
    item.querySelector('.who').append(textSpan('badge ' + STATUS_CLASS[ticket.status], STATUS_TEXT[ticket.status]));
    if (ticket.finishedAt) {
      item.querySelector('.meta').prepend(textSpan('waited', clock(new Date(ticket.finishedAt))
        + (ticket.desk ? ', desk ' + ticket.desk : '')));
    }
    if (ticket.status === 'NO_SHOW') {
      item.querySelector('.actions').append(
        actionButton('Back to queue', 'requeue', ticket, 'secondary', 'Put ' + ticket.code + ' back in the queue'));
    } else if (ticket.status === 'SERVED' && ticket.walkInName) {
      // A walk-in has no phone for the feedback SMS: they get the link on paper.
      item.querySelector('.actions').append(actionButton('Feedback card', 'feedback-card', ticket, 'secondary',
        'Feedback card for ' + ticket.code));
    } else {
      item.querySelector('.actions').remove();
    }
    return item;
  });
  el.finishedList.replaceChildren(...items);
}

function ticketItem(ticket) {
  const item = document.createElement('li');
  item.className = 'ticket';
  item.dataset.testid = 'ticket-' + ticket.code;
  item.dataset.code = ticket.code;
  item.dataset.number = String(ticket.number);
  item.dataset.status = ticket.status;

  const who = document.createElement('div');
  who.className = 'who';
  const code = textSpan('code', ticket.code);
  code.dataset.testid = 'code';
  who.append(code);

  const actions = document.createElement('div');
  actions.className = 'actions';

  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.append(languageLabel(ticket));
  if (ticket.topic) {
    meta.append(textSpan('topic', ticket.topicName || topicName(ticket.topic)));
  }
  if (ticket.needsInterpreter) {
    const badge = textSpan('badge interpreter', 'Needs interpreter');
    badge.dataset.testid = 'needs-interpreter';
    meta.append(badge);
  }
  if (ticket.walkInName) {
    meta.append(node('span', { className: 'contact', dataset: { testid: 'walk-in-name' } },
      'Walk-in: ', isolated(ticket.walkInName)));
  } else if (ticket.phone) {
    const phone = textSpan('contact', ticket.phone);
    phone.dir = 'ltr';
    phone.title = 'Phone number, partly hidden';
    meta.append(phone);
  }
  if (ticket.cannotBeTexted && (ticket.status === 'WAITING' || ticket.status === 'CALLED')) {
    const badge = textSpan('badge no-sms', 'Cannot be texted: call ' + ticket.code + ' in the lobby');
    badge.title = 'SMS no longer reach this visitor (they sent STOP, or the number refuses SMS)';
    badge.dataset.testid = 'cannot-be-texted';
    meta.append(badge);
  }
  item.append(who, meta);
  const interpreter = interpreterPart(ticket);
  if (interpreter) {
    item.append(interpreter);
  }
  item.append(actions);
  return item;
}

// A waiting or called visitor's interpreter: where the search stands, whether "call next" passes them by
// (in words, not only by the row's look), and the buttons for it.
function interpreterPart(ticket) {
  const actions = interpreterActions(ticket);
  if (!ticket.interpreter && !actions.length) {
    return null;
  }
  const held = ticket.status === 'WAITING' && waitsForInterpreter(ticket);
  return node('div', { className: 'interp', dataset: { testid: 'interpreter-' + ticket.code } },
    ticket.interpreter ? interpreterState(ticket.interpreter) : null,
    held ? node('span', {
      className: 'badge held', textContent: 'Call next skips: interpreter not here yet',
      title: 'Their own Call button calls them anyway', dataset: { testid: 'skipped-by-call-next' }
    }) : null,
    ...actions.map((action) => actionButton(INTERPRETER_ACTIONS[action].label, action, ticket,
      INTERPRETER_ACTIONS[action].style, accessibleName(action, ticket.code))));
}

function languageLabel(ticket) {
  const wrap = document.createElement('span');
  const own = document.createElement('span');
  own.className = 'lang';
  own.lang = ticket.language;
  own.dir = ticket.rightToLeft ? 'rtl' : 'ltr';
  own.textContent = ticket.languageName || ticket.language;
  own.dataset.testid = 'language';
  wrap.append(own);
  const known = language(ticket.language);
  if (known && known.english !== ticket.languageName) {
    wrap.append(' (' + known.english + ')');
  }
  return wrap;
}

function actionButton(label, action, ticket, style, accessibleName) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = style;
  button.textContent = label;
  button.setAttribute('aria-label', accessibleName);
  button.dataset.action = action;
  button.dataset.number = String(ticket.number);
  button.dataset.code = ticket.code;
  button.dataset.testid = action + '-' + ticket.code;
  button.dataset.focusKey = action + '-' + ticket.number;
  button.disabled = state.busy;
  return button;
}

// Takes a junk ticket (a flood of joins, a wrong number) off the queue, after staff confirm it.
function removeButton(ticket) {
  return actionButton('Remove', 'remove', ticket, 'danger',
    'Remove ' + ticket.code + ' from the queue (junk ticket)');
}

function renderDesk() {
  const desk = myDesk();
  const desks = state.queue ? state.queue.desks || [] : [];
  const mine = desk ? desks.find((d) => sameDesk(d.label, desk)) : null;
  el.deskToggle.hidden = !desk;
  el.myDeskState.className = 'hint';
  if (!desk) {
    el.myDeskState.textContent = 'Enter the desk you work at (e.g. 1). Visitors are told to come to it.';
  } else if (mine && mine.open) {
    el.myDeskState.textContent = 'Desk ' + mine.label + ' is open (' + mine.changedBy + ', ' + clock(new Date(mine.changedAt)) + ').';
    el.myDeskState.classList.add('open');
    el.deskToggle.textContent = 'Close desk ' + desk;
    el.deskToggle.dataset.open = 'true';
  } else {
    el.myDeskState.textContent = mine
      ? 'Desk ' + mine.label + ' is closed (' + mine.changedBy + ', ' + clock(new Date(mine.changedAt)) + ').'
      : 'Desk ' + desk + ' has not been opened today.';
    el.myDeskState.classList.add('closed');
    el.deskToggle.textContent = 'Open desk ' + desk;
    el.deskToggle.dataset.open = 'false';
  }
  const open = desks.filter((d) => d.open).map((d) => d.label);
  if (state.queue) {
    el.myDeskState.textContent += ' Open desks: ' + (open.length ? open.join(', ') : 'none') + '.';
  }
}

function announceSummary(waiting, called) {
  const fresh = waiting.filter((t) => state.newSince.has(t.number) && Date.now() - state.newSince.get(t.number) < 3000);
  const summary = waiting.length + ' waiting, ' + called.length + ' at desks.'
    + (fresh.length ? ' New in the queue: ' + fresh.map((t) => t.code).join(', ') + '.' : '');
  if (summary !== state.lastSummary) {
    state.lastSummary = summary;
    el.queueSummary.textContent = summary;
  }
}

// An interpreter confirmed, arrived or not found since the queue was last shown: said to screen readers,
// and "not found" to everyone, since staff then decide what the visitor gets.
function announceInterpreters(live) {
  const first = state.interpreterSeen === null;
  const seen = state.interpreterSeen || new Map();
  const news = [];
  for (const ticket of live) {
    const key = interpreterKey(ticket.interpreter);
    if (!first && key && seen.get(ticket.number) !== key) {
      news.push(ticket);
    }
    seen.set(ticket.number, key);
  }
  state.interpreterSeen = seen;
  if (!news.length) {
    return;
  }
  el.interpreterNews.textContent = news.map((t) => t.code + ': ' + interpreterState(t.interpreter).textContent + '.')
    .join(' ');
  const notFound = news.filter((t) => t.interpreter.status === 'NONE_FOUND').map((t) => t.code);
  if (notFound.length) {
    say('No interpreter found for ' + notFound.join(', ') + '. Call them when a desk is free, or ask again.', 'warning');
  }
}

// "waited 12 min" / "called 3 min ago": kept current between queue changes by refreshTimes().
function timeSpan(kind, iso) {
  const span = textSpan('waited', '');
  span.dataset.kind = kind;
  span.dataset.since = iso || '';
  showTime(span);
  return span;
}

function showTime(span) {
  const minutes = minutesSince(span.dataset.since);
  if (span.dataset.kind === 'waited') {
    span.textContent = 'waited ' + minutes + ' min';
    return;
  }
  const grace = state.queue && state.queue.site.noShowGraceMinutes;
  const late = Boolean(grace) && minutes >= grace;
  span.textContent = 'called ' + (minutes < 1 ? 'just now' : minutes + ' min ago') + (late ? ' – grace time over' : '');
  span.classList.toggle('late', late);
}

function refreshTimes() {
  document.querySelectorAll('#main [data-since]').forEach(showTime);
}

function minutesSince(iso) {
  if (!iso) {
    return 0;
  }
  return Math.max(0, Math.floor((serverNow() - Date.parse(iso)) / 60000));
}

function clock(date) {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
}

// ---------- my desk and the filter ----------

function myDesk() {
  return el.myDesk.value.trim();
}

function sameDesk(a, b) {
  return String(a || '').trim().toLowerCase() === String(b || '').trim().toLowerCase();
}

function requireDesk() {
  const desk = myDesk();
  if (!desk) {
    say('Enter your desk first, e.g. 1.', 'error');
    el.myDesk.focus();
    return null;
  }
  if (desk.length > 5 || !/^[\p{L}\p{N} -]+$/u.test(desk)) {
    say('A desk is named by 1–5 letters or digits.', 'error');
    el.myDesk.focus();
    return null;
  }
  return desk;
}

function showFilter() {
  const parts = [];
  if (el.filterTopic.value) {
    parts.push('topic ' + topicName(el.filterTopic.value));
  }
  if (el.filterLanguage.value) {
    parts.push(englishName(el.filterLanguage.value));
  }
  el.filterState.textContent = parts.length ? 'Call next calls only: ' + parts.join(', ') + '.' : '';
  el.callNext.firstChild.textContent = parts.length ? 'Call next (filtered) ' : 'Call next ';
  if (parts.length) {
    el.filters.open = true;
  }
}

// ---------- actions ----------

async function act(work) {
  if (state.busy) {
    return;
  }
  state.busy = true;
  const focused = document.activeElement;
  setBusy(true);
  try {
    await work();
  } catch (e) {
    if (e.status !== 401) {
      say(e.message, 'error');
    }
  } finally {
    state.busy = false;
    setBusy(false);
    // A button loses the focus while it is disabled; give it back.
    if (focused && focused !== document.body && focused.isConnected
        && (!document.activeElement || document.activeElement === document.body)) {
      focused.focus();
    }
    if (signedIn()) {
      pollNow();
    }
  }
}

function setBusy(busy) {
  document.querySelectorAll('#main button').forEach((button) => { button.disabled = busy; });
  el.main.setAttribute('aria-busy', busy ? 'true' : 'false');
}

function describe(ticket) {
  const known = language(ticket.language);
  const bits = [known ? known.english : ticket.languageName];
  if (ticket.needsInterpreter) {
    bits.push('needs an interpreter');
  }
  if (ticket.walkInName) {
    bits.push('walk-in ' + ticket.walkInName);
  }
  return ticket.code + ' (' + bits.join(', ') + ')';
}

function callNext() {
  const desk = requireDesk();
  if (!desk) {
    return;
  }
  act(async () => {
    let response;
    try {
      response = await api('POST', sitePath('/call-next'), {
        desk: desk, topic: el.filterTopic.value || null, language: el.filterLanguage.value || null
      });
    } catch (e) {
      throw explainNobodyToCall(e);
    }
    const ticket = await response.json();
    say(describe(ticket) + ' called to desk ' + ticket.desk + '.', 'success');
  });
}

// "Nobody is waiting" while visitors (of the filter's topic and language) wait for their interpreters: say who,
// and how to call them anyway.
function explainNobodyToCall(error) {
  const topic = el.filterTopic.value.toLowerCase();
  const language = el.filterLanguage.value;
  const held = state.queue && error.status === 409 ? state.queue.tickets
    .filter((t) => t.status === 'WAITING' && waitsForInterpreter(t))
    .filter((t) => (!topic || String(t.topic || '').toLowerCase() === topic) && (!language || t.language === language))
    .map((t) => t.code) : [];
  if (held.length) {
    error.message = error.message.replace(/\.?$/, '. ') + held.join(', ')
      + (held.length === 1 ? ' waits' : ' wait') + ' for an interpreter; their own Call button calls them anyway.';
  }
  return error;
}

function ticketAction(action, number, code) {
  if (INTERPRETER_ACTIONS[action]) {
    interpreterAction(action, number, code);
    return;
  }
  if (action === 'feedback-card') {
    feedbackCard(number, code);
    return;
  }
  const path = sitePath('/tickets/' + encodeURIComponent(number) + '/' + action);
  if (action === 'remove' && !window.confirm('Remove ' + code + ' from the queue? Use this for junk tickets only: '
      + 'the visitor is not texted, and the ticket counts as no visit.')) {
    return;
  }
  if (action === 'call') {
    const desk = requireDesk();
    if (!desk) {
      return;
    }
    act(async () => {
      const ticket = await (await api('POST', path, { desk: desk })).json();
      say(describe(ticket) + ' called to desk ' + ticket.desk + '.', 'success');
    });
    return;
  }
  act(async () => {
    const ticket = await (await api('POST', path)).json();
    const done = {
      served: ticket.code + ' marked served.',
      'no-show': ticket.code + ' marked no-show. "Back to queue" under Recently finished undoes it.',
      recall: ticket.code + ' called again to desk ' + ticket.desk + '.',
      requeue: ticket.code + ' is back in the queue in its original place.',
      remove: ticket.code + ' removed from the queue. Nobody was texted.'
    }[action];
    say(done || (code + ': done.'), 'success');
  });
}

// The card holds a new one-time link each time it is opened; the page keeps it only while the card is open.
function feedbackCard(number, code) {
  const ticket = state.queue && state.queue.tickets.find((t) => String(t.number) === String(number));
  act(async () => {
    const card = await (await api('POST', sitePath('/tickets/' + encodeURIComponent(number) + '/feedback-link'))).json();
    el.cardLanguage.textContent = ticket ? ticket.languageName || ticket.language : '';
    if (ticket) {
      el.cardLanguage.lang = ticket.language;
      el.cardLanguage.dir = ticket.rightToLeft ? 'rtl' : 'ltr';
    }
    el.cardLink.textContent = card.link;
    el.cardQr.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(card.qrSvg);
    el.cardDialog.dataset.code = code;
    el.cardDialog.showModal();
    el.cardPrint.focus();
  });
}

function closeCard() {
  el.cardDialog.close();
}

function forgetCard() {
  el.cardLink.textContent = '';
  el.cardQr.removeAttribute('src');
  // The row was drawn again while the card was open: give the focus to its button as it is now.
  const button = document.querySelector('[data-testid="feedback-card-' + el.cardDialog.dataset.code + '"]');
  if (button) {
    button.focus();
  }
}

function interpreterAction(action, number, code) {
  const { method, path } = INTERPRETER_ACTIONS[action];
  act(async () => {
    const response = await api(method, sitePath('/tickets/' + encodeURIComponent(number) + path));
    const interpreter = response.status === 204 ? null : await response.json();
    // Staff hear of their own change here, not again when the queue next shows it.
    if (state.interpreterSeen) {
      state.interpreterSeen.set(Number(number), interpreterKey(interpreter));
    }
    say(afterAction(action, code, interpreter), interpreter && interpreter.status === 'NONE_FOUND' ? 'warning' : 'success');
  });
}

function myCalledTicket() {
  const desk = myDesk();
  if (!state.queue || !desk) {
    return null;
  }
  const mine = state.queue.tickets.filter((t) => t.status === 'CALLED' && sameDesk(t.desk, desk))
    .sort((a, b) => String(b.calledAt || '').localeCompare(String(a.calledAt || '')));
  return mine[0] || null;
}

function actOnMyTicket(action) {
  if (!requireDesk()) {
    return;
  }
  const ticket = myCalledTicket();
  if (!ticket) {
    say('Nobody is called to desk ' + myDesk() + ' right now.', 'error');
    return;
  }
  ticketAction(action, ticket.number, ticket.code);
}

function toggleDesk() {
  const desk = requireDesk();
  if (!desk) {
    return;
  }
  const open = el.deskToggle.dataset.open !== 'true';
  act(async () => {
    const changed = await (await api('PUT', sitePath('/desks/' + encodeURIComponent(desk)), { open: open })).json();
    say('Desk ' + changed.label + (changed.open ? ' is open.' : ' is closed.'), 'success');
  });
}

function addWalkIn(event) {
  event.preventDefault();
  const name = el.walkInName.value.trim();
  const language = el.walkInLanguage.value;
  if (!name) {
    say('Enter the walk-in visitor\'s name or initials.', 'error');
    el.walkInName.focus();
    return;
  }
  if (!language) {
    say('Choose the walk-in visitor\'s language.', 'error');
    el.walkInLanguage.focus();
    return;
  }
  act(async () => {
    const response = await api('POST', sitePath('/walk-ins'), {
      name: name, language: language, topic: el.walkInTopic.value || null
    });
    const ticket = await response.json();
    el.walkInName.value = '';
    el.walkInLanguage.value = '';
    el.walkInTopic.value = '';
    say('Walk-in ' + ticket.walkInName + ' added to the queue with number ' + ticket.code + '. Tell them the number.',
      'success');
    el.walkInName.focus();
  });
}

// ---------- keyboard ----------

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || el.main.hidden || el.cardDialog.open) {
    return;
  }
  const target = event.target;
  const tag = target && target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (target && target.isContentEditable)) {
    if (event.key === 'Escape' && tag !== 'SELECT') {
      target.blur();
    }
    return;
  }
  const key = event.key.toLowerCase();
  const handlers = {
    n: callNext,
    s: () => actOnMyTicket('served'),
    r: () => actOnMyTicket('recall'),
    w: () => el.walkInName.focus(),
    d: () => { el.myDesk.focus(); el.myDesk.select(); },
    q: () => {
      const first = el.waitingList.querySelector('button');
      (first || $('waiting-title')).focus();
    }
  };
  if (handlers[key]) {
    event.preventDefault();
    handlers[key]();
  }
}

// ---------- wiring ----------

function fillLanguages() {
  const options = knownLanguages().map((l) => [l.code, languageOption(l)]);
  fillSelect(el.walkInLanguage, [['', 'Choose…']].concat(options), '');
  fillSelect(el.filterLanguage, [['', 'Any language']].concat(options),
    sessionStorage.getItem(STORE.language) || '');
}

function setUp() {
  $('waiting-title').tabIndex = -1;

  el.siteChoice.addEventListener('change', () => chooseSite(el.siteChoice.value));
  el.myDesk.addEventListener('input', () => {
    localStorage.setItem(STORE.desk, myDesk());
    if (state.queue) {
      render();
    } else {
      renderDesk();
    }
  });
  el.myDesk.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      callNext();
    }
  });
  el.deskToggle.addEventListener('click', toggleDesk);
  el.callNext.addEventListener('click', callNext);
  el.filterTopic.addEventListener('change', () => { sessionStorage.setItem(STORE.topic, el.filterTopic.value); showFilter(); });
  el.filterLanguage.addEventListener('change', () => {
    sessionStorage.setItem(STORE.language, el.filterLanguage.value);
    showFilter();
  });
  el.walkInForm.addEventListener('submit', addWalkIn);
  el.cardPrint.addEventListener('click', () => window.print());
  el.cardClose.addEventListener('click', closeCard);
  el.cardDialog.addEventListener('close', forgetCard);
  el.main.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button) {
      ticketAction(button.dataset.action, button.dataset.number, button.dataset.code);
    }
  });
  document.addEventListener('keydown', onKey);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && signedIn() && state.siteId) {
      pollNow();
    }
  });
  // Waiting times move on even when the queue does not change.
  setInterval(() => {
    refreshTimes();
    showFreshness();
  }, 15000);

  startSession({ signedIn: signedInAs, signedOut: signedOut });
}

loadLanguages().then(() => {
  fillLanguages();
  setUp();
});
