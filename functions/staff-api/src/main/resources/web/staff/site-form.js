// The form of a site's settings on the sites page: built from what GET /staff/api/sites/{id}/settings gives,
// read back into the body its PUT takes, and a refusal ("openingHours.mon: …") shown next to the field it names.
// A field the server did not give is neither shown nor sent, so the form fits the API as it is; a new site sends
// the required fields and only the others the coordinator fills in.
import { knownLanguages, languageOption, node } from './ui.js';

const WEEKDAYS = [['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'],
  ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday']];
const ALL_DAY = ['00:00', '24:00'];
const DEFAULT_ZONE = 'Europe/Helsinki';
// [field, label, what the server takes, section]
const NUMBERS = [
  ['desks', 'Desks', '1–50', 'queue'],
  ['defaultServiceMinutes', 'Service time of a visit, minutes', '1–240: what waiting estimates start from', 'queue'],
  ['comeBackWhenAhead', '"Come back now" when this many are ahead', '0–50', 'queue'],
  ['noShowGraceMinutes', 'No-show grace time, minutes', '1–120: how long a called visitor has to come', 'queue'],
  ['interpreterWaveSize', 'Interpreters asked at once', '1–10', 'interpreting'],
  ['interpreterReplyMinutes', 'Minutes an interpreter has to answer', '1–120', 'interpreting'],
  ['retentionHours', 'Keep visitors\' data, hours', '1–72 hours after the end of the service day', 'privacy']
];

let nextId = 0;

function uid(prefix) {
  nextId += 1;
  return prefix + '-' + nextId;
}

/** A refusal found before sending, named as the server names its fields. */
class FormError extends Error {
  constructor(field, message) {
    super(field + ': ' + message);
  }
}

function hiddenText(text) {
  return node('span', { className: 'visually-hidden', textContent: text });
}

/** A label, its input and a hint, as one block a refusal of {@code name} is shown in. */
function labelled(name, label, input, hint) {
  input.id = input.id || uid('f-' + name);
  const hintNode = hint ? node('p', { id: uid('hint'), className: 'hint', textContent: hint }) : null;
  if (hintNode) {
    input.setAttribute('aria-describedby', hintNode.id);
  }
  return node('div', { className: 'field', dataset: { field: name, label: label } },
    node('label', { htmlFor: input.id, textContent: label }), input, hintNode);
}

function textInput(props) {
  return node('input', Object.assign({ autocomplete: 'off', spellcheck: false }, props));
}

function section(title, testid, ...children) {
  const heading = node('h3', { id: uid('section'), textContent: title });
  return node('section', { className: 'form-section', dataset: { testid: testid },
    attrs: { 'aria-labelledby': heading.id } }, heading, ...children);
}

function languageChoices() {
  const en = knownLanguages().filter((l) => l.code === 'en');
  return en.concat(knownLanguages().filter((l) => l.code !== 'en'));
}

// ---------- periods of a day ----------

/**
 * The periods of one day: a row per period (from, to) that can be removed, "Add a period", "All day" and
 * "Closed". No periods is closed.
 */
function hoursEditor(dayLabel, periods) {
  const list = node('ul', { className: 'periods' });
  const closed = node('p', { className: 'closed-note', textContent: 'Closed all day', dataset: { testid: 'closed' } });
  const add = node('button', { type: 'button', className: 'secondary small', dataset: { testid: 'add-period' } },
    'Add a period', hiddenText(' to ' + dayLabel));
  const allDay = node('button', { type: 'button', className: 'secondary small', dataset: { testid: 'all-day' } },
    'All day', hiddenText(': ' + dayLabel + ' open around the clock'));
  const close = node('button', { type: 'button', className: 'secondary small', dataset: { testid: 'closed-day' } },
    'Closed', hiddenText(': ' + dayLabel + ' closed all day'));
  const editor = node('div', { className: 'hours-editor' }, list, closed,
    node('div', { className: 'period-actions' }, add, allDay, close));

  function renumber() {
    [...list.children].forEach((row, i) => {
      row.querySelectorAll('.period-name').forEach((span) => { span.textContent = dayLabel + ', period ' + (i + 1); });
    });
    closed.hidden = list.children.length > 0;
  }

  function addPeriod(from, to) {
    const fromInput = textInput({ className: 'time', value: from, placeholder: '09:00', maxLength: 5, dir: 'ltr',
      inputMode: 'numeric', dataset: { testid: 'from' } });
    const toInput = textInput({ className: 'time', value: to, placeholder: '16:00', maxLength: 5, dir: 'ltr',
      inputMode: 'numeric', dataset: { testid: 'to' } });
    const remove = node('button', { type: 'button', className: 'danger small', dataset: { testid: 'remove-period' } },
      'Remove', node('span', { className: 'visually-hidden period-name' }));
    const row = node('li', { className: 'period', dataset: { testid: 'period' } },
      node('label', {}, node('span', { className: 'visually-hidden period-name' }), ' from ', fromInput),
      node('label', {}, ' to ', toInput), remove);
    remove.addEventListener('click', () => {
      row.remove();
      renumber();
      add.focus();
    });
    list.append(row);
    renumber();
    return fromInput;
  }

  function setPeriods(texts) {
    list.textContent = '';
    texts.forEach((text) => {
      const [from, to] = String(text).split('-');
      addPeriod(from || '', to || '');
    });
    renumber();
  }

  add.addEventListener('click', () => addPeriod('', '').focus());
  allDay.addEventListener('click', () => setPeriods([ALL_DAY.join('-')]));
  close.addEventListener('click', () => setPeriods([]));
  setPeriods(periods || []);

  /** The periods as the API writes them; a row left wholly empty is no period. */
  editor.periods = () => [...list.children]
    .map((row) => [...row.querySelectorAll('input')].map((input) => input.value.trim()))
    .filter(([from, to]) => from || to)
    .map(([from, to]) => from + '-' + to);
  return editor;
}

// ---------- texts per language ----------

/** English first and always shown; the other languages behind "In other languages". */
function perLanguage(name, label, texts, maxLength, englishRequired) {
  const inputs = {};
  const row = (language) => {
    const input = textInput({ maxLength: maxLength, dir: language.rightToLeft ? 'rtl' : 'auto',
      lang: language.code, spellcheck: true, value: (texts && texts[language.code]) || '',
      dataset: { testid: name + '-' + language.code } });
    inputs[language.code] = input;
    return labelled(name + '.' + language.code, label + ' – ' + languageOption(language)
      + (language.code === 'en' && englishRequired ? '' : ' (optional)'), input);
  };
  const languages = languageChoices();
  const others = languages.filter((l) => l.code !== 'en');
  const filledOther = others.some((l) => texts && texts[l.code]);
  const box = node('div', { className: 'per-language' },
    languages.length ? row(languages[0]) : null,
    others.length ? node('details', { open: filledOther },
      node('summary', { textContent: 'In other languages' }), ...others.map(row)) : null);
  /** Language code to text, only the languages filled in. */
  box.texts = () => Object.fromEntries(Object.entries(inputs)
    .map(([code, input]) => [code, input.value.trim()]).filter(([, text]) => text));
  return box;
}

// ---------- the form ----------

/**
 * Builds the form in {@code container}. {@code settings} is the GET answer, or null for a new site (whose id field
 * the form then shows, filled with {@code siteId} when given).
 */
export function siteForm(container, settings, siteId) {
  const creating = settings === null;
  const given = settings || {};
  const has = (key) => creating || Object.prototype.hasOwnProperty.call(given, key);
  const touched = new Set();
  const controls = {};

  const parts = [];
  if (creating) {
    controls.siteId = textInput({ value: siteId || '', maxLength: 32, required: true, dir: 'ltr',
      dataset: { testid: 'site-id' } });
    parts.push(labelled('siteId', 'Site id', controls.siteId,
      '1–32 lower-case letters, digits and dashes, e.g. hervanta. It cannot be changed later.'));
  }
  controls.name = textInput({ value: given.name || '', maxLength: 60, required: true, dir: 'auto', spellcheck: true,
    dataset: { testid: 'name' } });
  controls.smsNumber = textInput({ type: 'tel', inputMode: 'tel', value: given.smsNumber || '', dir: 'ltr',
    maxLength: 16, required: true, dataset: { testid: 'sms-number' } });
  controls.timeZone = textInput({ value: given.timeZone || DEFAULT_ZONE, dir: 'ltr', required: true,
    dataset: { testid: 'time-zone' } });
  parts.push(section('The site', 'basics',
    labelled('name', 'Name', controls.name, 'Visitors read it in SMS: letters, digits, spaces and .,\'()/&-'),
    labelled('smsNumber', 'SMS number', controls.smsNumber,
      'Visitors text this number. In E.164 form, e.g. +358401234567; every site has its own.'),
    labelled('timeZone', 'Time zone', controls.timeZone, 'Vuoro counts every site\'s days in Europe/Helsinki time.')));

  const hours = given.openingHours || {};
  controls.days = {};
  parts.push(section('Opening hours', 'opening-hours',
    node('p', { className: 'hint', textContent: 'Per weekday, one or more periods, e.g. 09:00–12:00 and 13:00–16:00. '
      + '00:00–24:00 is open around the clock. Visitors who text when the site is closed are told when it opens.' }),
    node('div', { className: 'week', dataset: { field: 'openingHours', label: 'Opening hours' } },
      ...WEEKDAYS.map(([key, day]) => {
        controls.days[key] = hoursEditor(day, hours[key] || []);
        return node('fieldset', { className: 'day-hours', dataset: { field: 'openingHours.' + key, label: day,
          testid: 'day-' + key } }, node('legend', { textContent: day }), controls.days[key]);
      }))));

  if (has('exceptions')) {
    parts.push(exceptionsSection(given.exceptions || [], controls));
  }

  controls.staffLanguages = node('fieldset', { className: 'choices', dataset: { field: 'staffLanguages',
    label: 'Languages the staff speak', testid: 'staff-languages' } },
  node('legend', { textContent: 'Languages the staff speak' }),
  ...languageChoices().map((language) => node('label', { className: 'check' },
    node('input', { type: 'checkbox', name: 'staffLanguages', value: language.code,
      checked: (given.staffLanguages || []).includes(language.code), dataset: { testid: 'language-' + language.code } }),
    ' ', languageOption(language))));
  parts.push(section('Languages', 'languages', controls.staffLanguages,
    node('p', { className: 'hint', textContent: 'Visitors in a language the staff do not speak are offered an '
      + 'interpreter.' })));

  const queue = [];
  if (has('ticketLetter')) {
    controls.ticketLetter = textInput({ value: given.ticketLetter || '', maxLength: 1, className: 'letter',
      dataset: { testid: 'ticket-letter' } });
    queue.push(labelled('ticketLetter', 'Ticket letter', controls.ticketLetter,
      'A–Z: the letter of ticket codes without a topic, e.g. A for A12.' + (creating ? ' Left empty: A.' : '')));
  }
  if (has('topics')) {
    queue.push(topicsSection(given.topics || [], controls));
  }
  const sectionParts = { queue: queue, interpreting: [], privacy: [] };
  for (const [key, label, range, part] of NUMBERS) {
    if (!has(key)) {
      continue;
    }
    controls[key] = node('input', { type: 'number', step: 1, inputMode: 'numeric', className: 'number',
      value: given[key] === undefined || given[key] === null ? '' : String(given[key]), dataset: { testid: key } });
    sectionParts[part].push(labelled(key, label, controls[key], range + (creating ? '. Left empty: Vuoro\'s default.' : '.')));
  }
  if (has('interpreterReadyOnConfirmation')) {
    controls.interpreterReadyOnConfirmation = node('input', { type: 'checkbox',
      checked: Boolean(given.interpreterReadyOnConfirmation), dataset: { testid: 'interpreterReadyOnConfirmation' } });
    controls.interpreterReadyOnConfirmation.addEventListener('change', () => touched.add('interpreterReadyOnConfirmation'));
    sectionParts.interpreting.push(node('div', { className: 'field', dataset: { field: 'interpreterReadyOnConfirmation',
      label: 'Ready when confirmed' } }, node('label', { className: 'check' }, controls.interpreterReadyOnConfirmation,
      ' The visitor is ready to be called once an interpreter confirms')));
  }
  if (sectionParts.queue.length) {
    parts.push(section('Queue and topics', 'queue', ...sectionParts.queue));
  }
  if (sectionParts.interpreting.length) {
    parts.push(section('Interpreting', 'interpreting', ...sectionParts.interpreting));
  }
  if (sectionParts.privacy.length) {
    parts.push(section('Personal data', 'privacy', ...sectionParts.privacy));
  }
  container.replaceChildren(...parts);

  return {
    creating: creating,
    siteId: () => (creating ? controls.siteId.value.trim() : siteId),
    body: () => body(given, creating, has, touched, controls),
    showError: (message) => showError(container, message),
    clearErrors: () => clearErrors(container),
    first: () => (creating ? controls.siteId : controls.name)
  };
}

/**
 * Rows that can be added and removed (exceptions, topics). {@code make(item)} gives a row's fieldset, its legend,
 * the input to focus and {@code key()}, what a refusal may name it by ({@code exceptions.2026-12-24}); the rows are
 * also named by position ({@code exceptions[0]}).
 */
function repeating(name, noun, emptyText, make) {
  const list = node('div', { className: 'rows', dataset: { testid: name } });
  const empty = node('p', { className: 'empty', textContent: emptyText });
  const add = node('button', { type: 'button', className: 'secondary', textContent: 'Add ' + noun,
    dataset: { testid: 'add-' + name.replace(/s$/, '') } });
  const rows = [];
  const renumber = () => {
    rows.forEach((row, i) => {
      row.element.dataset.field = name + '[' + i + ']';
      row.element.dataset.alias = name + '.' + row.key();
      row.legend.textContent = row.title(i + 1);
    });
    empty.hidden = rows.length > 0;
  };
  const addRow = (item) => {
    const row = make(item, renumber);
    const remove = node('button', { type: 'button', className: 'danger small',
      dataset: { testid: 'remove-' + name.replace(/s$/, '') } }, 'Remove', hiddenText(' this ' + noun.split(' ')[1]));
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      row.element.remove();
      renumber();
      add.focus();
    });
    row.element.prepend(row.legend);
    row.element.append(remove);
    rows.push(row);
    list.append(row.element);
    renumber();
    return row;
  };
  add.addEventListener('click', () => addRow({}).focus.focus());
  return { list: list, empty: empty, add: add, rows: rows, addRow: addRow, renumber: renumber };
}

