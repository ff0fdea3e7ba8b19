// Event batches to `${endpoint}/events` (SPEC 9). One batch per page in the common case: events
// are sent a moment after the last one, and whatever is left goes out when the page is hidden.
// A failed send is dropped: nothing is kept on the device to retry later.
import { log } from '../lib/log';

type Ev = Record<string, unknown>;

export interface Batch {
  /** Queue an event; `now` sends without waiting (a call, which may be the page's last act). */
  _push(event: Ev, now?: boolean): void;
  /** Sends what is queued. */
  _flush(): void;
  /** Rewrites every queued event with `fn` (withdrawal: the identified ones go out without identifiers). */
  _rewrite(fn: (e: Ev) => Ev): void;
}

/**
 * sendBeacon for identified batches. A beacon always carries the collector's cookies and the page
 * URL in its Referer header (click IDs included, to a same-site collector), so anonymous batches
 * go by fetch without credentials and without referrer instead: cookieless means no identifier.
 * A string body is sent as text/plain: a CORS-simple request, no preflight.
 */
function send(url: string, body: string, anonymous: boolean): void {
  try {
    if (!anonymous && navigator.sendBeacon(url, body)) return;
  } catch {
    /* no beacon, or one that throws (blocked, too large): fetch instead */
  }
  try {
    fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer' }).catch(() => 0);
  } catch {
    /* no network API left: the event is lost, the page is not */
  }
}

export function createBatch(endpoint: string, site: string | undefined): Batch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Ev[] = [];
  const flush = (): void => {
    const events = queue;
    queue = [];
    clearTimeout(timer);
    if (events.length) {
      log('sent', events);
      send(endpoint + '/events', JSON.stringify({ v: 1, site, events }), events.some((e) => e.cookieless));
    }
  };
  return {
    _push(event, now) {
      queue.push(event);
      clearTimeout(timer);
      if (now) flush();
      else timer = setTimeout(flush, 1000);
    },
    _flush: flush,
    _rewrite(fn) {
      queue = queue.map(fn);
    },
  };
}
