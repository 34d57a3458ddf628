// /rapporter: time saved by dictation. Managers see their unit, workers their own figures. The URL mirrors
// the period and grouping; CSV and PDF links carry exactly the parameters of what is shown.
import { startPage } from './shell.js';
import { get } from './api.js';
import { el, replace, banner, clearBanners, errorSummary, formatDate } from './ui.js';

import { drawGroupChart, drawTrendChart } from './report-charts.js';

const GROUP_TITLES = { worker: 'Medarbetare', unit: 'Enhet', week: 'Vecka', month: 'Månad', tertial: 'Tertial' };

const me = await startPage({ roles: ['worker', 'manager'], title: 'Rapporter' });
if (me) init();

function init() {
  const manager = me.role === 'manager';
  document.getElementById('report-title').textContent = manager ? 'Sparad tid – ' + me.unit : 'Mina siffror';
  document.getElementById('report-lead').textContent = manager
    ? 'Hur mycket dokumentationstid dikteringen sparar i ' + me.unit + '. Underlaget för nämndrapporten.'
    : 'Hur mycket tid dikteringen har sparat dig. Bara du och din chef ser dina egna siffror.';
  if (!manager) {
    const group = document.getElementById('group-by');
    group.value = 'month';
  }
  fillTertials();
  document.getElementById('period-kind').addEventListener('change', showPeriodFields);
  document.getElementById('report-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const params = formParams();
    if (!params) return;
    history.pushState(null, '', '/rapporter?' + params.toString());
    run(params);
  });
  window.addEventListener('popstate', () => run(fromUrl()));
  run(fromUrl());
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function isoDate(d) {
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

function tertialOf(d) {
  return d.getFullYear() + '-T' + (Math.floor(d.getMonth() / 4) + 1);
}

function tertialRange(key) {
  const [year, t] = key.split('-T').map(Number);
  const from = new Date(year, (t - 1) * 4, 1);
  const to = new Date(year, t * 4, 0);
  return [isoDate(from), isoDate(to)];
}

function fillTertials() {
  const select = document.getElementById('period-tertial');
  const now = new Date();
  let year = now.getFullYear();
  let t = Math.floor(now.getMonth() / 4) + 1;
  for (let i = 0; i < 9; i++) {
    const key = year + '-T' + t;
    const [from, to] = tertialRange(key);
    const month = (iso) => new Date(iso + 'T12:00:00').toLocaleDateString('sv-SE', { month: 'short' }).replace('.', '');
    select.appendChild(el('option', { value: key },
      'T' + t + ' ' + year + ' (' + month(from) + '–' + month(to) + ')' + (i === 0 ? ', pågår' : '')));
    t--;
    if (t === 0) { t = 3; year--; }
  }
  document.getElementById('period-month').value = now.getFullYear() + '-' + pad(now.getMonth() + 1);
  document.getElementById('period-week').value = isoWeekKey(now);
}

function isoWeekKey(d) {
  const date = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((date - yearStart) / 86400000 + 1) / 7);
  return date.getUTCFullYear() + '-W' + pad(week);
}

/** Monday and Sunday of ISO week "2026-W07". */
function weekRange(key) {
  const [year, week] = key.split('-W').map(Number);
  const jan4 = new Date(year, 0, 4);
  const monday = new Date(year, 0, 4 - ((jan4.getDay() || 7) - 1) + (week - 1) * 7);
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  return [isoDate(monday), isoDate(sunday)];
}

function showPeriodFields() {
  const kind = document.getElementById('period-kind').value;
  document.getElementById('field-tertial').hidden = kind !== 'tertial';
  document.getElementById('field-month').hidden = kind !== 'month';
  document.getElementById('field-week').hidden = kind !== 'week';
  document.getElementById('field-from').hidden = kind !== 'custom';
  document.getElementById('field-to').hidden = kind !== 'custom';
}

/** The API parameters for the form's choice, or null after showing what is missing. */
function formParams() {
  clearBanners();
  errorSummary(document.getElementById('main'), []);
  const kind = document.getElementById('period-kind').value;
  const p = new URLSearchParams();
  if (kind === 'tertial') {
    p.set('tertial', document.getElementById('period-tertial').value);
  } else {
    let range;
    if (kind === 'month') {
      const m = document.getElementById('period-month').value;
      if (!/^\d{4}-\d{2}$/.test(m)) return missing('Välj en månad.', 'period-month');
      const [y, mo] = m.split('-').map(Number);
      range = [m + '-01', isoDate(new Date(y, mo, 0))];
    } else if (kind === 'week') {
      const w = document.getElementById('period-week').value;
      if (!/^\d{4}-W\d{2}$/.test(w)) return missing('Välj en vecka.', 'period-week');
      range = weekRange(w);
    } else {
      const from = document.getElementById('period-from').value;
      const to = document.getElementById('period-to').value;
      if (!from) return missing('Ange ett datum i ”Från och med”.', 'period-from');
      if (!to) return missing('Ange ett datum i ”Till och med”.', 'period-to');
      if (to < from) return missing('”Till och med” ligger före ”Från och med”. Välj ett slutdatum på eller efter startdatumet.', 'period-to');
      range = [from, to];
    }
    p.set('period', kind);
    p.set('from', range[0]);
    p.set('to', range[1]);
  }
  p.set('groupBy', document.getElementById('group-by').value);
  return p;
}