function exceptionsSection(exceptions, controls) {
  const rows = repeating('exceptions', 'an exception', 'No exceptions: the weekly hours hold every day.',
    (exception, renumber) => {
      const date = node('input', { type: 'date', value: exception.date || '', required: true,
        dataset: { testid: 'exception-date' } });
      const hours = hoursEditor('the exception\'s day', exception.hours || []);
      const note = perLanguage('note', 'Note to visitors who text', exception.note, 100, false);
      date.addEventListener('change', renumber);
      return {
        element: node('fieldset', { className: 'exception', dataset: { testid: 'exception', label: 'Exception' } },
          labelled('date', 'Date', date), node('div', { className: 'field', dataset: { field: 'hours',
            label: 'Hours that day' } }, node('p', { className: 'sub-label', textContent: 'Hours that day' }), hours),
          node('div', { className: 'field', dataset: { field: 'note', label: 'Note' } }, note)),
        legend: node('legend'),
        focus: date,
        key: () => date.value,
        title: (n) => 'Exception ' + n + (date.value ? ': ' + date.value : ''),
        value: () => {
          const texts = note.texts();
          return Object.assign({ date: date.value, hours: hours.periods() },
            Object.keys(texts).length ? { note: texts } : {});
        },
        note: note
      };
    });
  exceptions.forEach(rows.addRow);
  const today = node('button', { type: 'button', className: 'secondary', dataset: { testid: 'closed-today' },
    textContent: 'Closed today' });
  today.addEventListener('click', () => {
    const now = new Date();
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    rows.addRow({ date: local, hours: [] }).note.querySelector('input').focus();
  });
  controls.exceptions = () => rows.rows.map((row) => row.value());
  rows.renumber();
  return section('Exceptions', 'exceptions-section',
    node('p', { className: 'hint', textContent: 'A date whose hours replace the weekday\'s: a public holiday, or '
      + '"closed today". No periods is closed all day. The note is sent to visitors who text that day.' }),
    node('div', { dataset: { field: 'exceptions', label: 'Exceptions' } }, rows.list, rows.empty,
      node('div', { className: 'form-actions' }, rows.add, today)));
}

