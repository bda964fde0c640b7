// The console's only way to the controller: the public JSON API under /api/v1, with the bearer
// token of the session. A refusal becomes an ApiError carrying the API's {error, message}.

const SESSION_KEY = 'loa.session';
let onUnauthorized = () => {};

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function session() {
  try {
    const stored = JSON.parse(localStorage.getItem(SESSION_KEY));
    if (stored && stored.token && Date.parse(stored.expiresAt) > Date.now()) {
      return stored;
    }
  } catch (ignored) {
    // a damaged entry counts as no session
  }
  return null;
}

export function keepSession(login) {
  localStorage.setItem(SESSION_KEY, JSON.stringify({ token: login.token, expiresAt: login.expiresAt }));
}

export function dropSession() {
  localStorage.removeItem(SESSION_KEY);
}

export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function headers(extra = {}) {
  const current = session();
  return current ? { Authorization: `Bearer ${current.token}`, ...extra } : extra;
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
  const init = { method, headers: headers() };
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
    const current = session();
    if (current) {
      xhr.setRequestHeader('Authorization', `Bearer ${current.token}`);
    }
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
