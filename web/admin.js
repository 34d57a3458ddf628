// /admin: user management for admins (list, create, change role/unit/name, deactivate/activate, new
// password), a unit's local names, and the audit log at the bottom (audit-log.js).
import { startPage } from './shell.js';
import { get, post, put } from './api.js';
import { el, replace, banner, clearBanners, errorSummary, fieldError, formatDateTime, busy } from './ui.js';
import { initLocalNames } from './local-names.js';
import { initAuditLog } from './audit-log.js';

const ROLE_TEXT = { worker: 'Handläggare', manager: 'Chef', admin: 'Administratör' };
const USERNAME = /^[\p{L}\p{N}._@-]{2,100}$/u;

const me = await startPage({ roles: ['admin'], title: 'Administration' });
if (me) init();

let users = [];
let editing = null;

function init() {
  document.getElementById('new-user').addEventListener('submit', create);
  document.getElementById('edit-form').addEventListener('submit', saveEdit);
  document.getElementById('password-form').addEventListener('submit', savePassword);
  document.getElementById('deactivate-form').addEventListener('submit', confirmDeactivate);
  for (const button of document.querySelectorAll('dialog [data-close]')) {
    button.addEventListener('click', () => button.closest('dialog').close());
  }
  load();
  initAuditLog();
}

async function load() {
  try {
    const [list, units] = await Promise.all([get('/api/admin/users'), get('/api/admin/units')]);
    users = list.users;
    replace(document.getElementById('unit-list'), units.units.map((u) => el('option', { value: u })));
    render();
    initLocalNames(units.unitList);
  } catch (e) {
    banner(e.message, 'error');
  }
}

function render() {
  const rows = users.map((u) => el('tr', {
    'data-testid': 'admin-user-row', 'data-username': u.username, 'data-active': String(u.active)
  },
  el('th', { scope: 'row' }, u.displayName || u.username),
  el('td', {}, u.username),
  el('td', { 'data-col': 'role' }, ROLE_TEXT[u.role] || u.role),
  el('td', { 'data-col': 'unit' }, u.unit),
  el('td', { 'data-col': 'last-login' }, u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'Aldrig'),
  el('td', { 'data-col': 'state' }, u.active ? 'Aktiv'
    : el('span', { class: 'user-state--inactive' }, 'Inaktiverad')),
  el('td', {}, el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'button button--secondary button--small', 'data-testid': 'user-edit',
      'aria-label': 'Ändra ' + name(u), on: { click: () => openEdit(u) } }, 'Ändra'),
    el('button', { type: 'button', class: 'button button--secondary button--small', 'data-testid': 'user-password',
      'aria-label': 'Nytt lösenord för ' + name(u), on: { click: () => openPassword(u) } }, 'Nytt lösenord'),
    u.username === me.username ? null : u.active
      ? el('button', { type: 'button', class: 'button button--danger button--small', 'data-testid': 'user-deactivate',
        'aria-label': 'Inaktivera ' + name(u), on: { click: () => openDeactivate(u) } }, 'Inaktivera')
      : el('button', { type: 'button', class: 'button button--small', 'data-testid': 'user-activate',
        'aria-label': 'Aktivera ' + name(u), on: { click: (ev) => activate(u, ev.currentTarget) } }, 'Aktivera')))));
  replace(document.getElementById('user-rows'), rows);
  const inactive = users.filter((u) => !u.active).length;
  document.getElementById('user-count').textContent = users.length + ' användare'
    + (inactive ? ', varav ' + inactive + ' inaktiverade' : '');
}

function name(u) {
  return (u.displayName || u.username) + ' (' + u.username + ')';
}

function replaceUser(updated) {
  users = users.map((u) => (u.username === updated.username ? updated : u));
  if (!users.some((u) => u.username === updated.username)) users.push(updated);
  render();
}

