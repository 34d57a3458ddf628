// The one way pages call the server. JSON in and out, the CSRF header from the XSRF-TOKEN cookie,
// Swedish error messages, and an expired session handled in place: a 401 asks the registered
// re-sign-in handler (the shell's dialog) and then repeats the request, so no work is lost.

/** An error the user can read: `message` is Swedish, `status` the HTTP status (0: no answer). */
export class ApiError extends Error {
  constructor(status, message, data) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.data = data || {};
  }
}

let reauthHandler = null;
let reauthPending = null;

/**
 * Registers the function called when the session has expired. It returns a Promise that resolves once
 * the user has signed in again (and rejects if they gave up). Only one dialog at a time.
 */
export function onUnauthorized(handler) {
  reauthHandler = handler;
}

function reauthenticate() {
  if (!reauthHandler) {
    return Promise.reject(new ApiError(401, 'Du är inte inloggad.'));
  }
  if (!reauthPending) {
    reauthPending = Promise.resolve(reauthHandler()).finally(() => { reauthPending = null; });
  }
  return reauthPending;
}

export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

const FALLBACK = {
  400: 'Uppgifterna kunde inte tas emot. Kontrollera fälten och försök igen.',
  401: 'Du är inte inloggad.',
  403: 'Du har inte behörighet till det här.',
  404: 'Det du söker finns inte, eller så har du inte behörighet att se det.',
  409: 'Någon annan har ändrat samtidigt.',
  413: 'Det du skickade är för stort.',
  415: 'Filtypen stöds inte.',
  429: 'För många försök. Vänta en stund och försök igen.',
  500: 'Något gick fel på servern. Försök igen om en stund.',
  503: 'Tjänsten är inte redo just nu. Försök igen om en stund.'
};

export function messageFor(status, data) {
  if (data && typeof data.error === 'string' && data.error) return data.error;
  return FALLBACK[status] || ('Något gick fel (felkod ' + status + ').');
}

const NETWORK_ERROR = 'Kunde inte nå servern. Kontrollera nätverket och försök igen.';

/**
 * Calls the API. `path` starts with "/api/". `body` (optional) is sent as JSON.
 * Options: `reauth: false` to get the 401 instead of the re-sign-in dialog (sign-in page, /api/me probe),
 * `signal` to abort, `keepalive` for saves while the page unloads.
 * Resolves with the parsed JSON (or null for an empty body); rejects with ApiError.
 */
export async function api(method, path, body, options = {}) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['X-XSRF-TOKEN'] = csrfToken();
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      signal: options.signal, keepalive: !!options.keepalive,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR);
  }
  const text = await res.text().catch(() => '');
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  if (res.status === 401 && options.reauth !== false) {
    await reauthenticate();
    return api(method, path, body, { ...options, reauth: false });
  }
  if (!res.ok) throw new ApiError(res.status, messageFor(res.status, data), data);
  return data;
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body, options) => api('POST', path, body === undefined ? {} : body, options);
export const put = (path, body, options) => api('PUT', path, body, options);
export const del = (path, options) => api('DELETE', path, undefined, options);

/**
 * Sends a file (raw body) with upload progress. `onProgress(fraction)` gets 0..1.
 * Resolves with { status, data }; rejects with ApiError. A 401 asks for sign-in and sends again.
 */
export function upload(path, file, onProgress, options = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type || 'audio/wav');
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR));
    xhr.onload = () => {
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
      if (xhr.status === 401 && options.reauth !== false) {
        reauthenticate().then(() => upload(path, file, onProgress, { ...options, reauth: false }))
          .then(resolve, reject);
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(new ApiError(xhr.status, messageFor(xhr.status, data), data));
        return;
      }
      if (onProgress) onProgress(1);
      resolve({ status: xhr.status, data });
    };
    xhr.send(file);
  });
}

/** Start page per role (pages.md). */
export function startPageFor(role) {
  if (role === 'admin') return '/admin';
  if (role === 'manager') return '/rapporter';
  return '/diktera';
}

/** A same-origin path from ?next=, or null (never another origin). */
export function safeNext(value) {
  if (!value || typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
