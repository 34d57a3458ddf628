// The app shell every signed-in page shares: header with user, unit, the role's pages and sign-out;
// the role guard; the re-sign-in dialog when a session expires mid-work; and the sign-out hooks that
// drop whatever a page keeps in memory.
import { api, get, onUnauthorized, startPageFor, ApiError } from './api.js';
import { el, replace, setTitle } from './ui.js';

const ROLE_TEXT = { worker: 'Handläggare', manager: 'Chef', admin: 'Administratör' };

/** The pages each role may open, in menu order. */
const NAV = {
  worker: [
    { href: '/diktera', text: 'Diktera' },
    { href: '/arenden', text: 'Ärenden' },
    { href: '/sok', text: 'Sök' },
    { href: '/rapporter', text: 'Mina siffror' }
  ],
  manager: [
    { href: '/rapporter', text: 'Rapporter' },
    { href: '/diktera', text: 'Diktera' },
    { href: '/arenden', text: 'Ärenden' },
    { href: '/sok', text: 'Sök' }
  ],
  admin: [
    { href: '/admin', text: 'Administration' }
  ]
};

const signOutHooks = [];
let currentUser = null;

// The browser's back/forward cache keeps a left page alive: after sign-out, Back would show its notes, snippets
// or audit rows again without asking the server. So a page going into that cache hides itself, and one coming
// back from it loads afresh, which checks the session (signed out: sign-in; signed in: current data).
window.addEventListener('pagehide', (ev) => {
  if (ev.persisted) document.body.hidden = true;
});
window.addEventListener('pageshow', (ev) => {
  if (!ev.persisted) return;
  document.body.hidden = true;
  location.reload();
});

/** The signed-in user ({username, role, unit, displayName, title}) once startPage resolved. */
export function user() {
  return currentUser;
}

/**
 * Registers `fn`, called at sign-out before the session ends (may return a Promise, e.g. a last save;
 * waited for at most 3 s). Use it to drop secret content kept in memory.
 */
export function onSignOut(fn) {
  signOutHooks.push(fn);
}

/**
 * Starts a signed-in page. `roles`: the roles allowed (e.g. ['worker','manager']); `title`: the page
 * name for the document title. Without a session the browser goes to sign-in and comes back here.
 * Resolves with the user when allowed, or null after showing a "no access" message (the page then
 * does nothing more).
 */
export async function startPage({ roles, title }) {
  if (title) setTitle(title);
  let me;
  try {
    me = await get('/api/me', { reauth: false });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      const here = location.pathname + location.search + location.hash;
      location.replace('/?next=' + encodeURIComponent(here));
      return new Promise(() => {}); // never resolves: the page is being replaced
    }
    renderHeader(null);
    showProblem('Sidan kunde inte laddas', e.message);
    return null;
  }
  currentUser = me;
  renderHeader(me);
  onUnauthorized(reSignIn);
  const main = document.getElementById('main');
  if (roles && !roles.includes(me.role)) {
    replace(main,
      el('h1', {}, 'Du har inte behörighet till den här sidan'),
      el('p', { 'data-testid': 'no-access' },
        'Din roll (' + (ROLE_TEXT[me.role] || me.role) + ') ger inte tillgång till den här sidan. '
        + 'Kontakta din systemförvaltare om du behöver den.'),
      el('p', {}, el('a', { href: startPageFor(me.role) }, 'Gå till din startsida')));
    main.hidden = false;
    return null;
  }
  main.hidden = false;
  return me;
}

function showProblem(heading, text) {
  const main = document.getElementById('main');
  replace(main, el('h1', {}, heading), el('p', { class: 'lead' }, text),
    el('p', {}, el('a', { href: location.pathname + location.search }, 'Försök igen')));
  main.hidden = false;
}

