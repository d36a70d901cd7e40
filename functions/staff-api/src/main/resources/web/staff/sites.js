// Vuoro sites page: a coordinator lists the sites they coordinate, opens one's settings, changes and saves them,
// or creates a site by saving settings for an id that has none yet. The form is site-form.js.
import { api, startSession } from './session.js';
import { isolated, loadLanguages, node, say } from './ui.js';
import { siteForm } from './site-form.js';

const $ = (id) => document.getElementById(id);
const el = {
  main: $('main'), siteName: $('site-name'), notCoordinator: $('not-coordinator'),
  notCoordinatorText: $('not-coordinator-text'), rows: $('site-rows'), count: $('site-count'),
  listError: $('list-error'), newSite: $('new-site'), editor: $('editor'), formTitle: $('form-title'),
  form: $('site-form'), formBody: $('form-body'), formError: $('form-error'), save: $('save'), reload: $('reload'),
  close: $('close-form'), queueLink: $('queue-link'), interpretersLink: $('interpreters-link'),
  reportsLink: $('reports-link')
};

// sites: [{ id, settings (null: not set up yet), error }]; open: the form shown, for which site.
const state = { me: null, sites: [], open: null, busy: false };

function settingsPath(siteId) {
  return '/staff/api/sites/' + encodeURIComponent(siteId) + '/settings';
}

function summaryName(id) {
  const site = (state.me.sites || []).find((s) => s.id === id);
  return site ? site.name : id;
}

// ---------- the session ----------

function signedInAs(me) {
  state.me = me;
  const coordinated = me.coordinatorOf || [];
  if (!coordinated.length) {
    el.main.hidden = true;
    el.notCoordinator.hidden = false;
    el.notCoordinatorText.textContent = 'You are signed in as ' + me.username + ', who coordinates no site. Only '
      + 'coordinators manage sites: their hours, number, languages and topics. Ask yours for a change.';
    document.title = 'Only for coordinators – Vuoro';
    return;
  }
  el.notCoordinator.hidden = true;
  el.main.hidden = false;
  document.title = 'Sites – Vuoro';
  const asked = new URLSearchParams(location.search).get('site');
  loadList().then(() => {
    if (asked && coordinated.includes(asked)) {
      openSite(asked);
    }
  });
}

function signedOut() {
  el.main.hidden = true;
  el.notCoordinator.hidden = true;
  el.siteName.textContent = '';
  closeForm();
}

function showLinks(siteId) {
  const query = siteId ? '?site=' + encodeURIComponent(siteId) : '';
  el.queueLink.href = 'index.html' + query;
  el.interpretersLink.href = 'interpreters.html' + query;
  el.reportsLink.href = 'reports.html' + query;
}

// ---------- the list ----------

async function loadList() {
  el.listError.textContent = '';
  const ids = [...(state.me.coordinatorOf || [])].sort();
  state.sites = await Promise.all(ids.map(async (id) => {
    try {
      return { id: id, settings: await (await api('GET', settingsPath(id))).json(), error: null };
    } catch (e) {
      return { id: id, settings: null, error: e.status === 404 ? null : e.message };
    }
  }));
  renderList();
}

function renderList() {
  el.count.textContent = String(state.sites.length);
  el.rows.replaceChildren(...state.sites.map(row));
}

function row(site) {
  const name = site.settings ? site.settings.name : summaryName(site.id);
  const open = node('button', { type: 'button', className: site.settings ? 'secondary' : 'primary',
    disabled: state.busy || Boolean(site.error), dataset: { testid: 'open-' + site.id } },
  site.settings ? 'Settings' : 'Set up', node('span', { className: 'visually-hidden', textContent: ' of ' + name }));
  open.addEventListener('click', () => openSite(site.id));
  const status = site.error ? node('span', { className: 'form-error', textContent: site.error })
    : site.settings ? node('span', { className: 'contact', dir: 'ltr', textContent: site.settings.smsNumber })
      : node('span', { className: 'badge left', textContent: 'Not set up yet' });
  const current = state.open && state.open.siteId === site.id;
  return node('li', { className: 'site-row' + (current ? ' current' : ''), dataset: { testid: 'site-row', id: site.id },
    attrs: current ? { 'aria-current': 'true' } : {} },
  node('div', {}, node('strong', {}, isolated(name)), ' ', node('span', { className: 'hint', textContent: site.id }),
    node('div', {}, status)), open);
}

