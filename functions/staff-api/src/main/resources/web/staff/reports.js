// Vuoro reports page: a site's coordinator reads the report of a period as charts and tables, downloads it
// as CSV, and prints a plain summary for the visitors' advisory council. Aggregates only: the server leaves
// out any feedback group with fewer than five answers, and the page says so in words.
import { api, startSession } from './session.js';
import { englishName, loadLanguages, node, say } from './ui.js';
import { coordinatorPage } from './coordinator-page.js';
import { barChart, stackedRows } from './charts.js';

const STORE = { site: 'vuoro.coordinator.site' };
const DEFAULT_DAYS = 28;
const QUESTIONS = {
  helped: 'Was I helped',
  understood: 'Was I understood',
  knows: 'Do I now know better where to get help'
};
const POINTS = [
  { key: 'p1', name: '1 (worst)' }, { key: 'p2', name: '2' }, { key: 'p3', name: '3' }, { key: 'p4', name: '4' },
  { key: 'p5', name: '5 (best)' }
];

const $ = (id) => document.getElementById(id);
const el = {
  interpretersLink: $('interpreters-link'), queueLink: $('queue-link'),
  period: $('period'), from: $('from'), to: $('to'), periodError: $('period-error'), download: $('download'),
  print: $('print'), report: $('report'), printTitle: $('print-title'), printText: $('print-text'),
  figures: $('figures'), visitsCharts: $('visits-charts'), groups: $('groups'), feedbackPart: $('feedback-part'),
  commentsCard: $('comments-card'), comments: $('comments')
};

const state = { siteId: null, report: null };

// ---------- dates ----------

// A service day is a day in Helsinki (the domain's Site.ZONE), whatever the clock of the laptop says.
const SERVICE_ZONE = 'Europe/Helsinki';

function serviceToday() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: SERVICE_ZONE, year: 'numeric', month: 'numeric',
    day: 'numeric' }).formatToParts(new Date());
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function defaultPeriod() {
  const to = serviceToday();
  const from = new Date(to.getTime());
  from.setUTCDate(from.getUTCDate() - (DEFAULT_DAYS - 1));
  el.from.value = isoDay(from);
  el.to.value = isoDay(to);
}

function longDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

function shortDay(iso) {
  const [, m, d] = iso.split('-').map(Number);
  return d + '.' + m + '.';
}

// ---------- the session: who, which site ----------

const page = coordinatorPage({
  refusal: 'Reports are for a site\'s coordinators: ask yours for the figures.',
  storeKey: STORE.site,
  choose: chooseSite,
  signedOut: () => {
    el.report.hidden = true;
    state.report = null;
  }
});

function chooseSite(siteId) {
  state.siteId = siteId;
  el.queueLink.href = 'index.html';
  el.interpretersLink.href = 'interpreters.html?site=' + encodeURIComponent(siteId);
  el.interpretersLink.hidden = !(page.me.coordinatorOf || []).includes(siteId);
  document.title = 'Reports of ' + page.siteName(siteId) + ' – Vuoro';
  load();
}

// ---------- reading the report ----------

function reportPath(suffix) {
  return '/staff/api/sites/' + encodeURIComponent(state.siteId) + '/reports' + suffix + '?from='
    + encodeURIComponent(el.from.value) + '&to=' + encodeURIComponent(el.to.value);
}

function periodProblem() {
  if (!el.from.value || !el.to.value) {
    return 'Give both days of the period.';
  }
  if (el.to.value < el.from.value) {
    return 'The period ends before it starts: choose a "To" day on or after the "From" day.';
  }
  return '';
}

async function load() {
  const problem = periodProblem();
  el.periodError.textContent = problem;
  if (problem) {
    return;
  }
  await page.read(reportPath(''), {
    busy: el.report, formError: el.periodError, shown: (report) => {
      state.report = report;
      render(report);
    }
  });
}

async function download() {
  const problem = periodProblem();
  el.periodError.textContent = problem;
  if (problem) {
    return;
  }
  try {
    const response = await api('GET', reportPath('.csv'), undefined, { Accept: 'text/csv' });
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename="([^"]+)"/.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = node('a', { href: url, download: named ? named[1] : 'vuoro-report.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say('The report was saved as ' + link.download + '.', 'success');
  } catch (e) {
    if (e.status !== 401) {
      say(e.message, 'error');
    }
  }
}

