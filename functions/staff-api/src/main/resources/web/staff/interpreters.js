// Vuoro interpreters page: a site's coordinator lists, adds, changes and removes the interpreters Vuoro
// offers visitors' interpreting to by SMS. Numbers are shown masked; a number typed in is sent once and
// never read back.
import { api, startSession } from './session.js';
import {
  englishName, fillSelect, isolated, knownLanguages, languageOption, loadLanguages, node, offerSites, say
} from './ui.js';

const STORE = { site: 'vuoro.coordinator.site' };
const WEEKDAYS = [['MON', 'Monday', 'Mon'], ['TUE', 'Tuesday', 'Tue'], ['WED', 'Wednesday', 'Wed'],
  ['THU', 'Thursday', 'Thu'], ['FRI', 'Friday', 'Fri'], ['SAT', 'Saturday', 'Sat'], ['SUN', 'Sunday', 'Sun']];
const ALL_DAY = '00:00-24:00';
// The API names the field a refusal is about; the form names it as the coordinator reads it.
const FIELDS = {
  name: 'Name', phone: 'Phone number', language: 'Vuoro texts them in', languages: 'Interprets', sites: 'Sites',
  availability: 'Weekly hours'
};

const $ = (id) => document.getElementById(id);
const el = {
  main: $('main'), siteName: $('site-name'), siteChoice: $('site-choice'), siteChoiceLabel: $('site-choice-label'),
  notCoordinator: $('not-coordinator'), notCoordinatorText: $('not-coordinator-text'),
  rows: $('interpreter-rows'), count: $('interpreter-count'), empty: $('interpreters-empty'), listError: $('list-error'),
  form: $('interpreter-form'), formTitle: $('form-title'), name: $('f-name'), phone: $('f-phone'),
  phoneHint: $('f-phone-hint'), language: $('f-language'), languages: $('f-languages'), sites: $('f-sites'),
  always: $('f-hours-always'), weekly: $('f-hours-weekly'), days: $('f-days'),
  active: $('f-active'), formError: $('form-error'), save: $('f-save'), cancel: $('f-cancel'),
  dialog: $('remove-dialog'), removeText: $('remove-text'), removeConfirm: $('remove-confirm'),
  removeKeep: $('remove-keep')
};

const state = { me: null, siteId: null, interpreters: [], editing: null, removing: null, busy: false };

function sitePath(suffix) {
  return '/staff/api/sites/' + encodeURIComponent(state.siteId) + '/interpreters' + (suffix || '');
}

function siteName(id) {
  const site = (state.me.sites || []).find((s) => s.id === id);
  return site ? site.name : id;
}

function coordinated() {
  return (state.me.coordinatorOf || []).map((id) => ({ id: id, name: siteName(id) }));
}

// ---------- the session: who, which site ----------

function signedInAs(me) {
  state.me = me;
  const sites = coordinated();
  if (!sites.length) {
    el.main.hidden = true;
    el.notCoordinator.hidden = false;
    el.notCoordinatorText.textContent = 'You are signed in as ' + me.username + ', who coordinates no site. '
      + 'A site\'s coordinator adds and changes its interpreters: ask yours for a change.';
    document.title = 'Only for coordinators – Vuoro';
    return;
  }
  el.notCoordinator.hidden = true;
  const asked = new URLSearchParams(location.search).get('site');
  const wanted = sites.some((s) => s.id === asked) ? asked : localStorage.getItem(STORE.site);
  fillSiteChoices(sites);
  chooseSite(offerSites(el.siteChoice, el.siteChoiceLabel, sites, wanted));
  el.main.hidden = false;
}

function signedOut() {
  el.main.hidden = true;
  el.notCoordinator.hidden = true;
  el.siteName.textContent = '';
  if (el.dialog.open) {
    el.dialog.close();
  }
}

function chooseSite(siteId) {
  state.siteId = siteId;
  localStorage.setItem(STORE.site, siteId);
  el.siteName.textContent = siteName(siteId);
  document.title = 'Interpreters of ' + siteName(siteId) + ' – Vuoro';
  $('reports-link').href = 'reports.html?site=' + encodeURIComponent(siteId);
  $('sites-link').href = 'sites.html?site=' + encodeURIComponent(siteId);
  startAdding();
  load();
}

