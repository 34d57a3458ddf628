// Sign-in page. The real dictation, notes, search and report pages come later.
'use strict';

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  const res = await fetch('/api' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || ('Fel ' + res.status));
  return data;
}

function show(user) {
  document.getElementById('login').hidden = !!user;
  document.getElementById('signed-in').hidden = !user;
  if (user) {
    document.getElementById('who').textContent = user.displayName || user.username;
    document.getElementById('role').textContent = user.role;
    document.getElementById('unit').textContent = user.unit;
  }
}

document.getElementById('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const message = document.getElementById('message');
  message.textContent = '';
  try {
    show(await api('POST', '/login', {
      username: document.getElementById('username').value,
      password: document.getElementById('password').value
    }));
  } catch (err) {
    message.textContent = err.message;
  }
});

document.getElementById('logout-button').addEventListener('click', async () => {
  await api('POST', '/logout').catch(() => {});
  show(null);
});

api('GET', '/me').then(show, () => show(null));