// ---------- showing it ----------

function render(report) {
  el.report.hidden = false;
  renderSummary(report);
  renderFigures(report);
  renderVisits(report.visits);
  renderGroups(report.visits);
  renderFeedback(report.feedback);
  renderComments(report.feedback);
}

function minutes(value) {
  return value === null || value === undefined ? 'no waits' : value + ' min';
}

function percent(part, whole) {
  return whole ? Math.round(100 * part / whole) + ' %' : '–';
}

function renderFigures(report) {
  const { visits, interpreters, feedback } = report;
  const items = [
    ['Served', visits.served, 'served'],
    ['Did not come when called', visits.noShows, 'no-shows'],
    ['Left the queue', visits.left, 'left'],
    ['Median wait', minutes(visits.medianWaitMinutes), 'median-wait'],
    ['9 in 10 waited at most', minutes(visits.p90WaitMinutes), 'p90-wait'],
    ['Interpreter asked for', interpreters.requested, 'interpreters-requested'],
    ['Interpreter found', interpreters.found + ' (' + percent(interpreters.found, interpreters.requested) + ')',
      'interpreters-found'],
    ['Asked for feedback', feedback.invited, 'invited'],
    ['Answered', feedback.responses + ' (' + (feedback.responseRate === null ? '–'
      : Math.round(100 * feedback.responseRate) + ' %') + ')', 'responses']
  ];
  el.figures.replaceChildren(...items.flatMap(([term, value, testid]) => [
    node('dt', { textContent: term }),
    node('dd', { textContent: String(value), dataset: { testid: 'figure-' + testid } })]));
}

function renderVisits(visits) {
  const days = visits.perDay.map((d) => shortDay(d.date));
  const busiest = visits.joinedByHour.indexOf(Math.max(...visits.joinedByHour));
  const joined = visits.joinedByHour.reduce((sum, n) => sum + n, 0);
  el.visitsCharts.replaceChildren(
    barChart({
      id: 'chart-per-day', caption: 'Visits per day',
      summary: visits.served + ' served and ' + visits.noShows + ' did not come when called over '
        + visits.perDay.length + ' days.',
      labels: days, labelEvery: Math.ceil(days.length / 14),
      series: [
        { name: 'served', key: 'served', values: visits.perDay.map((d) => d.served) },
        { name: 'did not come', key: 'no-show', values: visits.perDay.map((d) => d.noShows) }
      ]
    }),
    barChart({
      id: 'chart-by-hour', caption: 'Visitors by the hour they joined the queue',
      summary: joined ? 'Most joined at ' + String(busiest).padStart(2, '0') + ':00–'
        + String(busiest + 1).padStart(2, '0') + ':00.' : 'Nobody joined in the period.',
      labels: visits.joinedByHour.map((n, hour) => String(hour).padStart(2, '0')), labelEvery: 2,
      series: [{ name: 'joined', key: 'joined', values: visits.joinedByHour }]
    }));
}

function groupName(kind, group) {
  if (kind === 'topic') {
    return group === 'none' ? 'No topic' : group;
  }
  if (kind === 'language') {
    return englishName(group);
  }
  return group === 'with' ? 'With an interpreter' : 'Without an interpreter';
}

const KINDS = [['byTopic', 'topic', 'Topic'], ['byLanguage', 'language', 'Language'],
  ['byInterpreter', 'interpreter', 'Interpreter']];

function renderGroups(visits) {
  el.groups.replaceChildren(...KINDS.map(([field, kind, title]) => groupTable(
    'By ' + kind, [title, 'Served', 'Did not come', 'Left', 'Median wait', '9 in 10 waited at most'],
    visits[field].map((g) => [groupName(kind, g.group), g.served, g.noShows, g.left, minutes(g.medianWaitMinutes),
      minutes(g.p90WaitMinutes)]), 'visits-' + kind)));
}

function groupTable(caption, head, rows, testid) {
  if (!rows.length) {
    return node('div', { className: 'group' }, node('h3', { textContent: caption }),
      node('p', { className: 'empty', textContent: 'Nothing in the period.' }));
  }
  const headingId = 'h-' + testid;
  return node('div', { className: 'group' }, node('h3', { id: headingId, textContent: caption }),
    node('div', { className: 'table-wrap', tabIndex: 0, attrs: { role: 'region', 'aria-labelledby': headingId } },
    node('table', { className: 'figures', dataset: { testid: testid } },
      node('thead', {}, node('tr', {}, ...head.map((text) => node('th', { scope: 'col', textContent: text })))),
      node('tbody', {}, ...rows.map((cells) => node('tr', {},
        node('th', { scope: 'row', textContent: String(cells[0]) }),
        ...cells.slice(1).map((cell) => node('td', { textContent: String(cell) }))))))));
}

