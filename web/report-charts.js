// The two charts of /rapporter, drawn with Chart.js (from the WebJar, loaded by rapporter.html as window.Chart),
// each with an aria-label and a full text alternative. Okabe–Ito colours: distinguishable with every common
// colour-vision deficiency; negative bars differ in colour and in sign.
import { get } from './api.js';
import { el, replace } from './ui.js';

const BLUE = '#0072B2';
const VERMILLION = '#D55E00';
const BLACK = '#000000';
const GROUP_TITLES = { worker: 'Medarbetare', unit: 'Enhet', week: 'Vecka', month: 'Månad', tertial: 'Tertial' };
const charts = {};

const pad = (n) => String(n).padStart(2, '0');
const isoDate = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());

function chartAvailable(canvas, text) {
  if (window.Chart) return true;
  canvas.hidden = true;
  text.parentElement.open = true;
  return false;
}

/** Draws the 95 % interval of each bar as a black whisker (Chart.js has no error bars of its own). */
const whiskers = {
  id: 'whiskers',
  afterDatasetsDraw(chart, args, options) {
    const intervals = options.intervals || [];
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const y = chart.scales.y;
    ctx.save();
    ctx.strokeStyle = BLACK;
    ctx.lineWidth = 2;
    meta.data.forEach((bar, i) => {
      const ci = intervals[i];
      if (!ci) return;
      const top = y.getPixelForValue(ci.high);
      const bottom = y.getPixelForValue(ci.low);
      const half = Math.min(10, bar.width / 3);
      ctx.beginPath();
      ctx.moveTo(bar.x, top); ctx.lineTo(bar.x, bottom);
      ctx.moveTo(bar.x - half, top); ctx.lineTo(bar.x + half, top);
      ctx.moveTo(bar.x - half, bottom); ctx.lineTo(bar.x + half, bottom);
      ctx.stroke();
    });
    ctx.restore();
  }
};

/** Mean saved minutes per note of each shown group, with the 95 % interval. `num` formats figures. */
export function drawGroupChart(report, num) {
  const canvas = document.getElementById('chart-groups');
  const text = document.getElementById('chart1-text');
  const shown = report.rows.filter((r) => !r.suppressed && r.meanSavedMinutes !== null);
  const hidden = report.rows.filter((r) => r.suppressed);
  const summary = shown.length === 0 ? 'Inga redovisade grupper att visa.'
    : 'Stapeldiagram: sparade minuter per anteckning (medelvärde) med 95 %-intervall, per '
      + (GROUP_TITLES[report.groupBy] || 'grupp').toLowerCase() + '.';
  canvas.setAttribute('aria-label', summary);
  replace(text, el('p', {}, summary),
    shown.length ? el('ul', {}, shown.map((r) => el('li', {}, r.key + ': ' + num(r.meanSavedMinutes, 2)
      + ' minuter per anteckning' + (r.ci95 ? ' (95 %-intervall ' + num(r.ci95.low, 2) + ' till ' + num(r.ci95.high, 2) + ')' : '')
      + ', ' + r.notes + ' anteckningar'))) : null,
    hidden.length ? el('p', {}, 'Redovisas inte (för få medarbetare): ' + hidden.map((r) => r.key).join(', ') + '.') : null);
  if (!chartAvailable(canvas, text)) return;
  if (charts.groups) charts.groups.destroy();
  charts.groups = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: shown.map((r) => r.key),
      datasets: [{
        label: 'Sparade minuter per anteckning',
        data: shown.map((r) => r.meanSavedMinutes),
        backgroundColor: shown.map((r) => r.meanSavedMinutes < 0 ? VERMILLION : BLUE),
        borderColor: BLACK,
        borderWidth: 1
      }]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        whiskers: { intervals: shown.map((r) => r.ci95) },
        tooltip: { callbacks: { label: (c) => num(c.parsed.y, 2) + ' min per anteckning' } }
      },
      scales: {
        y: {
          title: { display: true, text: 'Minuter per anteckning', color: BLACK },
          ticks: { color: BLACK },
          suggestedMin: Math.min(0, ...shown.map((r) => r.ci95 ? r.ci95.low : r.meanSavedMinutes)),
          suggestedMax: Math.max(0, ...shown.map((r) => r.ci95 ? r.ci95.high : r.meanSavedMinutes))
        },
        x: { ticks: { color: BLACK } }
      }
    },
    plugins: [whiskers]
  });
}

/** The twelve months up to the end of the shown period, by month, for the trend chart. */
export async function drawTrendChart(report, num) {
  const [y, m] = report.to.split('-').map(Number);
  const from = isoDate(new Date(y, m - 12, 1));
  const to = isoDate(new Date(y, m, 0));
  const canvas = document.getElementById('chart-trend');
  const text = document.getElementById('chart2-text');
  let trend;
  try {
    trend = await get('/api/reports/time-saved?from=' + from + '&to=' + to + '&groupBy=month');
  } catch (e) {
    replace(text, el('p', {}, 'Utvecklingen kunde inte hämtas: ' + e.message));
    return;
  }
  const months = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(y, m - 12 + i, 1);
    months.push(d.getFullYear() + '-' + pad(d.getMonth() + 1));
  }
  const byKey = new Map(trend.rows.map((r) => [r.key, r]));
  const monthName = (key) => {
    const [yy, mm] = key.split('-').map(Number);
    return new Date(yy, mm - 1, 1).toLocaleDateString('sv-SE', { month: 'short', year: 'numeric' });
  };
  const values = months.map((k) => {
    const r = byKey.get(k);
    return r && !r.suppressed && r.meanSavedMinutes !== null ? r.meanSavedMinutes : null;
  });
  // a line over twelve empty months is only an empty axis: say so in words instead
  const empty = values.every((v) => v === null);
  const summary = empty ? 'Inga månader med redovisade siffror mellan ' + monthName(months[0]) + ' och '
      + monthName(months[11]) + ', så det finns ingen kurva att rita.'
    : 'Linjediagram: sparade minuter per anteckning månad för månad, ' + monthName(months[0])
      + ' till ' + monthName(months[11]) + '.';
  canvas.setAttribute('aria-label', summary);
  replace(text, el('p', {}, summary), el('ul', {}, months.map((k, i) => {
    const r = byKey.get(k);
    const value = r && r.suppressed ? 'redovisas inte (för få medarbetare)'
      : values[i] === null ? 'inga dikterade anteckningar'
        : num(values[i], 2) + ' minuter per anteckning, ' + r.notes + ' anteckningar';
    return el('li', {}, monthName(k) + ': ' + value);
  })));
  if (charts.trend) charts.trend.destroy();
  charts.trend = null;
  canvas.parentElement.hidden = empty; // the chart box keeps its height even with the canvas hidden
  if (empty) {
    text.parentElement.open = true;
    return;
  }
  if (!chartAvailable(canvas, text)) return;
  charts.trend = new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: months.map(monthName),
      datasets: [{
        label: 'Sparade minuter per anteckning',
        data: values,
        borderColor: BLUE,
        backgroundColor: BLUE,
        pointStyle: 'rectRot',
        pointRadius: 5,
        borderWidth: 3,
        spanGaps: false
      }]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        y: { title: { display: true, text: 'Minuter per anteckning', color: BLACK }, ticks: { color: BLACK }, suggestedMin: 0 },
        x: { ticks: { color: BLACK } }
      }
    }
  });
}
