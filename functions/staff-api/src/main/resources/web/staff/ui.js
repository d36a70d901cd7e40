// What every staff page shows the same way: the feedback line under the header, elements built with
// textContent only, and the languages Vuoro serves visitors in.

// ---------- the feedback line ----------

let feedbackTimer = null;
let feedbackShow = null;

function feedbackLine() {
  return document.getElementById('feedback');
}

/**
 * Says how an action went. Errors and warnings stay until the next message and are announced at once;
 * the rest fades after 15 s.
 */
export function say(message, kind) {
  const line = feedbackLine();
  const urgent = kind === 'error' || kind === 'warning';
  clearTimeout(feedbackTimer);
  clearTimeout(feedbackShow);
  line.setAttribute('aria-live', urgent ? 'assertive' : 'polite');
  line.className = 'feedback';
  line.textContent = '';
  // A fresh text a moment later, so the same message said twice is announced twice.
  feedbackShow = setTimeout(() => {
    line.className = 'feedback ' + (kind || 'info');
    line.textContent = message;
  }, 30);
  if (!urgent) {
    feedbackTimer = setTimeout(clearFeedback, 15000);
  }
}

export function clearFeedback() {
  const line = feedbackLine();
  clearTimeout(feedbackTimer);
  clearTimeout(feedbackShow);
  line.textContent = '';
  line.className = 'feedback';
}

// ---------- building elements ----------

/**
 * An element with properties (className, type, textContent, hidden, …), data-* entries under
 * {@code dataset}, attributes under {@code attrs}, and children (nodes or text).
 */
export function node(tag, props, ...children) {
  const element = document.createElement(tag);
  const { dataset, attrs, ...rest } = props || {};
  Object.assign(element, rest);
  Object.assign(element.dataset, dataset || {});
  for (const [name, value] of Object.entries(attrs || {})) {
    element.setAttribute(name, value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

export function textSpan(className, text) {
  return node('span', { className: className, textContent: text });
}

/** A name someone typed, kept in its own writing direction inside the surrounding text. */
export function isolated(text) {
  return node('bdi', { textContent: text });
}

export function fillSelect(select, options, selected) {
  select.textContent = '';
  for (const [value, label] of options) {
    select.append(new Option(label, value));
  }
  select.value = options.some(([value]) => value === selected) ? selected : options[0][0];
}

// ---------- languages ----------

// The languages visitors are served in, as the server's message catalogue lists them
// (code, the language's own name, English name for staff, right to left).
let languages = [];

/** Loads the languages once; a page still works, with codes for names, if they cannot be read. */
export async function loadLanguages() {
  try {
    const response = await fetch('/staff/api/languages', { headers: { Accept: 'application/json' } });
    languages = response.ok ? await response.json() : [];
  } catch (e) {
    languages = [];
  }
  return languages;
}

export function knownLanguages() {
  return languages;
}

export function language(code) {
  return languages.find((l) => l.code === code) || null;
}

/** The English name staff read, or the code where the catalogue does not have it. */
export function englishName(code) {
  const known = language(code);
  return known ? known.english : code;
}

/** "Arabic – العربية"; a language whose English name is its own name once. */
export function languageOption(known) {
  return known.english === known.name ? known.english : known.english + ' – ' + known.name;
}

// ---------- sites ----------

/**
 * Offers the member of staff's sites in the site picker (shown only for more than one) and returns the
 * site to show: the one asked for if it is theirs, else the first.
 */
export function offerSites(select, label, sites, wanted) {
  fillSelect(select, sites.map((site) => [site.id, site.name + ' (' + site.id + ')']), wanted);
  label.hidden = sites.length < 2;
  return select.value;
}