// ---------- the form ----------

async function openSite(siteId) {
  const site = state.sites.find((s) => s.id === siteId);
  try {
    const settings = await (await api('GET', settingsPath(siteId))).json();
    showForm(siteId, settings);
  } catch (e) {
    if (e.status === 404) {
      showForm(siteId, null);
    } else if (e.status !== 401) {
      say(e.message, 'error');
    }
  }
  if (site) {
    renderList();
  }
}

/** The form of a site's settings, or (settings null) of a new site, with its id filled in when known. */
function showForm(siteId, settings) {
  const form = siteForm(el.formBody, settings, siteId);
  state.open = { siteId: siteId, form: form };
  el.formError.textContent = '';
  el.reload.hidden = true;
  el.editor.hidden = false;
  const name = settings ? settings.name : (siteId ? summaryName(siteId) : '');
  el.formTitle.textContent = settings ? 'Settings of ' + name : siteId ? 'Set up ' + siteId : 'A new site';
  el.save.textContent = settings ? 'Save settings' : 'Create the site';
  el.siteName.textContent = settings ? name : '';
  showLinks(settings ? siteId : null);
  renderList();
  el.formTitle.focus();
}

function closeForm() {
  state.open = null;
  el.editor.hidden = true;
  el.formBody.textContent = '';
  el.siteName.textContent = '';
  showLinks(null);
}

function save(event) {
  event.preventDefault();
  if (!state.open || state.busy) {
    return;
  }
  const { form } = state.open;
  form.clearErrors();
  el.formError.textContent = '';
  el.reload.hidden = true;
  let body;
  try {
    body = form.body();
  } catch (e) {
    refused(e.message);
    return;
  }
  const siteId = form.siteId();
  if (form.creating && !siteId) {
    refused('siteId: give the new site an id, e.g. hervanta');
    return;
  }
  busy(async () => {
    let response;
    try {
      response = await api('PUT', settingsPath(siteId), body);
    } catch (e) {
      if (e.status === 401) {
        return;
      }
      if (e.status === 409) {
        el.formError.textContent = 'Not saved: the site\'s settings were changed meanwhile. Reload them, then make '
          + 'your change again.';
        el.reload.hidden = false;
        el.reload.focus();
      } else if (e.status === 403 && form.creating) {
        refused('siteId: ' + e.message);
      } else {
        refused(e.message);
      }
      return;
    }
    const saved = await response.json();
    say(response.status === 201 ? saved.name + ' is created: it answers SMS to ' + saved.smsNumber + ' now.'
      : 'The settings of ' + saved.name + ' are saved.', 'success');
    await loadList();
    showForm(siteId, saved);
  });
}

/** A refusal next to the field it names, and said under the form; the coordinator's input stays as it was. */
function refused(message) {
  const label = state.open.form.showError(message);
  el.formError.textContent = label ? 'Not saved. ' + label + ': ' + message.slice(message.indexOf(': ') + 2)
    : 'Not saved. ' + message;
}

async function busy(work) {
  state.busy = true;
  el.save.disabled = true;
  el.main.setAttribute('aria-busy', 'true');
  try {
    await work();
  } finally {
    state.busy = false;
    el.save.disabled = false;
    el.main.setAttribute('aria-busy', 'false');
  }
}

function setUp() {
  el.form.addEventListener('submit', save);
  el.newSite.addEventListener('click', () => showForm('', null));
  el.close.addEventListener('click', () => {
    closeForm();
    renderList();
    el.newSite.focus();
  });
  el.reload.addEventListener('click', () => openSite(state.open.form.siteId()));
  startSession({ signedIn: signedInAs, signedOut: signedOut });
}

loadLanguages().then(setUp);
