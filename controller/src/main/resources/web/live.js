// Live updates: one Server-Sent Events stream (/api/v1/events, authenticated by the session
// cookie, which EventSource sends) shared by every page. Pages subscribe to event names
// (station, receipt, alert) and unsubscribe when they leave. The browser reconnects by itself.

const listeners = new Map();
const stateListeners = new Set();
let source = null;
let current = 'closed';

function setState(next) {
  current = next;
  stateListeners.forEach((listener) => listener(next));
}

export function connect() {
  if (source) {
    return;
  }
  source = new EventSource('/api/v1/events');
  setState('connecting');
  source.addEventListener('open', () => setState('open'));
  source.addEventListener('error', () => setState(source && source.readyState === EventSource.CLOSED
    ? 'closed' : 'connecting'));
  for (const name of ['hello', 'station', 'receipt', 'alert']) {
    source.addEventListener(name, (event) => {
      let data = {};
      try {
        data = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      (listeners.get(name) || new Set()).forEach((listener) => listener(data));
    });
  }
}

export function disconnect() {
  if (source) {
    source.close();
    source = null;
  }
  setState('closed');
}

/** Calls listener(data) for each event of that name; returns the function that stops it. */
export function on(name, listener) {
  if (!listeners.has(name)) {
    listeners.set(name, new Set());
  }
  listeners.get(name).add(listener);
  return () => listeners.get(name).delete(listener);
}

export function state() {
  return current;
}

export function onState(listener) {
  stateListeners.add(listener);
  listener(current);
  return () => stateListeners.delete(listener);
}
