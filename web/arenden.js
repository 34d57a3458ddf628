// /arenden: the unit's cases, a filter, and a form to create a case.
import { startPage } from './shell.js';
import { get, post } from './api.js';
import { el, replace, errorSummary, fieldError, banner, formatDate, busy } from './ui.js';

const me = await startPage({ roles: ['worker', 'manager'], title: 'Ärenden' });
if (me) init();

let cases = [];

function init() {
  document.getElementById('unit-lead').textContent = 'Ärenden för ' + me.unit + '. Öppna ett ärende för att se dess anteckningar eller diktera en ny.';
  document.getElementById('case-filter').addEventListener('input', render);
  document.getElementById('new-case').addEventListener('submit', create);
  load();
}

async function load() {
  try {
    cases = (await get('/api/cases')).cases;
    render();
  } catch (e) {
    banner(e.message, 'error');
  }
}

function render() {
  const q = document.getElementById('case-filter').value.trim().toLocaleLowerCase('sv');
  const shown = cases
    .filter((c) => !q || c.id.toLocaleLowerCase('sv').includes(q) || c.title.toLocaleLowerCase('sv').includes(q))
    .sort((a, b) => b.id.localeCompare(a.id, 'sv'));
  const rows = document.getElementById('case-rows');
  replace(rows, shown.map((c) => el('tr', { 'data-testid': 'case-row', 'data-case': c.id },
    el('td', { class: 'nowrap' }, el('a', { href: '/arenden/' + encodeURIComponent(c.id) }, c.id)),
    el('td', {}, c.title),
    el('td', {}, formatDate(c.createdAt)),
    el('td', {}, el('a', { href: '/diktera?case=' + encodeURIComponent(c.id),
      'aria-label': 'Diktera ny anteckning i ärende ' + c.id }, 'Diktera')))));
  if (shown.length === 0) {
    rows.appendChild(el('tr', {}, el('td', { colspan: '4', class: 'empty' },
      cases.length === 0 ? 'Enheten har inga ärenden ännu. Skapa det första med formuläret.' : 'Inga ärenden matchar filtret.')));
  }
  document.getElementById('case-count').textContent = q
    ? shown.length + ' av ' + cases.length + ' ärenden visas'
    : cases.length + ' ärenden';
}

const ID_PATTERN = /^[\p{L}\p{N}._-]{1,64}$/u;
const PERSONNUMMER = /\b(\d{2})?\d{6}[-+ ]?\d{4}\b/;

async function create(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  const idInput = document.getElementById('case-id');
  const titleInput = document.getElementById('case-title');
  const id = idInput.value.trim();
  const title = titleInput.value.trim();
  const errors = [];
  let idError = '';
  if (!id) idError = 'Ange ett ärendenummer.';
  else if (!ID_PATTERN.test(id)) idError = 'Ärendenumret får bara innehålla bokstäver, siffror, punkt, understreck och bindestreck (högst 64 tecken).';
  else if (cases.some((c) => c.id === id)) idError = 'Ärendet ' + id + ' finns redan.';
  let titleError = '';
  if (!title) titleError = 'Ange en rubrik.';
  else if (title.length < 3 || title.length > 200) titleError = 'Rubriken ska vara 3–200 tecken.';
  else if (PERSONNUMMER.test(title)) titleError = 'Rubriken ser ut att innehålla ett personnummer. Använd en neutral rubrik utan personuppgifter.';
  fieldError(idInput, idError);
  fieldError(titleInput, titleError);
  if (idError) errors.push({ message: idError, field: idInput });
  if (titleError) errors.push({ message: titleError, field: titleInput });
  if (errors.length) {
    errorSummary(form, errors);
    return;
  }
  errorSummary(form, []);
  try {
    const created = await busy(form.querySelector('button[type="submit"]'), post('/api/cases', { id, title }));
    cases.push(created);
    idInput.value = '';
    titleInput.value = '';
    document.getElementById('case-filter').value = '';
    render();
    banner('Ärendet ' + created.id + ' är skapat.', 'success', { testid: 'case-created' });
  } catch (e) {
    errorSummary(form, [{ message: e.message, field: e.status === 409 ? idInput : null }]);
  }
}
