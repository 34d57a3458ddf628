// /admin: the audit log (granskningslogg) for the monthly follow-up: filters, pages of rows, CSV export.
// Every value is shown as text; the log holds ids and never note content.
import { get } from './api.js';
import { el, replace, banner, busy, formatDateTime } from './ui.js';

const PAGE_SIZE = 50;
const ACTIONS = {
  'login': 'Inloggning',
  'login-failed': 'Misslyckad inloggning',
  'logout': 'Utloggning',
  'note-read': 'Läste anteckning',
  'note-versions': 'Läste versioner',
  'note-list': 'Listade ärendets anteckningar',
  'note-create': 'Skapade anteckning',
  'note-save': 'Sparade anteckning',
  'note-sign': 'Signerade anteckning',
  'note-amend': 'Rättade anteckning',
  'note-dictate': 'Dikterade i anteckning',
  'transcribe-file': 'Transkriberade ljudfil',
  'transcription-read': 'Hämtade transkribering',
  'search': 'Sökning',
  'report-view': 'Visade rapport',
  'report-export': 'Exporterade rapport',
  'case-create': 'Skapade ärende',
  'user-add': 'Skapade användare',
  'user-change': 'Ändrade användare',
  'user-update': 'Uppdaterade användare (inloggning via kommunen)',
  'user-activate': 'Aktiverade användare',
  'user-deactivate': 'Inaktiverade användare',
  'user-password-reset': 'Nytt lösenord',
  'local-names-replace': 'Ändrade lokala namn',
  'route-denied': 'Nekad åtkomst (roll)',
  'audit-read': 'Läste granskningsloggen',
  'audit-export': 'Exporterade granskningsloggen'
};
const OUTCOMES = { allowed: 'Tillåtet', denied: 'Nekat', failed: 'Misslyckat' };
const ROLES = { worker: 'Handläggare', manager: 'Chef', admin: 'Administratör' };
const ENTITIES = {
  note: 'Anteckning', case: 'Ärende', user: 'Användare', unit: 'Enhet', report: 'Rapport', route: 'Anrop',
  transcription: 'Transkribering', search: 'Sökning', audit: 'Granskningslogg'
};

// Reports are logged with the API's codes ("time-saved"; "2026-09-01–2026-12-31, worker, json"): shown in Swedish.
const REPORTS = { 'time-saved': 'Sparad tid' };
const REPORT_GROUPS = { worker: 'per medarbetare', unit: 'per enhet', week: 'per vecka', month: 'per månad', tertial: 'per tertial' };
const REPORT_FORMATS = { json: 'visad på sidan', csv: 'CSV', pdf: 'PDF' };

let page = 1;
let total = 0;
// A user the log names as an entity is stored by id; shown by user name where the admin's user list knows it.
let userNames = Promise.resolve(new Map());

/** Wires the filters and shows the first page. */
export function initAuditLog() {
  userNames = get('/api/admin/users')
    .then((data) => new Map(data.users.map((u) => [String(u.id), u.username])))
    .catch(() => new Map());
  const form = document.getElementById('audit-filters');
  replace(document.getElementById('af-action'), el('option', { value: '' }, 'Alla'),
    Object.entries(ACTIONS).map(([id, text]) => el('option', { value: id }, text)));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    page = 1;
    load(ev.submitter);
  });
  form.addEventListener('input', updateCsvLink);
  form.addEventListener('change', updateCsvLink);
  document.getElementById('audit-prev').addEventListener('click', (ev) => { page -= 1; load(ev.currentTarget); });
  document.getElementById('audit-next').addEventListener('click', (ev) => { page += 1; load(ev.currentTarget); });
  updateCsvLink();
  load();
}

function filters() {
  const params = new URLSearchParams();
  for (const field of document.getElementById('audit-filters').elements) {
    if (field.name && field.value.trim()) params.set(field.name, field.value.trim());
  }
  return params;
}

function updateCsvLink() {
  const query = filters().toString();
  document.getElementById('audit-csv').setAttribute('href', '/api/audit.csv' + (query ? '?' + query : ''));
}

async function load(button) {
  const params = filters();
  params.set('page', String(page));
  params.set('size', String(PAGE_SIZE));
  const request = get('/api/audit?' + params.toString());
  try {
    const [result, names] = await Promise.all([button ? busy(button, request) : request, userNames]);
    total = result.total;
    render(result.events, names);
  } catch (e) {
    banner(e.message, 'error');
  }
}

function render(events, names) {
  replace(document.getElementById('audit-rows'), events.map((e) => el('tr', {
    'data-testid': 'audit-row', 'data-action': e.action, 'data-outcome': e.outcome || 'allowed', 'data-seq': String(e.seq)
  },
  el('td', { 'data-col': 'at' }, formatDateTime(e.at)),
  el('th', { scope: 'row', 'data-col': 'user' }, e.username || 'Systemet'),
  el('td', { 'data-col': 'role' }, [e.role ? ROLES[e.role] || e.role : '', e.unit ? ', ' + e.unit : ''].join('')),
  el('td', { 'data-col': 'address' }, e.address || ''),
  el('td', { 'data-col': 'action' }, ACTIONS[e.action] || e.action),
  el('td', { 'data-col': 'entity' }, what(e, names)),
  el('td', { 'data-col': 'outcome' }, el('span', { class: 'audit-outcome audit-outcome--' + (e.outcome || 'allowed') },
    OUTCOMES[e.outcome || 'allowed'] || e.outcome)),
  el('td', { 'data-col': 'detail' }, detail(e)))));
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  document.getElementById('audit-count').textContent = total === 0 ? 'Inga händelser matchar urvalet.'
    : 'Visar ' + first + '–' + last + ' av ' + total + ' händelser, nyaste först.';
  document.getElementById('audit-prev').disabled = page <= 1;
  document.getElementById('audit-next').disabled = last >= total;
}

function what(e, names) {
  const parts = [];
  const id = e.entity === 'report' ? REPORTS[e.entityId] || e.entityId
    : e.entity === 'user' ? names.get(e.entityId) || e.entityId : e.entityId;
  if (e.entity) parts.push((ENTITIES[e.entity] || e.entity) + (id ? ' ' + id : ''));
  if (e.caseId && !(e.entity === 'case' && e.entityId === e.caseId)) parts.push('ärende ' + e.caseId);
  return parts.join(', ');
}

function detail(e) {
  const parts = (e.detail || '').split(', ');
  if (e.entity !== 'report' || parts.length !== 3) return e.detail || '';
  return [parts[0], REPORT_GROUPS[parts[1]] || parts[1], REPORT_FORMATS[parts[2]] || parts[2]].join(', ');
}