// ---------- the list ----------

async function load() {
  const siteId = state.siteId;
  el.listError.textContent = '';
  try {
    const interpreters = await (await api('GET', sitePath())).json();
    if (siteId === state.siteId) {
      state.interpreters = interpreters;
      renderList();
    }
  } catch (e) {
    if (e.status !== 401) {
      state.interpreters = [];
      renderList();
      el.listError.textContent = e.message;
    }
  }
}

function renderList() {
  el.count.textContent = String(state.interpreters.length);
  el.empty.hidden = state.interpreters.length > 0;
  el.rows.replaceChildren(...state.interpreters.map(row));
}

function row(entry) {
  const tr = node('tr', { className: entry.active ? '' : 'inactive', dataset: { testid: 'interpreter-row', id: entry.id } },
    node('td', {},
      node('strong', { className: 'name' }, isolated(entry.name)),
      node('span', { className: 'hint block', textContent: 'SMS in ' + englishName(entry.language) }),
      entry.today ? node('span', { className: 'hint block', textContent: todayText(entry.today) }) : null),
    node('td', {}, node('span', { className: 'contact', dir: 'ltr', textContent: entry.phone || '' })),
    node('td', { textContent: entry.languages.map(englishName).join(', ') }),
    node('td', { textContent: entry.sites.map(siteName).join(', ') }),
    node('td', {}, hoursList(entry.availability)),
    node('td', {}, node('span', {
      className: 'badge ' + (entry.active ? 'served' : 'left'), textContent: entry.active ? 'Active' : 'Inactive'
    })),
    node('td', {}, node('div', { className: 'row-actions' },
      rowButton('Edit', 'secondary', 'Change ' + entry.name, () => startEditing(entry)),
      rowButton(entry.active ? 'Deactivate' : 'Activate', 'secondary',
        (entry.active ? 'Deactivate ' : 'Activate ') + entry.name, () => setActive(entry, !entry.active)),
      rowButton('Remove', 'danger', 'Remove ' + entry.name, (event) => askToRemove(entry, event.currentTarget)))));
  return tr;
}

function rowButton(label, style, accessibleName, onClick) {
  const button = node('button', { type: 'button', className: style, textContent: label, disabled: state.busy,
    attrs: { 'aria-label': accessibleName } });
  button.addEventListener('click', onClick);
  return button;
}

/** Null when at all hours (no hours given, or every day around the clock); else "Mon 09:00-16:00" per day. */
function weeklyHours(availability) {
  const days = WEEKDAYS.filter(([key]) => availability[key]);
  const allDays = days.length === WEEKDAYS.length && days.every(([key]) => availability[key] === ALL_DAY);
  return Object.keys(availability).length === 0 || allDays ? null : days.map(([key]) => [key, availability[key]]);
}

function hoursList(availability) {
  const hours = weeklyHours(availability);
  if (hours === null) {
    return 'At all hours';
  }
  if (!hours.length) {
    return 'No hours: not offered';
  }
  const short = Object.fromEntries(WEEKDAYS.map(([key, , abbreviation]) => [key, abbreviation]));
  return node('ul', { className: 'plain' }, ...hours.map(([key, value]) => node('li', { textContent: short[key] + ' ' + value })));
}

// "2026-12-02 in 10:00-14:00" / "2026-12-02 out": what the interpreter texted for one day.
function todayText(today) {
  const [date, inOrOut, hours] = today.split(' ');
  return inOrOut === 'in'
    ? 'Texted IN for ' + date + (hours ? ': ' + hours : '')
    : 'Texted OUT for ' + date;
}

// ---------- the form ----------

function fillLanguageChoices() {
  const languages = knownLanguages();
  fillSelect(el.language, [['', 'Choose…']].concat(languages.map((l) => [l.code, languageOption(l)])), '');
  el.languages.append(...languages.map((l) => choice('languages', l.code, languageLabel(l))));
}

function languageLabel(language) {
  return language.english === language.name ? [language.english]
    : [language.english + ' – ', node('bdi', { lang: language.code, textContent: language.name })];
}