function topicsSection(topics, controls) {
  // A server that still keeps topics as plain words gives strings; they are sent back as words.
  const wordsOnly = topics.some((topic) => typeof topic === 'string');
  const rows = repeating('topics', 'a topic', 'No topics: visitors join one queue.', (topic, renumber) => {
    const given = typeof topic === 'string' ? { word: topic } : topic;
    const word = textInput({ value: given.word || '', maxLength: 20, dir: 'auto', dataset: { testid: 'topic-word' } });
    const letter = textInput({ value: given.letter || '', maxLength: 1, className: 'letter',
      dataset: { testid: 'topic-letter' } });
    const names = perLanguage('names', 'Name', given.names, 30, true);
    word.addEventListener('change', renumber);
    return {
      element: node('fieldset', { className: 'topic', dataset: { testid: 'topic', label: 'Topic' } },
        labelled('word', 'Word visitors text after JOIN', word, 'One word of letters or digits, e.g. KELA.'),
        wordsOnly ? null : labelled('letter', 'Ticket letter', letter, 'A–Z, e.g. K for K12.'),
        wordsOnly ? null : node('div', { className: 'field', dataset: { field: 'names', label: 'Name' } }, names)),
      legend: node('legend'),
      focus: word,
      key: () => word.value.trim().toUpperCase(),
      title: (n) => 'Topic ' + n + (word.value.trim() ? ': ' + word.value.trim() : ''),
      value: () => (wordsOnly ? word.value.trim()
        : { word: word.value.trim(), letter: letter.value.trim(), names: names.texts() })
    };
  });
  topics.forEach(rows.addRow);
  controls.topics = () => rows.rows.map((row) => row.value());
  rows.renumber();
  return node('div', { className: 'field', dataset: { field: 'topics', label: 'Topics' } },
    node('p', { className: 'sub-label', textContent: 'Topics' }),
    node('p', { className: 'hint', textContent: 'With topics, visitors choose one when they join; each topic has its '
      + 'own ticket letter and queue.' }), rows.list, rows.empty, node('div', { className: 'form-actions' }, rows.add));
}

