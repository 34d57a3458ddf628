// Single sign-on on the sign-in page (owned by the "oidc" feature; the page itself is signin.js):
// offers "Logga in med kommunens konto" when the server has an OpenID Connect provider, hides the
// password form when password sign-in is off, and shows why a single sign-on failed (a one-time
// message the server leaves in a short-lived cookie; shown as text only).
const form = document.getElementById('login-form') || document.getElementById('login');
const errorBox = document.getElementById('login-error') || document.getElementById('message');
const MESSAGE_COOKIE = 'DIKTA_SSO_MESSAGE=';

function takeMessage() {
  const found = document.cookie.split('; ').find((c) => c.startsWith(MESSAGE_COOKIE));
  if (!found) return null;
  document.cookie = 'DIKTA_SSO_MESSAGE=; Max-Age=0; Path=/; SameSite=Lax';
  try {
    return decodeURIComponent(found.slice(MESSAGE_COOKIE.length));
  } catch (e) {
    return null;
  }
}

function localNext() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

async function init() {
  const message = takeMessage();
  let methods = null;
  try {
    const r = await fetch('/api/auth/methods', { headers: { Accept: 'application/json' } });
    if (r.ok) methods = await r.json();
  } catch (e) {
    methods = null;
  }
  if (methods && methods.sso && form) {
    const next = localNext();
    const link = document.createElement('a');
    link.className = 'button';
    link.href = '/api/auth/oidc/login' + (next ? '?next=' + encodeURIComponent(next) : '');
    link.dataset.testid = 'login-sso';
    link.textContent = methods.ssoLabel || 'Logga in med kommunens konto';
    const wrap = document.createElement('p');
    wrap.className = 'sso';
    wrap.append(link);
    form.before(wrap);
    if (!methods.password) {
      form.hidden = true;
      if (errorBox) wrap.before(errorBox);
    }
  }
  if (message && errorBox) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }
}

init();
