// The command function behind window.mgt (SPEC 4). Every call is guarded: whatever a page, a CMP
// or a queued call passes, nothing is thrown back into the page.
import type { Mgt, State } from './types';
import { validate } from './config';
import { createTracker, type Tracker } from './tracker';
import { error, warn } from './lib/log';
import { VERSION } from './version';
import { unhide } from './lib/unhide';

type Listener = (payload: any) => void;

export function createMgt(w: Window): Mgt {
  let tracker: Tracker | undefined;
  let started: unknown;
  let ready: State | undefined;
  const listeners: Record<string, Listener[]> = { ready: [], swap: [], consent: [] };
  // Consent signals given before init (a CMP can answer first) are applied when init runs.
  const early: boolean[] = [];

  const emit = (name: string, payload: any): void => {
    if (name == 'ready') ready = payload;
    // a copy: a listener may subscribe others while it runs
    for (const cb of listeners[name].slice()) {
      try {
        cb(payload);
      } catch (e) {
        error(name + ' listener threw:', e);
      }
    }
  };

  const mgt = function (command: string, a?: any, b?: any): unknown {
    try {
      if (command == 'init') {
        if (started) return warn('init again: ignored');
        started = 1;
        const problem = validate(a);
        if (!problem) tracker = createTracker(a, w, emit, early);
        else {
          error(problem);
          unhide(w.document);
        }
      } else if (command == 'on') {
        if (!listeners.hasOwnProperty(a) || typeof b != 'function') return warn('on: ready, swap or consent and a function; got', a, b);
        listeners[a].push(b);
        // A late 'ready' subscriber is told at once, like a resolved promise.
        if (a == 'ready' && ready) b(ready);
      } else if (command == 'consent') {
        const i = ['granted', true, 'denied', false].indexOf(a);
        if (i < 0) return warn("consent: 'granted' or 'denied'; got", a);
        if (tracker) tracker._consent(i < 2, 'command');
        else if (!started) early.push(i < 2);
      } else if (command == 'state') {
        return tracker?._state();
      } else if (command == 'swap') {
        if (a !== undefined && !a?.nodeType) return warn('swap: a DOM node or nothing; got', a);
        tracker?._swap(a);
      } else if (command == 'restore') {
        tracker?._restore();
      } else if (command == 'pageview') {
        tracker?._pageview(typeof a == 'string' ? a : undefined);
      } else {
        warn('unknown command', command);
      }
    } catch (e) {
      error('command failed:', e); // never throws (lib/log.ts), even on a hostile value
    }
  } as Mgt & { v: string };
  mgt.v = VERSION;
  return mgt;
}
