// Event batches to `${endpoint}/events` (SPEC 9). One batch per page in the common case: events
// are sent a moment after the last one, and whatever is left goes out when the page is hidden.
// A failed send is dropped: nothing is kept on the device to retry later.
import { log } from '../lib/log';
import { post } from './post';

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
 * A beacon that is missing, throws (blocked, too large) or is refused goes by fetch as well.
 */
function send(url: string, body: string, anonymous: boolean): void {
  try {
    if (!anonymous && navigator.sendBeacon(url, body)) return;
  } catch {}
  post(url, body, { keepalive: true, mode: 'no-cors', referrerPolicy: 'no-referrer' });
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
