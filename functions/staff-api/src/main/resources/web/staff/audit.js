// Vuoro audit trail page: a site's coordinator reads, a day at a time, what the site's staff did, who did it,
// when, and with which ticket. Visitors appear only by ticket code; everything is shown as text.
import { startSession } from './session.js';
import { node } from './ui.js';
import { coordinatorPage } from './coordinator-page.js';

// The same key as the reports page: the site chosen there is the one shown here.
const STORE = { site: 'vuoro.coordinator.site' };
const SERVICE_ZONE = 'Europe/Helsinki';
const ACTIONS = {
  'call': 'Called',
  'recall': 'Called again',
  'served': 'Served',
  'no-show': 'Did not come',
  'requeue': 'Back to the queue',
  'remove': 'Removed from the queue (junk)',
  'walk-in': 'Walk-in added',
  'desk-opened': 'Desk opened',
  'desk-closed': 'Desk closed',
  'interpreter-requested': 'Interpreter asked for',
  'interpreter-cancelled': 'Interpreter cancelled',
  'interpreter-arrived': 'Interpreter arrived',
  'feedback-card-printed': 'Feedback card printed',
  'settings-change': 'Settings saved',
  'account-change': 'Account changed'
};

const $ = (id) => document.getElementById(id);
const el = {
  choice: $('choice'),
  day: $('day'), dayError: $('day-error'), trail: $('trail'), trailTitle: $('trail-title'), entries: $('entries')
};

const state = { siteId: null };

// ---------- days and times, in Helsinki whatever the laptop's clock says ----------

function serviceToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SERVICE_ZONE, year: 'numeric', month: '2-digit',
    day: '2-digit' }).format(new Date());
}

function clockTime(iso) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: SERVICE_ZONE, hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

function longDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long',
    year: 'numeric' });
}

// ---------- the session: who, which site ----------

const page = coordinatorPage({
  refusal: 'The audit trail is for a site\'s coordinators: ask yours.',
  storeKey: STORE.site,
  choose: chooseSite,
  signedOut: () => {
    el.trail.hidden = true;
  }
});

function chooseSite(siteId) {
  state.siteId = siteId;
  document.title = 'Audit trail of ' + page.siteName(siteId) + ' – Vuoro';
  load();
}

// ---------- reading a day ----------

async function load() {
  if (!el.day.value) {
    el.dayError.textContent = 'Choose a day.';
    return;
  }
  el.dayError.textContent = '';
  await page.read('/staff/api/sites/' + encodeURIComponent(state.siteId) + '/audit?day='
    + encodeURIComponent(el.day.value), { busy: el.trail, formError: el.dayError, shown: render });
}

// ---------- showing it ----------

function render(day) {
  el.trail.hidden = false;
  const count = day.entries.length;
  el.trailTitle.textContent = longDay(day.day) + ': ' + (count === 1 ? '1 action' : count + ' actions');
  if (!count) {
    el.entries.replaceChildren(node('p', { className: 'empty', textContent: 'No staff actions on this day.',
      dataset: { testid: 'no-entries' } }));
    return;
  }
  const head = ['Time', 'Who', 'Action', 'Ticket', 'Detail'];
  el.entries.replaceChildren(node('div', {
    className: 'table-wrap', tabIndex: 0, attrs: { role: 'region', 'aria-labelledby': 'trail-title' }
  }, node('table', { className: 'figures', dataset: { testid: 'audit-table' } },
    node('thead', {}, node('tr', {}, ...head.map((text) => node('th', { scope: 'col', textContent: text })))),
    node('tbody', {}, ...day.entries.map((entry) => node('tr', { dataset: { testid: 'audit-row' } },
      node('td', { textContent: clockTime(entry.at), dataset: { testid: 'at' } }),
      node('td', { textContent: entry.who, dataset: { testid: 'who' } }),
      node('td', { textContent: ACTIONS[entry.action] || entry.action, dataset: { testid: 'action' } }),
      node('td', { textContent: entry.ticket || '–', dataset: { testid: 'ticket' } }),
      node('td', { textContent: entry.detail, dataset: { testid: 'detail' } })))))));
}

// ---------- wiring ----------

el.choice.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
el.day.value = serviceToday();
startSession(page);