/** Shows what to correct in an error summary that links to the field; the shown report stays. */
function missing(message, field) {
  errorSummary(document.getElementById('main'), [{ message, field }]);
  return null;
}

/** The URL's parameters, the form set to match; without any, the current tertial. */
function fromUrl() {
  const p = new URLSearchParams(location.search);
  const kind = p.get('tertial') ? 'tertial' : (p.get('period') || (p.get('from') ? 'custom' : 'tertial'));
  document.getElementById('period-kind').value = kind;
  if (p.get('groupBy')) document.getElementById('group-by').value = p.get('groupBy');
  if (kind === 'tertial') {
    const key = p.get('tertial') || tertialOf(new Date());
    const select = document.getElementById('period-tertial');
    if (!Array.from(select.options).some((o) => o.value === key)) select.appendChild(el('option', { value: key }, key));
    select.value = key;
    p.set('tertial', key);
  } else if (kind === 'month' && p.get('from')) {
    document.getElementById('period-month').value = p.get('from').slice(0, 7);
  } else if (kind === 'week' && p.get('from')) {
    const [y, m, d] = p.get('from').split('-').map(Number);
    document.getElementById('period-week').value = isoWeekKey(new Date(y, m - 1, d));
  } else {
    document.getElementById('period-from').value = p.get('from') || '';
    document.getElementById('period-to').value = p.get('to') || '';
  }
  if (!p.get('groupBy')) p.set('groupBy', document.getElementById('group-by').value);
  showPeriodFields();
  return p;
}

/** API parameters without the page-only "period" kind. */
function apiQuery(params) {
  const q = new URLSearchParams(params);
  q.delete('period');
  return q.toString();
}

async function run(params) {
  clearBanners();
  const query = apiQuery(params);
  let report;
  try {
    report = await get('/api/reports/time-saved?' + query);
  } catch (e) {
    banner(e.message, 'error');
    document.getElementById('report').hidden = true;
    return;
  }
  document.getElementById('report').hidden = false;
  document.getElementById('report-csv').href = '/api/reports/time-saved.csv?' + query;
  document.getElementById('report-pdf').href = '/api/reports/time-saved.pdf?' + query;
  renderHeadline(report);
  renderTable(report);
  renderMethod(report);
  drawGroupChart(report, num);
  drawTrendChart(report, num);
}

const num = (value, decimals) => value === null || value === undefined ? '–'
  : Number(value).toLocaleString('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function periodText(report) {
  return formatDate(report.from) + ' – ' + formatDate(report.to);
}

function renderHeadline(report) {
  const h = report.headline || {};
  document.getElementById('period-heading').textContent = 'Perioden ' + periodText(report);
  const quote = document.getElementById('headline-quote');
  const list = document.getElementById('headline');
  if (h.suppressed) {
    quote.textContent = 'Periodens sammanfattning redovisas inte med den här grupperingen eftersom den omfattar färre än '
      + report.method.minWorkersPerRow + ' medarbetare. Välj gruppering per medarbetare.';
    replace(list);
    return;
  }
  const share = h.dictatedShare === null || h.dictatedShare === undefined ? null : h.dictatedShare * 100;
  const signed = h.signedNotes === 1 ? 'den signerade anteckningen' : 'de ' + h.signedNotes + ' signerade anteckningarna';
  // No dictated note in the period: nothing was saved or measured, and a sentence of "–" would say nothing.
  quote.textContent = !h.dictatedNotes
    ? 'Under perioden ' + periodText(report) + ' signerades inga dikterade anteckningar, så det finns ingen sparad tid att visa.'
      + (h.signedNotes ? ' ' + (h.signedNotes === 1 ? 'Den signerade anteckningen skrevs utan diktering.'
        : 'Alla ' + h.signedNotes + ' signerade anteckningar skrevs utan diktering.') : '')
    : 'Under perioden ' + periodText(report) + ' sparade dikteringen ' + num(h.savedHours, 1)
    + ' timmar, ' + num(h.savedMinutesPerNote, 2) + ' minuter per anteckning'
    + (me.role === 'manager' ? ' och ' + num(h.savedHoursPerWorker, 1) + ' timmar per medarbetare' : '') + '. '
    + (share === null ? '' : num(share, 0) + ' % av ' + signed + ' var dikterade. ')
    + 'Siffrorna bygger på ' + (h.dictatedNotes === 1 ? '1 dikterad anteckning' : h.dictatedNotes + ' dikterade anteckningar')
    + (me.role === 'manager' ? ' av ' + h.workers + ' medarbetare.' : '.');
  const item = (testid, value, label) => el('div', { class: 'headline__item' },
    el('dt', { class: 'headline__label' }, label),
    el('dd', { class: 'headline__value', 'data-testid': testid }, value));
  replace(list,
    item('headline-hours', num(h.savedHours, 1), 'timmar sparade'),
    item('headline-per-note', num(h.savedMinutesPerNote, 2), 'minuter per anteckning'),
    me.role === 'manager' ? item('headline-per-worker', num(h.savedHoursPerWorker, 1), 'timmar per medarbetare') : null,
    item('headline-share', share === null ? '–' : num(share, 0) + ' %', 'av signerade anteckningar dikterades'),
    item('headline-notes', String(h.dictatedNotes), 'dikterade anteckningar i underlaget'));
}