function fillSiteChoices(sites) {
  el.sites.querySelectorAll('label').forEach((label) => label.remove());
  el.sites.append(...sites.map((site) => choice('sites', site.id, [site.name + ' (' + site.id + ')'])));
}

function choice(name, value, label) {
  return node('label', { className: 'check' },
    node('input', { type: 'checkbox', name: name, value: value, dataset: { testid: name + '-' + value } }), ' ', ...label);
}

function fillDays() {
  el.days.append(...WEEKDAYS.map(([key, day]) => {
    const input = node('input', {
      id: 'f-day-' + key, name: 'day-' + key, placeholder: '09:00-16:00', autocomplete: 'off', spellcheck: false,
      maxLength: 40, dir: 'ltr', dataset: { day: key }
    });
    // Typing a day's hours means the interpreter keeps weekly hours.
    input.addEventListener('input', () => { el.weekly.checked = true; });
    return node('div', { className: 'day' }, node('label', { htmlFor: input.id, textContent: day }), input);
  }));
}

function checked(fieldset) {
  return [...fieldset.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
}

function check(fieldset, values) {
  fieldset.querySelectorAll('input[type=checkbox]').forEach((box) => { box.checked = values.includes(box.value); });
}

function startAdding() {
  state.editing = null;
  el.form.reset();
  clearErrors();
  el.formTitle.textContent = 'Add an interpreter';
  el.save.textContent = 'Add interpreter';
  el.cancel.hidden = true;
  el.phone.placeholder = '+358401234567';
  el.phoneHint.textContent = 'In international form, e.g. +358401234567.';
  el.language.value = '';
  check(el.languages, []);
  check(el.sites, [state.siteId]);
  el.active.checked = true;
}

function startEditing(entry) {
  startAdding();
  state.editing = entry;
  el.formTitle.textContent = 'Change ' + entry.name;
  el.save.textContent = 'Save changes';
  el.cancel.hidden = false;
  el.name.value = entry.name;
  el.phone.placeholder = entry.phone || '';
  el.phoneHint.textContent = 'Now ' + (entry.phone || 'unknown') + '. Leave empty to keep the number; a new one in '
    + 'international form, e.g. +358401234567.';
  el.language.value = entry.language;
  check(el.languages, entry.languages);
  check(el.sites, entry.sites);
  const hours = weeklyHours(entry.availability);
  (hours === null ? el.always : el.weekly).checked = true;
  el.days.querySelectorAll('input').forEach((input) => {
    input.value = hours === null ? '' : entry.availability[input.dataset.day] || '';
  });
  el.active.checked = entry.active;
  el.name.focus();
}

/** What the form says, as the API takes it; null (with the field marked) when it cannot be sent. */
function formBody() {
  const availability = {};
  if (el.weekly.checked) {
    el.days.querySelectorAll('input').forEach((input) => {
      if (input.value.trim()) {
        availability[input.dataset.day] = input.value.trim();
      }
    });
    // No hours at all would read as "at all hours": the opposite of what the coordinator meant.
    if (!Object.keys(availability).length) {
      showError('availability: give the hours of at least one weekday, or choose "At all hours". '
        + 'To stop offering them interpreting, untick Active.');
      return null;
    }
  }
  if (!el.language.value) {
    showError('language: choose the language Vuoro texts them in');
    return null;
  }
  const phone = el.phone.value.trim();
  return {
    name: el.name.value.trim(),
    phone: phone || (state.editing ? undefined : ''),
    language: el.language.value,
    languages: checked(el.languages),
    sites: checked(el.sites),
    availability: availability,
    active: el.active.checked
  };
}

function save(event) {
  event.preventDefault();
  clearErrors();
  const body = formBody();
  if (!body) {
    return;
  }
  const editing = state.editing;
  busy(async () => {
    const response = editing ? await api('PUT', sitePath('/' + encodeURIComponent(editing.id)), body)
      : await api('POST', sitePath(), body);
    const saved = await response.json();
    say(editing ? 'Changes to ' + saved.name + ' saved.'
      : saved.name + ' added: offered ' + saved.languages.map(englishName).join(', ') + ' interpreting.', 'success');
    startAdding();
    await load();
    focusRow(saved.id, editing ? 'Edit' : null);
  }, showError);
}

function setActive(entry, active) {
  busy(async () => {
    const saved = await (await api('PUT', sitePath('/' + encodeURIComponent(entry.id)), {
      name: entry.name, language: entry.language, languages: entry.languages, sites: entry.sites,
      availability: entry.availability, active: active
    })).json();
    say(saved.name + (saved.active ? ' is active again: offered interpreting.'
      : ' is deactivated: not offered interpreting until activated again.'), 'success');
    await load();
    focusRow(saved.id, saved.active ? 'Deactivate' : 'Activate');
  }, (message) => say(message, 'error'));
}

function focusRow(id, label) {
  const tr = el.rows.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
  const button = tr && label ? [...tr.querySelectorAll('button')].find((b) => b.textContent === label) : null;
  (button || el.name).focus();
}

// "phone: this number already belongs to an interpreter" → next to the form, with the field marked.
function showError(message) {
  const match = /^([a-z]+): (.*)$/s.exec(message);
  const field = match && FIELDS[match[1]] ? match[1] : null;
  el.formError.textContent = field ? FIELDS[field] + ': ' + match[2] : message;
  const control = field ? fieldControl(field) : null;
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-errormessage', el.formError.id);
    (control.matches('fieldset') ? control.querySelector('input') : control).focus();
  }
}

