// The console's only way to the controller: the public JSON API under /api/v1. The session
// token lives in an HttpOnly cookie that these scripts never see; every request carries the
// console's header (X-Loa-Console), without which the controller takes the cookie for reads only.
// A refusal becomes an ApiError carrying the API's {error, message}.

/** Until when the session lasts (not the token itself): whether asking /auth/me is worth it. */
const SESSION_KEY = 'loa.sessionUntil';
/** Where earlier versions kept the token itself: removed on sight. */
const OLD_SESSION_KEY = 'loa.session';
const CONSOLE_HEADER = 'X-Loa-Console';
let onUnauthorized = () => {};

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Whether a session is believed open ({expiresAt}), else null; a damaged entry counts as none. */
export function session() {
  localStorage.removeItem(OLD_SESSION_KEY);
  const until = Date.parse(localStorage.getItem(SESSION_KEY) || '');
  return until > Date.now() ? { expiresAt: new Date(until).toISOString() } : null;
}

export function keepSession(login) {
  localStorage.setItem(SESSION_KEY, login.expiresAt);
}

export function dropSession() {
  localStorage.removeItem(SESSION_KEY);
  localStorage.removeItem(OLD_SESSION_KEY);
}

export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function headers(extra = {}) {
  return { [CONSOLE_HEADER]: '1', ...extra };
}

async function answer(response) {
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new ApiError(response.status, body && body.error ? body.error : 'http_' + response.status,
      body && body.message ? body.message : String(body));
    if (response.status === 401 && session()) {
      dropSession();
      onUnauthorized(error);
    }
    throw error;
  }
  return body;
}

export async function request(method, path, body) {
  const init = { method, headers: headers(), credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch('/api/v1' + path, init);
  } catch (network) {
    throw new ApiError(0, 'network', network.message);
  }
  return answer(response);
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);
export const put = (path, body) => request('PUT', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const del = (path) => request('DELETE', path);

/**
 * Sends multipart/form-data with upload progress (fetch cannot report it): onProgress(sent, total).
 * Resolves with the created resource; rejects with an ApiError.
 */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1' + path);
    xhr.setRequestHeader(CONSOLE_HEADER, '1');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded, event.total);
      }
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (ignored) {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        reject(new ApiError(xhr.status, body && body.error ? body.error : 'http_' + xhr.status,
          body && body.message ? body.message : xhr.statusText));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'the upload did not reach the controller')));
    xhr.send(form);
  });
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const pairs = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return pairs.length ? '?' + new URLSearchParams(pairs).toString() : '';
}