// ---------- reading the form ----------

function body(given, creating, has, touched, controls) {
  const sent = {
    name: controls.name.value.trim(),
    smsNumber: controls.smsNumber.value.trim(),
    timeZone: controls.timeZone.value.trim(),
    openingHours: Object.fromEntries(WEEKDAYS.map(([key]) => [key, controls.days[key].periods()])),
    staffLanguages: [...controls.staffLanguages.querySelectorAll('input:checked')].map((box) => box.value)
  };
  // Existing site: what the server gave is sent back as the form says it. New site: only what was filled in.
  const send = (key, filled) => (creating ? filled : Object.prototype.hasOwnProperty.call(given, key));
  if (controls.exceptions) {
    const exceptions = controls.exceptions();
    if (send('exceptions', exceptions.length > 0)) {
      sent.exceptions = exceptions;
    }
  }
  if (controls.ticketLetter && send('ticketLetter', controls.ticketLetter.value.trim() !== '')) {
    sent.ticketLetter = controls.ticketLetter.value.trim();
  }
  if (controls.topics) {
    const topics = controls.topics();
    if (send('topics', topics.length > 0)) {
      sent.topics = topics;
    }
  }
  for (const [key, , range] of NUMBERS) {
    const input = controls[key];
    if (!input) {
      continue;
    }
    const text = input.value.trim();
    if (input.validity.badInput || (text && !/^-?[0-9]+$/.test(text))) {
      throw new FormError(key, 'a whole number, ' + range.split(':')[0]);
    }
    if (!text && !creating) {
      throw new FormError(key, 'give a whole number, ' + range.split(':')[0]);
    }
    if (send(key, text !== '')) {
      sent[key] = Number(text);
    }
  }
  const ready = controls.interpreterReadyOnConfirmation;
  if (ready && send('interpreterReadyOnConfirmation', touched.has('interpreterReadyOnConfirmation'))) {
    sent.interpreterReadyOnConfirmation = ready.checked;
  }
  if (has('version') && given.version !== undefined) {
    sent.version = given.version;
  }
  return sent;
}

