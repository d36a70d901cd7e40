// Small bar charts drawn as SVG with DOM APIs, no library: each chart is a figure with a caption, an image
// whose accessible name says what it shows, and the same figures as a table for screen readers and paper.
import { node } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 34, left: 36 };

function svgNode(tag, attrs, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}

function svgText(attrs, text) {
  const element = svgNode('text', attrs);
  element.textContent = text;
  return element;
}

/** A round number at or above the largest value, so the top gridline has a plain label. */
function niceMax(max) {
  if (max <= 4) {
    return Math.max(1, max);
  }
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * step >= max) {
      return factor * step;
    }
  }
  return 10 * step;
}

function figure(id, caption, summary, svg, table) {
  const captionId = id + '-caption';
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', caption + '. ' + summary);
  return node('figure', { className: 'chart', id: id, dataset: { testid: id } },
    node('figcaption', { id: captionId, textContent: caption }),
    svg,
    node('details', { className: 'chart-data' },
      node('summary', { textContent: 'The figures as a table' }), table));
}

function dataTable(caption, head, rows) {
  return node('table', { className: 'figures' },
    node('caption', { className: 'visually-hidden', textContent: caption }),
    node('thead', {}, node('tr', {}, ...head.map((text) => node('th', { scope: 'col', textContent: text })))),
    node('tbody', {}, ...rows.map((cells) => node('tr', {},
      node('th', { scope: 'row', textContent: String(cells[0]) }),
      ...cells.slice(1).map((cell) => node('td', { textContent: String(cell) }))))));
}

/**
 * Vertical bars, one group per label with a bar per series side by side.
 * {@code series}: [{ name, key, values }]; {@code labelEvery} thins the labels under a long axis.
 */
export function barChart({ id, caption, summary, labels, series, labelEvery }) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, (groupW * 0.8) / series.length);
  const every = labelEvery || 1;
  const svg = svgNode('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, class: 'bars', preserveAspectRatio: 'none' });
  for (const fraction of [0, 0.5, 1]) {
    const y = PAD.top + plotH * (1 - fraction);
    svg.append(svgNode('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: 'grid' }),
      svgText({ x: PAD.left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, String(Number((max * fraction).toFixed(1)))));
  }
  labels.forEach((label, i) => {
    const x0 = PAD.left + i * groupW + groupW * 0.1;
    series.forEach((s, j) => {
      const value = s.values[i] || 0;
      const h = plotH * value / max;
      svg.append(svgNode('rect', {
        x: (x0 + j * barW).toFixed(2), y: (PAD.top + plotH - h).toFixed(2), width: (barW * 0.92).toFixed(2),
        height: h.toFixed(2), class: 'bar bar-' + s.key, 'data-value': value
      }, svgText({}, label + ': ' + value + ' ' + s.name)));
    });
    if (i % every === 0) {
      svg.append(svgText({ x: (x0 + groupW * 0.4).toFixed(2), y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle',
        class: 'axis' }, label));
    }
  });
  const table = dataTable(caption, [''].concat(series.map((s) => s.name)),
    labels.map((label, i) => [label].concat(series.map((s) => s.values[i] || 0))));
  return node('div', {}, figure(id, caption, summary, svg, table), legend(series));
}

/**
 * Horizontal bars each split into parts that add up to the bar's whole, e.g. how a question's answers spread
 * over the scale. {@code rows}: [{ label, values }]; {@code parts}: [{ name, key }].
 */
export function stackedRows({ id, caption, summary, rows, parts }) {
  const rowH = 34;
  const labelW = 210;
  const height = rows.length * rowH + 8;
  const plotW = WIDTH - labelW - PAD.right;
  const svg = svgNode('svg', { viewBox: '0 0 ' + WIDTH + ' ' + height, class: 'stacked' });
  rows.forEach((row, i) => {
    const total = row.values.reduce((sum, v) => sum + v, 0);
    const y = 4 + i * rowH;
    svg.append(svgText({ x: labelW - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', class: 'axis' }, row.label));
    let x = labelW;
    row.values.forEach((value, j) => {
      const w = total ? plotW * value / total : 0;
      svg.append(svgNode('rect', { x: x.toFixed(2), y: y + 4, width: w.toFixed(2), height: rowH - 10,
        class: 'bar part-' + parts[j].key, 'data-value': value },
      svgText({}, row.label + ': ' + value + ' ' + parts[j].name)));
      x += w;
    });
  });
  const table = dataTable(caption, [''].concat(parts.map((p) => p.name)),
    rows.map((row) => [row.label].concat(row.values)));
  return node('div', {}, figure(id, caption, summary, svg, table), legend(parts));
}

function legend(items) {
  return node('ul', { className: 'legend', attrs: { 'aria-hidden': 'true' } },
    ...items.map((item) => node('li', {}, node('span', { className: 'swatch swatch-' + item.key }),
      item.name)));
}
