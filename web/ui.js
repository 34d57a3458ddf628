// Small DOM helpers. User content is only ever inserted as text: `el` takes strings as text nodes and
// there is no helper that parses HTML.

/**
 * Creates an element. `attrs`: attributes (class, id, href, data-*, aria-*, type, ...); a `false`,
 * null or undefined value leaves the attribute out; `on` is an object of event listeners.
 * Children: strings (inserted as text), nodes, or arrays of either.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'on') {
      for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    } else if (name === 'text') {
      node.textContent = String(value);
    } else if (name === 'value') {
      node.value = value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Removes all children; then appends the given ones (same rules as `el`). */
export function replace(node, ...children) {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
  return node;
}

export function byTestId(id, root = document) {
  return root.querySelector('[data-testid="' + id + '"]');
}

/**
 * Shows an error summary (GOV.UK pattern) at the top of `container`: a titled box listing each error,
 * each a link to its field. `errors`: [{ message, field?: element or id }]. Empty list hides it.
 * Moves focus to the summary so screen readers announce it.
 */
export function errorSummary(container, errors, title = 'Något behöver rättas') {
  let box = container.querySelector(':scope > .error-summary');
  if (!errors || errors.length === 0) {
    if (box) box.remove();
    return null;
  }
  if (!box) {
    box = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1' });
    container.prepend(box);
  }
  replace(box,
    el('h2', { class: 'error-summary__title' }, title),
    el('ul', {}, errors.map((e) => {
      const field = typeof e.field === 'string' ? document.getElementById(e.field) : e.field;
      if (field && field.id) {
        return el('li', {}, el('a', { href: '#' + field.id, on: { click: (ev) => {
          ev.preventDefault();
          field.focus();
        } } }, e.message));
      }
      return el('li', {}, e.message);
    })));
  box.focus();
  return box;
}

/** Marks a field invalid with a message below its label (or clears it with an empty message). */
export function fieldError(input, message) {
  const id = input.id + '-error';
  let msg = document.getElementById(id);
  if (!message) {
    if (msg) msg.remove();
    input.removeAttribute('aria-invalid');
    input.closest('.field')?.classList.remove('field--error');
    return;
  }
  if (!msg) {
    msg = el('p', { class: 'field-error', id });
    input.before(msg);
  }
  msg.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
  input.closest('.field')?.classList.add('field--error');
}

/**
 * Shows a notification banner in the page's banner area (element with id "banners", created if missing).
 * kind: 'info' | 'success' | 'warning' | 'error'. Returns the banner; `banner.remove()` hides it.
 * Options: `testid` for a data-testid, `action` {label, onClick} for a button.
 */
export function banner(message, kind = 'info', options = {}) {
  let area = document.getElementById('banners');
  if (!area) {
    area = el('div', { id: 'banners', class: 'banners' });
    const main = document.querySelector('main');
    (main || document.body).prepend(area);
  }
  const titles = { info: 'Information', success: 'Klart', warning: 'Observera', error: 'Fel' };
  const node = el('div', {
    class: 'banner banner--' + kind,
    role: kind === 'error' || kind === 'warning' ? 'alert' : 'status',
    'data-testid': options.testid
  },
  el('p', { class: 'banner__title' }, options.title || titles[kind] || ''),
  el('p', { class: 'banner__text' }, message),
  options.action ? el('button', { type: 'button', class: 'button button--secondary',
    on: { click: options.action.onClick } }, options.action.label) : null,
  options.dismissible === false ? null : el('button', {
    type: 'button', class: 'banner__close', 'aria-label': 'Stäng meddelandet',
    on: { click: () => node.remove() }
  }, '×'));
  area.appendChild(node);
  return node;
}

/** Removes all banners. */
export function clearBanners() {
  const area = document.getElementById('banners');
  if (area) replace(area);
}

const dateFmt = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: 'long', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'
});

/** "7 december 2026" from "2026-12-07" or an ISO instant. */
export function formatDate(value) {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T12:00:00') : new Date(value);
  return isNaN(d) ? String(value) : dateFmt.format(d);
}

/** "7 dec. 2026 13:05" from an ISO instant. */
export function formatDateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  return isNaN(d) ? String(value) : dateTimeFmt.format(d);
}

/** "01:05" / "1:02:03" from seconds. */
export function formatClock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
}

export const STATUS_TEXT = { draft: 'Utkast', signed: 'Signerad' };

/** A status tag: <strong class="tag" data-state="draft|signed">Utkast</strong>. */
export function statusTag(status, attrs = {}) {
  return el('strong', { class: 'tag tag--' + status, 'data-state': status, ...attrs },
    STATUS_TEXT[status] || status);
}

/** Disables a button while `promise` runs; returns the promise. */
export async function busy(button, promise) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await promise;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Sets the document title as "<page> – Dikta". */
export function setTitle(page) {
  document.title = page + ' – Dikta';
}
