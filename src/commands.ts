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
  let started = false;
  let ready: State | undefined;
  const listeners: Record<string, Listener[]> = {};
  // Consent signals given before init (a CMP can answer first) are applied when init runs.
  const early: boolean[] = [];

  const emit = (name: string, payload: any): void => {
    if (name === 'ready') ready = payload;
    for (const cb of (listeners[name] || []).slice()) {
      try {
        cb(payload);
      } catch (e) {
        error(`a '${name}' listener threw:`, e);
      }
    }
  };

  const mgt = function (command: string, a?: any, b?: any): unknown {
    try {
      if (command === 'init') {
        if (started) return warn('init was called again: ignored (one instance per page)');
        started = true;
        const problem = validate(a);
        if (problem) {
          error(problem);
          unhide(w.document);
          return;
        }
        tracker = createTracker(a, w, emit, early);
      } else if (command === 'on') {
        if (['ready', 'swap', 'consent'].indexOf(a) < 0 || typeof b !== 'function') return warn('on: unknown event or no callback:', a);
        (listeners[a] = listeners[a] || []).push(b);
        // A late 'ready' subscriber is told at once, like a resolved promise.
        if (a === 'ready' && ready) b(ready);
      } else if (command === 'consent') {
        const granted = a === 'granted' || a === true ? true : a === 'denied' || a === false ? false : undefined;
        if (granted === undefined) return warn("consent takes 'granted' or 'denied', got", a);
        if (tracker) tracker._consent(granted, 'command');
        else if (!started) early.push(granted);
      } else if (command === 'state') {
        return tracker && tracker._state();
      } else if (command === 'swap') {
        if (a !== undefined && !(a && a.nodeType)) return warn('swap takes a DOM node or nothing');
        tracker && tracker._swap(a);
      } else if (command === 'restore') {
        tracker && tracker._restore();
      } else if (command === 'pageview') {
        tracker && tracker._pageview(typeof a === 'string' ? a : undefined);
      } else {
        warn('unknown command', command);
      }
    } catch (e) {
      // Nothing here may throw again: the command itself can be a hostile object.
      try {
        error('a command failed:', e);
      } catch {
        /* console unavailable */
      }
    }
  } as Mgt & { v: string };
  mgt.v = VERSION;
  return mgt;
}
