// /arenden/{caseId}: one case's notes, newest contact first, and a button to dictate a new note.
import { startPage } from './shell.js';
import { get, ApiError } from './api.js';
import { el, replace, banner, formatDate, formatDateTime, statusTag, setTitle } from './ui.js';

const me = await startPage({ roles: ['worker', 'manager'], title: 'Ärende' });
const caseId = decodeURIComponent(location.pathname.replace(/^\/arenden\//, '').replace(/\/$/, ''));
if (me) load();

async function load() {
  document.getElementById('case-heading').textContent = 'Ärende ' + caseId;
  document.getElementById('crumb-case').textContent = caseId;
  setTitle('Ärende ' + caseId);
  document.getElementById('dictate-new').href = '/diktera?case=' + encodeURIComponent(caseId);
  try {
    // A case that does not exist (or is another unit's) answers 404 for its notes: that is "not found", not an error.
    const notes = get('/api/notes?caseId=' + encodeURIComponent(caseId))
      .catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));
    const [casesRes, notesRes, templatesRes] = await Promise.all([get('/api/cases'), notes, get('/api/templates')]);
    const found = casesRes.cases.find((c) => c.id === caseId);
    if (!found || !notesRes) {
      replace(document.getElementById('main'), el('h1', {}, 'Ärendet finns inte'),
        el('p', { 'data-testid': 'not-found' }, 'Ärendet ' + caseId + ' finns inte, eller så tillhör det en annan enhet.'),
        el('p', {}, el('a', { href: '/arenden' }, 'Tillbaka till ärendena')));
      return;
    }
    document.getElementById('case-title').textContent = found.title;
    const titles = Object.fromEntries(templatesRes.templates.map((t) => [t.id, t.title]));
    renderNotes(notesRes.notes, titles);
  } catch (e) {
    banner(e.message, 'error');
  }
}

function renderNotes(notes, templateTitles) {
  const box = document.getElementById('notes');
  if (notes.length === 0) {
    replace(box, el('p', { class: 'empty' }, 'Ärendet har inga anteckningar ännu.'));
    return;
  }
  replace(box, el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'notes-title' },
    el('table', { class: 'table' },
    el('caption', { class: 'visually-hidden' }, 'Anteckningar i ärende ' + caseId),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Kontaktdatum'),
      el('th', { scope: 'col' }, 'Mall'),
      el('th', { scope: 'col' }, 'Författare'),
      el('th', { scope: 'col' }, 'Status'),
      el('th', { scope: 'col' }, 'Senast sparad'),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Åtgärd')))),
    el('tbody', {}, notes.map((n) => {
      // /api/me has no user id: the author's name identifies the worker's own drafts for the link.
      const editable = n.status === 'draft' && n.author && n.author.name === me.displayName;
      return el('tr', { 'data-testid': 'note-row', 'data-note': n.id },
        el('td', {}, el('a', { href: '/anteckning/' + encodeURIComponent(n.id) }, formatDate(n.eventDate))),
        el('td', {}, templateTitles[n.template] || n.template),
        el('td', {}, n.author ? n.author.name : ''),
        el('td', {}, statusTag(n.status)),
        el('td', {}, formatDateTime(n.updatedAt)),
        el('td', {}, editable
          ? el('a', { href: '/diktera?case=' + encodeURIComponent(caseId) + '&note=' + encodeURIComponent(n.id) }, 'Fortsätt')
          : el('a', { href: '/anteckning/' + encodeURIComponent(n.id) }, 'Läs')));
    })))));
}