async function create(ev) {
  ev.preventDefault();
  clearBanners();
  const form = ev.currentTarget;
  const f = (id) => document.getElementById(id);
  const body = {
    username: f('nu-username').value.trim(),
    displayName: f('nu-name').value.trim(),
    role: f('nu-role').value,
    unit: f('nu-unit').value.trim(),
    password: f('nu-password').value
  };
  const checks = [
    [f('nu-username'), !USERNAME.test(body.username) ? 'Ange ett användarnamn med 2–100 tecken: bokstäver, siffror, punkt, _, @ och -.'
      : users.some((u) => u.username === body.username) ? 'Användarnamnet ' + body.username + ' finns redan.' : ''],
    [f('nu-name'), body.displayName ? '' : 'Ange användarens namn.'],
    [f('nu-unit'), body.unit ? '' : 'Ange en enhet.'],
    [f('nu-password'), body.password.length >= 8 ? '' : 'Lösenordet måste ha minst 8 tecken.']
  ];
  const errors = [];
  for (const [input, message] of checks) {
    fieldError(input, message);
    if (message) errors.push({ message, field: input });
  }
  if (errors.length) {
    errorSummary(form, errors);
    return;
  }
  errorSummary(form, []);
  try {
    const created = await busy(form.querySelector('button[type="submit"]'), post('/api/admin/users', body));
    replaceUser(created);
    form.reset();
    banner('Användaren ' + name(created) + ' är skapad. Lämna det tillfälliga lösenordet till användaren.', 'success',
      { testid: 'user-created' });
    load();
  } catch (e) {
    errorSummary(form, [{ message: e.message, field: e.status === 409 ? f('nu-username') : null }]);
  }
}

function openEdit(u) {
  editing = u;
  const form = document.getElementById('edit-form');
  errorSummary(form, []);
  document.getElementById('edit-title').textContent = 'Ändra ' + name(u);
  document.getElementById('ed-name').value = u.displayName || '';
  document.getElementById('ed-role').value = u.role;
  document.getElementById('ed-role').disabled = u.username === me.username;
  document.getElementById('ed-unit').value = u.unit;
  document.getElementById('edit-dialog').showModal();
}

async function saveEdit(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  const body = {
    displayName: document.getElementById('ed-name').value.trim(),
    unit: document.getElementById('ed-unit').value.trim()
  };
  if (editing.username !== me.username) body.role = document.getElementById('ed-role').value;
  if (!body.displayName || !body.unit) {
    errorSummary(form, [{ message: 'Ange både namn och enhet.', field: body.displayName ? 'ed-unit' : 'ed-name' }]);
    return;
  }
  try {
    const updated = await busy(form.querySelector('button[type="submit"]'),
      put('/api/admin/users/' + encodeURIComponent(editing.username), body));
    document.getElementById('edit-dialog').close();
    replaceUser(updated);
    banner('Ändringen för ' + name(updated) + ' är sparad. Den gäller från användarens nästa förfrågan.', 'success');
  } catch (e) {
    errorSummary(form, [{ message: e.message }]);
  }
}

function openPassword(u) {
  editing = u;
  const form = document.getElementById('password-form');
  errorSummary(form, []);
  document.getElementById('password-who').textContent = 'För ' + name(u) + '.';
  document.getElementById('pw-new').value = '';
  document.getElementById('password-dialog').showModal();
}

async function savePassword(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  const input = document.getElementById('pw-new');
  if (input.value.length < 8) {
    errorSummary(form, [{ message: 'Lösenordet måste ha minst 8 tecken.', field: input }]);
    return;
  }
  try {
    const updated = await busy(form.querySelector('button[type="submit"]'),
      post('/api/admin/users/' + encodeURIComponent(editing.username) + '/password', { password: input.value }));
    input.value = '';
    document.getElementById('password-dialog').close();
    replaceUser(updated);
    banner('Nytt lösenord för ' + name(updated) + ' är sparat. Användarens öppna sessioner är avslutade.', 'success');
  } catch (e) {
    errorSummary(form, [{ message: e.message, field: input }]);
  }
}

function openDeactivate(u) {
  editing = u;
  errorSummary(document.getElementById('deactivate-form'), []);
  document.getElementById('deactivate-who').textContent = 'Vill du inaktivera ' + name(u) + '?';
  document.getElementById('deactivate-dialog').showModal();
}

async function confirmDeactivate(ev) {
  ev.preventDefault();
  const form = ev.currentTarget;
  try {
    const updated = await busy(form.querySelector('button[type="submit"]'),
      post('/api/admin/users/' + encodeURIComponent(editing.username) + '/deactivate', {}));
    document.getElementById('deactivate-dialog').close();
    replaceUser(updated);
    banner(name(updated) + ' är inaktiverad och utloggad.', 'success', { testid: 'user-deactivated' });
  } catch (e) {
    errorSummary(form, [{ message: e.message }]);
  }
}

async function activate(u, button) {
  clearBanners();
  try {
    const updated = await busy(button, post('/api/admin/users/' + encodeURIComponent(u.username) + '/activate', {}));
    replaceUser(updated);
    banner(name(updated) + ' är aktiverad igen och kan logga in.', 'success');
  } catch (e) {
    banner(e.message, 'error');
  }
}
