// /sok: search the unit's notes. The URL mirrors the search (same parameters as /api/search), so a search
// can be bookmarked and the back button steps through earlier searches. Snippets keep only <mark>.
import { startPage } from './shell.js';
import { get, ApiError } from './api.js';
import { el, replace, banner, clearBanners, formatDate, statusTag } from './ui.js';
import { snippetFragment } from './marks.js';

const PARAMS = ['q', 'caseId', 'template', 'section', 'author', 'status', 'from', 'to', 'sort', 'page'];
const FIELDS = { q: 'search-q', caseId: 'f-case', template: 'f-template', section: 'f-section', author: 'f-author',
  status: 'f-status', from: 'f-from', to: 'f-to', sort: 'f-sort' };
const FILTER_NAMES = { caseId: 'Ärende', template: 'Mall', section: 'Rubrik', author: 'Författare',
  status: 'Status', from: 'Från', to: 'Till' };
const PAGE_SIZE = 20;

const me = await startPage({ roles: ['worker', 'manager'], title: 'Sök' });
if (me) init();

const caseTitles = new Map();
const templateTitles = new Map();
const sectionTitles = new Map();
let running = null;

async function init() {
  document.getElementById('search-lead').textContent = 'Sök bland journalanteckningarna i ' + me.unit
    + '. Du ser bara anteckningar du har rätt att läsa.';
  document.getElementById('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate({ ...readForm(), page: '' });
  });
  document.getElementById('clear-filters').addEventListener('click', () => {
    navigate({ q: document.getElementById('search-q').value.trim() });
  });
  window.addEventListener('popstate', () => show(readUrl()));
  await loadChoices();
  show(readUrl());
}

/** Cases, templates and their sections for the filters; the page works without them. */
async function loadChoices() {
  const [cases, templates] = await Promise.allSettled([get('/api/cases'), get('/api/templates')]);
  if (cases.status === 'fulfilled') {
    const select = document.getElementById('f-case');
    for (const c of cases.value.cases) {
      caseTitles.set(c.id, c.title);
      select.appendChild(el('option', { value: c.id }, c.id + ' – ' + c.title));
    }
  }
  if (templates.status === 'fulfilled') {
    const select = document.getElementById('f-template');
    const sections = document.getElementById('f-section');
    // The default template's section titles first, where templates name a section differently.
    const list = templates.value.templates.slice()
      .sort((a, b) => (b.id === 'journalanteckning') - (a.id === 'journalanteckning'));
    for (const t of list) {
      templateTitles.set(t.id, t.title);
      select.appendChild(el('option', { value: t.id }, t.title));
      for (const s of t.sections) {
        if (!sectionTitles.has(s.key)) {
          sectionTitles.set(s.key, s.title);
          sections.appendChild(el('option', { value: s.key }, s.title));
        }
      }
    }
  }
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  const state = {};
  for (const name of PARAMS) {
    const v = p.get(name);
    if (v) state[name] = v;
  }
  return state;
}

function readForm() {
  const state = {};
  for (const [name, id] of Object.entries(FIELDS)) {
    const v = document.getElementById(id).value.trim();
    if (v) state[name] = v;
  }
  return state;
}

function fillForm(state) {
  for (const [name, id] of Object.entries(FIELDS)) {
    const input = document.getElementById(id);
    const value = state[name] || '';
    if (input.tagName === 'SELECT' && value && !Array.from(input.options).some((o) => o.value === value)) {
      input.appendChild(el('option', { value }, value));
    }
    input.value = value;
  }
  const active = Object.keys(FILTER_NAMES).filter((k) => state[k]).length;
  document.getElementById('filter-count').textContent = active ? '(' + active + ' valda)' : '';
  // Facets (section, template) show as removable chips above the hits; other filters open the panel.
  if (Object.keys(FILTER_NAMES).some((k) => state[k] && k !== 'section' && k !== 'template')) {
    document.getElementById('filters').open = true;
  }
}

function query(state) {
  const p = new URLSearchParams();
  for (const name of PARAMS) {
    if (state[name]) p.set(name, state[name]);
  }
  return p.toString();
}

/** A new search: a new history entry, then the results. */
function navigate(state) {
  const qs = query(state);
  history.pushState(null, '', '/sok' + (qs ? '?' + qs : ''));
  show(state);
}

async function show(state) {
  fillForm(state);
  clearBanners();
  setHint('');
  const hasSearch = Object.keys(state).some((k) => k !== 'page' && k !== 'sort' && state[k]);
  if (!hasSearch) {
    clearResults('Skriv ett eller flera sökord, eller välj en avgränsning, och tryck Sök.');
    return;
  }
  const params = new URLSearchParams(query(state));
  params.set('size', String(PAGE_SIZE));
  const mine = {};
  running = mine;
  document.getElementById('results-summary').textContent = 'Söker …';
  try {
    const result = await get('/api/search?' + params.toString());
    if (running !== mine) return;
    render(state, result);
  } catch (e) {
    if (running !== mine) return;
    if (e instanceof ApiError && e.status === 400) {
      clearResults('');
      setHint('Sökningen kunde inte tolkas: ' + e.message + ' Kontrollera citattecken, parenteser och datum.');
    } else if (e instanceof ApiError && e.status === 503) {
      clearResults('');
      banner('Sökindexet byggs just nu. Försök igen om en liten stund.', 'warning');
    } else {
      clearResults('');
      banner(e.message, 'error');
    }
  }
}

function setHint(text) {
  const hint = document.getElementById('search-hint');
  hint.textContent = text;
  hint.hidden = !text;
  document.getElementById('search-q').setAttribute('aria-invalid', text ? 'true' : 'false');
}

