// ROC curves as an inline SVG built element by element (no markup parsed): the diagonal of a coin toss, a line per
// model, axes from 0 to 1, and a legend; each line also has a text alternative for screen readers.
import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const SIZE = 320;
const PAD = 36;

function svg(tag, attrs, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

const x = (fpr) => PAD + fpr * (SIZE - 2 * PAD);
const y = (tpr) => SIZE - PAD - tpr * (SIZE - 2 * PAD);

/** `curves`: [{ label, points: [[fpr, tpr], ...], className }]. */
export function rocChart(curves, title) {
  const plot = svg('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, width: SIZE, height: SIZE, role: 'img', class: 'roc-chart',
    'aria-label': title });
  plot.appendChild(svg('title', {}, title));
  plot.appendChild(svg('rect', { x: PAD, y: PAD, width: SIZE - 2 * PAD, height: SIZE - 2 * PAD, class: 'frame' }));
  plot.appendChild(svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: 'chance' }));
  for (const tick of [0, 0.5, 1]) {
    plot.appendChild(svg('text', { x: x(tick), y: SIZE - PAD + 14, 'text-anchor': 'middle', class: 'tick' }, String(tick)));
    plot.appendChild(svg('text', { x: PAD - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' }, String(tick)));
  }
  plot.appendChild(svg('text', { x: SIZE / 2, y: SIZE - 6, 'text-anchor': 'middle', class: 'axis' }, 'false positive rate'));
  plot.appendChild(svg('text', { x: 12, y: SIZE / 2, 'text-anchor': 'middle', class: 'axis',
    transform: `rotate(-90 12 ${SIZE / 2})` }, 'true positive rate'));
  curves.forEach((curve, index) => {
    const points = curve.points.map(([fpr, tpr]) => `${x(fpr).toFixed(1)},${y(tpr).toFixed(1)}`).join(' ');
    plot.appendChild(svg('polyline', { points, class: `curve ${curve.className}`, 'data-points': curve.points.length }));
    plot.appendChild(svg('line', { x1: x(0.55), y1: y(0.2 - index * 0.08), x2: x(0.62), y2: y(0.2 - index * 0.08),
      class: `curve ${curve.className}` }));
    plot.appendChild(svg('text', { x: x(0.64), y: y(0.2 - index * 0.08) + 4, class: 'legend' }, curve.label));
  });
  return h('figure', { class: 'roc' }, plot,
    h('figcaption', {}, title, ': ', curves.map((c) => `${c.label} (${c.points.length} points)`).join(', ')));
}
