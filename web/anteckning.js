// /anteckning/{noteId}: the note as it stands — sections under the template's titles, who wrote and
// signed it and when, amendments beside the original (which never changes), the version history, and a
// form to add an amendment to a signed note.
import { startPage } from './shell.js';
import { get, post } from './api.js';
import { highlightTerms } from './marks.js';
import { el, replace, banner, errorSummary, fieldError, formatDate, formatDateTime, STATUS_TEXT, setTitle, busy } from './ui.js';

const $ = (id) => document.getElementById(id);
const noteId = decodeURIComponent(location.pathname.replace(/^\/anteckning\//, '').replace(/\/$/, ''));
const me = await startPage({ roles: ['worker', 'manager'], title: 'Anteckning' });
let template = null;

if (me) load();

async function load() {
  try {
    const note = await get('/api/notes/' + encodeURIComponent(noteId));
    const [templates, versions] = await Promise.all([
      get('/api/templates'), get('/api/notes/' + encodeURIComponent(noteId) + '/versions')]);
    template = templates.templates.find((t) => t.id === note.template)
      || { id: note.template, title: note.template, sections: [] };
    render(note);
    renderVersions(versions.versions);
    $('amend-form').addEventListener('submit', (ev) => amend(ev, note));
  } catch (e) {
    replace($('main'), el('h1', {}, e.status === 404 ? 'Anteckningen finns inte' : 'Anteckningen kunde inte visas'),
      el('p', { 'data-testid': e.status === 404 ? 'not-found' : 'load-error' }, e.message),
      el('p', {}, el('a', { href: '/arenden' }, 'Till ärendena')));
  }
}

function titleOf(key) {
  const s = template.sections.find((x) => x.key === key);
  return s ? s.title : key;
}

function render(note) {
  setTitle(template.title + ' ' + note.eventDate);
  $('note-heading').textContent = template.title + ', ' + formatDate(note.eventDate);
  $('crumb-case').textContent = 'Ärende ' + note.caseId;
  $('crumb-case').href = '/arenden/' + encodeURIComponent(note.caseId);
  const status = $('note-status');
  status.dataset.state = note.status;
  status.className = 'tag tag--' + note.status;
  status.textContent = STATUS_TEXT[note.status] || note.status;
  const person = (p) => p ? p.name + (p.title ? ', ' + p.title : '') : '';
  const facts = [
    ['Ärende', el('a', { href: '/arenden/' + encodeURIComponent(note.caseId) }, note.caseId)],
    ['Mall', template.title],
    ['Kontaktdatum', formatDate(note.eventDate)],
    ['Inskriven', formatDateTime(note.entryTime)],
    ['Författare', el('span', { 'data-testid': 'note-author' }, person(note.author))],
    ['Signerad', note.signed
      ? el('span', { 'data-testid': 'note-signature' }, person(note.signed.by) + ', ' + formatDateTime(note.signed.at))
      : el('span', { 'data-testid': 'note-signature' }, 'Inte signerad')],
    ['Senast sparad', formatDateTime(note.updatedAt) + ' (version ' + note.version + ')'],
    ['Tillkomst', note.metrics.mode === 'typed' ? 'Skriven' : 'Dikterad']
  ];
  replace($('note-facts'), facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  if (note.status === 'draft' && note.author && note.author.name === me.displayName) {
    $('edit-link').href = '/diktera?case=' + encodeURIComponent(note.caseId) + '&note=' + encodeURIComponent(note.id);
    $('edit-row').hidden = false;
  }
  const amendmentsBySection = new Map();
  const general = [];
  for (const a of note.amendments || []) {
    if (a.section) {
      const list = amendmentsBySection.get(a.section) || [];
      list.push(a);
      amendmentsBySection.set(a.section, list);
    } else {
      general.push(a);
    }
  }
  const texts = new Map((note.sections || []).map((s) => [s.key, s.text || '']));
  const keys = [...template.sections.map((s) => s.key), ...[...texts.keys()].filter((k) => !template.sections.some((s) => s.key === k))];
  const shown = keys.filter((k) => (texts.get(k) || '').trim() || amendmentsBySection.has(k));
  replace($('note-sections'), shown.length === 0 ? el('p', { class: 'empty' }, 'Anteckningen har ingen text ännu.') : shown.map((key) => {
    const amendments = amendmentsBySection.get(key) || [];
    return el('section', { class: 'note-section panel', 'aria-labelledby': 'h-' + key },
      el('h2', { id: 'h-' + key, class: 'panel__title' }, titleOf(key)),
      el('div', { class: amendments.length ? 'note-columns' : '' },
        el('div', {},
          amendments.length ? el('p', { class: 'amendment__meta' }, 'Original') : null,
          el('p', { class: 'note-section__text', 'data-testid': 'section-' + key }, texts.get(key) || '')),
        amendments.length ? el('div', {}, amendments.map(renderAmendment)) : null));
  }));
  replace($('general-amendments'), general.length ? el('section', { class: 'panel' },
    el('h2', { class: 'panel__title' }, 'Tillägg till hela anteckningen'), general.map(renderAmendment)) : null);
  const select = $('amend-section');
  replace(select, el('option', { value: '' }, 'Hela anteckningen'),
    template.sections.map((s) => el('option', { value: s.key }, s.title)));
  $('amend-panel').hidden = note.status !== 'signed';
  // Opened from a search hit (/anteckning/ID?q=...): mark the query's words in the text, DOM only.
  const q = new URLSearchParams(location.search).get('q');
  if (q) highlightTerms($('note-sections'), q);
}

function renderAmendment(a) {
  return el('div', { class: 'amendment', 'data-testid': 'amendment' },
    el('p', { class: 'amendment__meta' }, 'Tillägg av ' + (a.author ? a.author.name : '') + ', ' + formatDateTime(a.createdAt)),
    el('p', { class: 'note-section__text' }, a.text));
}

function renderVersions(versions) {
  if (!versions.length) {
    replace($('versions'), el('p', { class: 'empty' }, 'Inga sparade versioner.'));
    return;
  }
  replace($('versions'), el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'versions-title' },
    el('table', { class: 'table' },
    el('caption', { class: 'visually-hidden' }, 'Sparade versioner'),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Version'), el('th', { scope: 'col' }, 'Sparad'),
      el('th', { scope: 'col' }, 'Av'), el('th', { scope: 'col' }, 'Innehåll'))),
    el('tbody', {}, [...versions].sort((a, b) => b.version - a.version).map((v) => el('tr', { 'data-testid': 'version-row' },
      el('td', {}, String(v.version)),
      el('td', {}, formatDateTime(v.savedAt)),
      el('td', {}, v.savedBy ? v.savedBy.name : ''),
      el('td', {}, el('details', {},
        el('summary', {}, 'Visa texten i version ' + v.version),
        (v.sections || []).filter((s) => s.text).map((s) => el('div', {},
          el('h3', {}, titleOf(s.key)), el('p', { class: 'note-section__text' }, s.text)))))))))));
}

async function amend(ev, note) {
  ev.preventDefault();
  const text = $('amend-text');
  const form = $('amend-form');
  if (!text.value.trim()) {
    fieldError(text, 'Skriv tillägget.');
    errorSummary(form, [{ message: 'Skriv tillägget.', field: text }]);
    return;
  }
  fieldError(text, '');
  errorSummary(form, []);
  try {
    const body = { text: text.value.trim() };
    if ($('amend-section').value) body.section = $('amend-section').value;
    const updated = await busy(form.querySelector('[data-testid="amend-submit"]'),
      post('/api/notes/' + encodeURIComponent(note.id) + '/amendments', body));
    text.value = '';
    render(updated);
    banner('Tillägget är sparat.', 'success', { testid: 'amend-saved' });
  } catch (e) {
    errorSummary(form, [{ message: e.message, field: text }]);
  }
}