const COLUMNS = [
  ['notes', 'Anteckningar', (r) => String(r.notes)],
  ['workers', 'Medarbetare', (r) => String(r.workers)],
  ['words', 'Ord', (r) => String(r.words)],
  ['audioSeconds', 'Inspelad (min)', (r) => num(r.audioSeconds / 60, 1)],
  ['editSeconds', 'Redigering (min)', (r) => num(r.editSeconds / 60, 1)],
  ['baselineSeconds', 'Baslinje (min)', (r) => num(r.baselineSeconds / 60, 1)],
  ['savedSeconds', 'Sparad (min)', (r) => num(r.savedSeconds / 60, 1)],
  ['meanSavedMinutes', 'Medel per anteckning (min)', (r) => num(r.meanSavedMinutes, 2)],
  ['medianSavedMinutes', 'Median (min)', (r) => num(r.medianSavedMinutes, 2)],
  ['ci95', '95 %-intervall (min)', (r) => r.ci95 ? num(r.ci95.low, 2) + ' – ' + num(r.ci95.high, 2) : '–']
];

function renderTable(report) {
  const groupTitle = GROUP_TITLES[report.groupBy] || 'Grupp';
  document.getElementById('report-table').setAttribute('data-group-by', report.groupBy);
  document.getElementById('table-caption').textContent = 'Sparad tid per ' + groupTitle.toLowerCase()
    + ', ' + periodText(report);
  replace(document.getElementById('report-head'), el('tr', {},
    el('th', { scope: 'col' }, groupTitle),
    COLUMNS.map(([, title]) => el('th', { scope: 'col', class: 'num' }, title))));
  const row = (r, total) => {
    const attrs = { 'data-testid': 'report-row', 'data-key': r.key, class: total ? 'total' : false };
    if (r.suppressed) {
      return el('tr', attrs, el('th', { scope: 'row' }, r.key),
        el('td', { colspan: String(COLUMNS.length), class: 'suppressed', 'data-testid': 'suppressed' },
          'Redovisas inte: färre än ' + report.method.minWorkersPerRow + ' medarbetare, så att ingen enskild kan pekas ut.'));
    }
    return el('tr', { ...attrs, 'data-notes': String(r.notes), 'data-saved-seconds': String(r.savedSeconds),
      'data-mean': r.meanSavedMinutes === null ? '' : String(r.meanSavedMinutes) },
    el('th', { scope: 'row' }, r.key),
    COLUMNS.map(([key, , format]) => el('td', { class: 'num', 'data-col': key }, format(r))));
  };
  const rows = report.rows.map((r) => row(r, false));
  if (rows.length === 0) {
    rows.push(el('tr', {}, el('td', { colspan: String(COLUMNS.length + 1), class: 'empty' },
      'Inga dikterade anteckningar signerades under perioden.')));
  }
  rows.push(row(report.total, true));
  replace(document.getElementById('report-rows'), rows);
}

function renderMethod(report) {
  const m = report.method;
  document.getElementById('method-text').textContent = m.text;
  const source = { measured: 'uppmätt från maskinskrivna anteckningar', configured: 'standardvärdet',
    mixed: 'delvis uppmätt, delvis standardvärdet' }[m.source] || m.source;
  document.getElementById('method-extra').textContent = 'Skrivhastigheten i perioden motsvarar '
    + num(m.baselineWordsPerMinute, 1) + ' ord per minut (' + source + '). Standardvärdet är '
    + num(m.configuredWordsPerMinute, 1) + ' ord per minut (källa: ' + m.configuredSource + ').'
    + (m.pseudonymised ? ' Medarbetarna visas under pseudonym, precis som i exporten.' : '');
}
