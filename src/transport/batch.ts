// Event batches to `${endpoint}/events` (SPEC 9). One batch per page in the common case: events
// are sent a moment after the last one, and whatever is left goes out when the page is hidden.
// A failed send is dropped: nothing is kept on the device to retry later.

export interface Batch {
  /** Queue an event; `now` sends without waiting (a call, which may be the page's last act). */
  _push(event: Record<string, unknown>, now?: boolean): void;
  /** Sends what is queued. */
  _flush(): void;
  /** Queued events, for the tracker to rewrite on withdrawal. */
  _queue: Record<string, unknown>[];
}

const DELAY = 1000;

/**
 * sendBeacon for identified batches. A beacon always carries the collector's cookies and the page
 * URL in its Referer header (click IDs included, to a same-site collector), so anonymous batches
 * go by fetch without credentials and without referrer instead: cookieless means no identifier.
 */
export function send(url: string, body: string, anonymous: boolean): void {
  try {
    if (!anonymous && navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
  } catch {
    /* a beacon that throws (blocked, too large) falls back to fetch */
  }
  try {
    fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer', headers: { 'content-type': 'text/plain' } }).catch(() => undefined);
  } catch {
    /* no network API left: the event is lost, the page is not */
  }
}

export function createBatch(endpoint: string, site: string | undefined, log: (...a: unknown[]) => void): Batch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const batch: Batch = {
    _queue: [],
    _push(event, now) {
      batch._queue.push(event);
      clearTimeout(timer);
      if (now) batch._flush();
      else timer = setTimeout(batch._flush, DELAY);
    },
    _flush() {
      clearTimeout(timer);
      if (!batch._queue.length) return;
      const events = batch._queue.splice(0);
      log('sent', events.length, 'event(s)', events);
      send(`${endpoint}/events`, JSON.stringify({ v: 1, site, events }), events.some((e) => e.cookieless));
    },
  };
  return batch;
}