function clearResults(message) {
  document.getElementById('results-summary').textContent = message;
  replace(document.getElementById('hits'));
  document.getElementById('pager').hidden = true;
  document.getElementById('facets').hidden = true;
}

function render(state, result) {
  const summary = document.getElementById('results-summary');
  const total = el('strong', { 'data-testid': 'hits-total' }, String(result.total));
  replace(summary, total, result.total === 1 ? ' träff' : ' träffar',
    state.q ? [' för ', el('q', {}, state.q)] : '', activeFilters(state));
  const hits = document.getElementById('hits');
  replace(hits, result.hits.map((h) => hitItem(h, state)));
  if (result.total === 0) hits.appendChild(emptyAdvice(state));
  renderPager(state, result);
  renderFacets(state, result.facets || {});
}

function hitItem(h, state) {
  const caseTitle = caseTitles.get(h.caseId);
  const href = '/anteckning/' + encodeURIComponent(h.id) + (state.q ? '?q=' + encodeURIComponent(state.q) : '');
  return el('li', { class: 'hit', 'data-testid': 'hit', 'data-note': h.id },
    el('h3', { class: 'hit__title' },
      el('a', { href, 'data-testid': 'hit-link' }, 'Ärende ' + h.caseId + (caseTitle ? ' – ' + caseTitle : ''))),
    el('p', { class: 'hit__meta' },
      el('span', {}, formatDate(h.date)), ' · ', el('span', {}, h.author || ''), ' · ',
      el('span', {}, templateTitles.get(h.template) || h.template || ''), ' ', statusTag(h.status)),
    h.snippet ? el('p', { class: 'hit__snippet', 'data-testid': 'snippet' }, snippetFragment(h.snippet)) : null);
}

function activeFilters(state) {
  const chips = Object.keys(FILTER_NAMES).filter((k) => state[k]).map((k) => {
    const rest = { ...state, page: '' };
    delete rest[k];
    return el('li', {}, el('button', {
      type: 'button', class: 'chip', 'data-testid': 'remove-filter-' + k,
      'aria-label': 'Ta bort avgränsningen ' + FILTER_NAMES[k] + ': ' + label(k, state[k]),
      on: { click: () => navigate(rest) }
    }, FILTER_NAMES[k] + ': ' + label(k, state[k]), el('span', { 'aria-hidden': 'true', class: 'chip__x' }, '×')));
  });
  return chips.length ? el('ul', { class: 'chips' }, chips) : null;
}

function label(kind, value) {
  if (kind === 'section') return sectionTitles.get(value) || value;
  if (kind === 'template') return templateTitles.get(value) || value;
  if (kind === 'status') return value === 'signed' ? 'Signerade' : value === 'draft' ? 'Utkast' : value;
  if (kind === 'from' || kind === 'to') return formatDate(value);
  return value;
}

function emptyAdvice(state) {
  const filters = Object.keys(FILTER_NAMES).some((k) => state[k]);
  return el('li', { class: 'hits__empty', 'data-testid': 'search-empty' },
    el('p', {}, el('strong', {}, 'Inga anteckningar matchar sökningen.'), ' Prova att:'),
    el('ul', {},
      el('li', {}, 'kontrollera stavningen eller använda färre sökord'),
      el('li', {}, 'söka på början av ett ord med *, till exempel ', el('code', {}, 'skol*')),
      el('li', {}, 'söka på något av flera ord med |, till exempel ', el('code', {}, 'hembesök | telefonsamtal')),
      filters ? el('li', {}, el('button', { type: 'button', class: 'button--link button',
        on: { click: () => navigate({ q: state.q }) } }, 'ta bort avgränsningarna')) : null));
}

function renderPager(state, result) {
  const pager = document.getElementById('pager');
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  if (pages <= 1) {
    pager.hidden = true;
    return;
  }
  const page = result.page;
  const go = (n) => () => navigate({ ...state, page: n > 1 ? String(n) : '' });
  replace(pager,
    page > 1 ? el('button', { type: 'button', class: 'button button--secondary', 'data-testid': 'page-prev',
      on: { click: go(page - 1) } }, '‹ Föregående') : null,
    el('span', { class: 'pager__status' }, 'Sida ' + page + ' av ' + pages),
    page < pages ? el('button', { type: 'button', class: 'button button--secondary', 'data-testid': 'page-next',
      on: { click: go(page + 1) } }, 'Nästa ›') : null);
  pager.hidden = false;
}

function renderFacets(state, facets) {
  const lists = [];
  for (const [kind, heading, titles] of [['section', 'Rubrik', sectionTitles], ['template', 'Mall', templateTitles]]) {
    const counts = Object.entries(facets[kind] || {}).filter(([, n]) => n > 0);
    if (counts.length === 0) continue;
    counts.sort((a, b) => b[1] - a[1] || (titles.get(a[0]) || a[0]).localeCompare(titles.get(b[0]) || b[0], 'sv'));
    lists.push(el('h3', { class: 'facets__heading' }, heading));
    lists.push(el('ul', { class: 'facets__list' }, counts.map(([value, count]) => {
      const active = state[kind] === value;
      const next = { ...state, page: '' };
      if (active) delete next[kind]; else next[kind] = value;
      return el('li', {}, el('button', {
        type: 'button', class: 'facet', 'data-testid': 'facet-' + kind + '-' + value, 'data-count': String(count),
        'aria-pressed': active ? 'true' : 'false', on: { click: () => navigate(next) }
      }, el('span', { class: 'facet__label' }, titles.get(value) || value),
      el('span', { class: 'facet__count' }, String(count))));
    })));
  }
  const aside = document.getElementById('facets');
  replace(document.getElementById('facet-lists'), lists);
  aside.hidden = lists.length === 0;
}