function fieldControl(field) {
  return { name: el.name, phone: el.phone, language: el.language }[field]
    || el.form.querySelector('fieldset[data-field="' + field + '"]');
}

function clearErrors() {
  el.formError.textContent = '';
  el.form.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-errormessage');
  });
}

// ---------- removing ----------

function askToRemove(entry, button) {
  state.removing = { entry: entry, button: button };
  const others = entry.sites.filter((id) => id !== state.siteId);
  el.removeText.textContent = 'Remove ' + entry.name + ' (' + (entry.phone || 'no number') + ') from Vuoro? '
    + 'They are no longer offered interpreting' + (others.length ? ' at any site, also at ' + others.map(siteName)
      .join(', ') : '') + '. To pause them instead, deactivate them.';
  el.dialog.showModal();
  el.removeKeep.focus();
}

function remove() {
  const { entry } = state.removing;
  el.dialog.close();
  busy(async () => {
    await api('DELETE', sitePath('/' + encodeURIComponent(entry.id)));
    say(entry.name + ' removed.', 'success');
    if (state.editing && state.editing.id === entry.id) {
      startAdding();
    }
    await load();
    el.name.focus();
  }, (message) => say(message, 'error'));
}

// ---------- doing things ----------

/** One change at a time; a refusal is shown where it belongs, and the list is read again after a conflict. */
async function busy(work, refused) {
  if (state.busy) {
    return;
  }
  state.busy = true;
  document.querySelectorAll('#main button').forEach((button) => { button.disabled = true; });
  el.main.setAttribute('aria-busy', 'true');
  try {
    await work();
  } catch (e) {
    if (e.status !== 401) {
      refused(e.message);
      if (e.status === 404 || e.status === 409) {
        await load();
      }
    }
  } finally {
    state.busy = false;
    document.querySelectorAll('#main button').forEach((button) => { button.disabled = false; });
    el.main.setAttribute('aria-busy', 'false');
  }
}

function setUp() {
  fillLanguageChoices();
  fillDays();
  el.form.addEventListener('submit', save);
  el.cancel.addEventListener('click', () => {
    startAdding();
    el.name.focus();
  });
  el.siteChoice.addEventListener('change', () => chooseSite(el.siteChoice.value));
  el.removeConfirm.addEventListener('click', remove);
  el.removeKeep.addEventListener('click', () => el.dialog.close());
  el.dialog.addEventListener('close', () => {
    if (state.removing && state.removing.button.isConnected) {
      state.removing.button.focus();
    }
  });
  startSession({ signedIn: signedInAs, signedOut: signedOut });
}

loadLanguages().then(setUp);
