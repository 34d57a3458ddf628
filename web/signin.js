// Sign-in page: signs in and continues to ?next= (a deep link) or the role's start page.
import { api, get, startPageFor, safeNext } from './api.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const username = document.getElementById('username');
const password = document.getElementById('password');
const next = safeNext(new URLSearchParams(location.search).get('next'));

function go(me) {
  location.replace(next && next !== '/' ? next : startPageFor(me.role));
}

function showError(message) {
  error.textContent = message;
  error.hidden = false;
  error.focus();
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  error.hidden = true;
  if (!username.value.trim() || !password.value) {
    showError('Fyll i både användarnamn och lösenord.');
    (username.value.trim() ? password : username).focus();
    return;
  }
  const button = form.querySelector('[data-testid="login"]');
  button.disabled = true;
  try {
    const me = await api('POST', '/api/login',
      { username: username.value.trim(), password: password.value }, { reauth: false });
    go(me);
  } catch (e) {
    password.value = '';
    showError(e.message);
  } finally {
    button.disabled = false;
  }
});

// Already signed in (e.g. a second tab): straight on.
get('/api/me', { reauth: false }).then(go, () => username.focus());