function renderHeader(me) {
  let header = document.getElementById('site-header');
  if (!header) {
    header = el('header', { id: 'site-header', class: 'site-header' });
    document.body.prepend(header);
  }
  const brand = el('a', { class: 'site-header__brand', href: me ? startPageFor(me.role) : '/' },
    el('span', { class: 'site-header__logo', 'aria-hidden': 'true' }, 'D'), 'Dikta');
  if (!me) {
    replace(header, el('div', { class: 'site-header__inner' }, brand));
    return;
  }
  const path = location.pathname;
  const links = (NAV[me.role] || []).map((item) => {
    const active = path === item.href || path.startsWith(item.href + '/')
      || (item.href === '/arenden' && path.startsWith('/anteckning/'));
    return el('li', {}, el('a', {
      href: item.href, class: 'site-nav__link', 'aria-current': active ? 'page' : false
    }, item.text));
  });
  replace(header,
    el('div', { class: 'site-header__inner' },
      brand,
      el('div', { class: 'site-header__user' },
        el('span', { class: 'site-header__name', 'data-testid': 'nav-user' }, me.displayName || me.username),
        el('span', { class: 'site-header__unit', 'data-testid': 'nav-unit' },
          (ROLE_TEXT[me.role] || me.role) + ', ' + me.unit),
        el('button', { type: 'button', class: 'button button--header', 'data-testid': 'logout',
          on: { click: signOut } }, 'Logga ut'))),
    el('nav', { class: 'site-nav', 'aria-label': 'Huvudmeny' },
      el('ul', { class: 'site-nav__list' }, links)));
}

/** Signs out: runs the sign-out hooks (dropping secret content), ends the session, goes to sign-in. */
export async function signOut() {
  const hooks = signOutHooks.splice(0);
  const timeout = new Promise((resolve) => setTimeout(resolve, 3000));
  await Promise.race([Promise.allSettled(hooks.map((fn) => {
    try { return Promise.resolve(fn()); } catch (e) { return Promise.resolve(); }
  })), timeout]);
  currentUser = null;
  const done = await api('POST', '/api/logout', {}, { reauth: false }).catch(() => null);
  // Signed in through the municipality's provider: end that session too (it returns to /).
  location.replace(done && done.sso ? '/api/auth/oidc/logout' : '/');
}

let dialog = null;

/** The re-sign-in dialog: resolves when the same user has signed in again. */
function reSignIn() {
  return new Promise((resolve) => {
    if (!dialog) dialog = buildDialog();
    const form = dialog.querySelector('form');
    const username = dialog.querySelector('[data-testid="username"]');
    const password = dialog.querySelector('[data-testid="password"]');
    const error = dialog.querySelector('[data-testid="login-error"]');
    error.textContent = '';
    error.hidden = true;
    username.value = currentUser ? currentUser.username : '';
    password.value = '';
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      const button = form.querySelector('[data-testid="login"]');
      button.disabled = true;
      try {
        const me = await api('POST', '/api/login',
          { username: username.value.trim(), password: password.value }, { reauth: false });
        password.value = '';
        if (currentUser && me.username !== currentUser.username) {
          // Another person: nothing of the previous user's work may be shown to them.
          location.replace(startPageFor(me.role));
          return;
        }
        dialog.close();
        resolve();
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
        password.focus();
      } finally {
        button.disabled = false;
      }
    };
    if (!dialog.open) dialog.showModal();
    (username.value ? password : username).focus();
  });
}

function buildDialog() {
  const d = el('dialog', { class: 'dialog', 'data-testid': 'reauth-dialog', 'aria-labelledby': 'reauth-title' },
    el('form', { method: 'dialog', class: 'dialog__form', novalidate: true },
      el('h2', { id: 'reauth-title' }, 'Logga in igen'),
      el('p', {}, 'Din session har gått ut. Logga in igen för att fortsätta – det du har skrivit och dikterat finns kvar och sparas när du har loggat in.'),
      el('p', { class: 'field-error', 'data-testid': 'login-error', role: 'alert', hidden: true }),
      el('div', { class: 'field' },
        el('label', { for: 'reauth-username' }, 'Användarnamn'),
        el('input', { id: 'reauth-username', name: 'username', autocomplete: 'username',
          'data-testid': 'username', required: true })),
      el('div', { class: 'field' },
        el('label', { for: 'reauth-password' }, 'Lösenord'),
        el('input', { id: 'reauth-password', name: 'password', type: 'password',
          autocomplete: 'current-password', 'data-testid': 'password', required: true })),
      el('div', { class: 'button-group' },
        el('button', { type: 'submit', class: 'button', 'data-testid': 'login' }, 'Logga in'),
        el('button', { type: 'button', class: 'button button--secondary',
          on: { click: () => { signOut(); } } }, 'Avbryt och logga ut'))));
  // The dialog cannot be dismissed with Escape: the work behind it waits for the sign-in.
  d.addEventListener('cancel', (ev) => ev.preventDefault());
  document.body.appendChild(d);
  return d;
}