// ---------- refusals next to their field ----------

/** "openingHours.mon", then "openingHours"; "topics[1].letter", then "topics[1]", then "topics". */
function candidates(path) {
  const names = [];
  let name = path;
  while (name) {
    names.push(name);
    const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
    name = cut > 0 ? name.slice(0, cut) : '';
  }
  return names;
}

/** The block of the field a message names, or null; a row's own fields are looked for inside that row. */
function fieldBlock(container, path) {
  for (const name of candidates(path)) {
    const block = container.querySelector('[data-field="' + CSS.escape(name) + '"], [data-alias="' + CSS.escape(name)
      + '"]');
    if (block) {
      const rest = path.slice(name.length).replace(/^\./, '');
      const inner = rest ? block.querySelector('[data-field="' + CSS.escape(rest.split(/[.[]/)[0]) + '"]') : null;
      return inner || block;
    }
  }
  return null;
}

/**
 * Shows "field: what is wrong" next to the field it names, marks the field and moves there; false when the message
 * names no field of the form.
 */
function showError(container, message) {
  const match = /^([A-Za-z][\w.[\]-]*): (.+)$/s.exec(message);
  const block = match ? fieldBlock(container, match[1]) : null;
  if (!block) {
    return false;
  }
  const error = node('p', { id: uid('error'), className: 'form-error field-error', textContent: match[2],
    dataset: { testid: 'field-error' } });
  block.append(error);
  const control = block.matches('input, select') ? block : block.querySelector('input, select');
  if (control) {
    // Read with the field, before its hint; the hint comes back when the error goes.
    const hint = control.getAttribute('aria-describedby');
    control.dataset.hint = hint || '';
    control.setAttribute('aria-describedby', hint ? error.id + ' ' + hint : error.id);
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
  return block.dataset.label || match[1];
}

function clearErrors(container) {
  container.querySelectorAll('.field-error').forEach((error) => error.remove());
  container.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    if (control.dataset.hint) {
      control.setAttribute('aria-describedby', control.dataset.hint);
    } else {
      control.removeAttribute('aria-describedby');
    }
    delete control.dataset.hint;
  });
}