function suppressedText(feedback) {
  return 'Fewer than ' + feedback.minimumGroup + ' answers: not shown so nobody can be recognised.';
}

function questionName(question) {
  return QUESTIONS[question] || question;
}

function average(value) {
  return value === null || value === undefined ? '–' : value.toFixed(1);
}

function renderFeedback(feedback) {
  if (feedback.suppressed) {
    el.feedbackPart.replaceChildren(node('p', {
      className: 'suppressed', textContent: feedback.responses + ' answered. ' + suppressedText(feedback),
      dataset: { testid: 'feedback-suppressed' }
    }));
    return;
  }
  const averages = feedback.questions.map((q) => questionName(q.question) + ' ' + average(q.average)).join('; ');
  el.feedbackPart.replaceChildren(
    stackedRows({
      id: 'chart-feedback', caption: 'How the ' + feedback.responses + ' answers spread from 1 (worst) to 5 (best)',
      summary: 'Averages: ' + averages + '.',
      rows: feedback.questions.map((q) => ({ label: questionName(q.question), values: q.points })),
      parts: POINTS
    }),
    node('div', { className: 'groups' }, ...KINDS.map(([field, kind, title]) => feedbackTable(feedback, field, kind,
      title))));
}

function feedbackTable(feedback, field, kind, title) {
  const groups = feedback[field];
  const head = [title, 'Answers'].concat(feedback.questions.map((q) => questionName(q.question) + ' (average)'));
  const table = groupTable('Feedback by ' + kind, head, groups.map((g) => [groupName(kind, g.group), g.responses]
    .concat(g.questions.map((q) => average(q.average)))), 'feedback-' + kind);
  table.append(node('p', { className: 'hint', textContent: 'Groups with fewer than ' + feedback.minimumGroup
    + ' answers are left out so nobody can be recognised.' }));
  return table;
}

function renderComments(feedback) {
  const comments = feedback.comments || [];
  el.commentsCard.hidden = feedback.suppressed;
  el.comments.replaceChildren(...(comments.length ? comments.map((c) => node('li', {},
    node('span', { className: 'week', textContent: 'Week ' + c.week + ': ' }),
    node('bdi', { textContent: c.text }))) : [node('li', { className: 'empty', textContent: 'No comments.' })]));
}

// The printed page: what a site can hand to its visitors' advisory council, in sentences.
function renderSummary(report) {
  const { visits, interpreters, feedback } = report;
  el.printTitle.textContent = report.siteName + ': ' + longDay(report.from) + ' – ' + longDay(report.to);
  const sentences = [
    visits.served + ' visitors were served. ' + visits.noShows + ' did not come when called and ' + visits.left
      + ' left the queue before their turn.',
    visits.medianWaitMinutes === null ? 'Nobody was called in the period, so there are no waiting times.'
      : 'Half of the visitors waited ' + visits.medianWaitMinutes + ' minutes or less; 9 in 10 waited '
        + visits.p90WaitMinutes + ' minutes or less.',
    interpreters.requested ? 'An interpreter was asked for ' + interpreters.requested + ' times and found '
      + interpreters.found + ' times.' : 'Nobody needed an interpreter.',
    feedback.invited + ' visitors were asked for feedback and ' + feedback.responses + ' answered.'
  ];
  if (feedback.suppressed) {
    sentences.push('The answers are not shown: ' + suppressedText(feedback).charAt(0).toLowerCase()
      + suppressedText(feedback).slice(1));
  } else {
    feedback.questions.forEach((q) => sentences.push('"' + questionName(q.question) + '?" ' + q.answers
      + ' answered, on average ' + average(q.average) + ' out of 5.'));
  }
  el.printText.replaceChildren(...sentences.map((text) => node('p', { textContent: text })));
}

// ---------- wiring ----------

el.period.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
el.download.addEventListener('click', download);
el.print.addEventListener('click', () => window.print());
defaultPeriod();
loadLanguages().then(() => startSession(page));
