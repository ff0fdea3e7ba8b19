// The command function behind window.mgt (SPEC 4). Every call is guarded: whatever a page, a CMP
// or a queued call passes, nothing is thrown back into the page.
import type { Mgt, State } from './types';
import { loadConfig } from './config';
import { createTracker, type Tracker } from './tracker';
import { error, warn } from './lib/log';
import { VERSION } from './version';
import { CMPS } from './consent/cmps';
import { unhide } from './lib/unhide';
import { createMatcher } from './swap/matcher';

type Listener = (payload: any) => void;

export function createMgt(w: Window): Mgt {
  let tracker: Tracker | undefined;
  let started: unknown;
  let ready: State | undefined;
  const listeners: Record<string, Listener[]> = { ready: [], swap: [], consent: [], numbers: [] };
  // The mapping shown now (undefined before the first decision), for 'number' and late 'numbers' subscribers.
  let numbers: Record<string, string> | undefined;
  let country = 'FR';
  // Consent signals given before init (a CMP can answer first) are applied when init runs.
  const early: boolean[] = [];

  const emit = (name: string, payload: any): void => {
    if (name == 'ready') ready = payload;
    if (name == 'numbers') numbers = payload = Object.freeze({ ...payload });
    // a copy: a listener may subscribe others while it runs
    for (const cb of listeners[name].slice()) {
      try {
        cb(payload);
      } catch (e) {
        error(name + ' listener threw:', e);
      }
    }
  };

  // One method per command (SPEC 4); the command function below adds the guard.
  const commands: Record<string, (a?: any, b?: any) => unknown> = {
    init(config) {
      if (started) return warn('init again: ignored');
      started = 1;
      const c = loadConfig(config, w.location.search);
      if (typeof c != 'string') {
        country = c._country;
        tracker = createTracker(c, w, emit, early);
      }
      else {
        error(c);
        unhide(w.document);
      }
    },
    on(name, cb) {
      if (!listeners.hasOwnProperty(name) || typeof cb != 'function') return warn('on: needs a function and one of', Object.keys(listeners));
      listeners[name].push(cb);
      // A late 'ready' or 'numbers' subscriber is told at once, like a resolved promise.
      if (name == 'ready' && ready) cb(ready);
      if (name == 'numbers' && numbers) cb(numbers);
    },
    // `source`: the CMP reporting the choice from its own callback (tarteaucitron's service js()),
    // so that its consent events name it whichever way the visitor answers.
    consent(value, source) {
      const granted = value === true || value === 'granted';
      if (!granted && value !== false && value !== 'denied') return warn('consent: needs granted or denied');
      if (tracker) tracker._consent(granted, CMPS.includes(source) ? source : 'command');
      else if (!started) early.push(granted);
    },
    state: () => tracker?._state(),
    // The text as the page shows it now: the same matcher as the swap (SPEC 10.2), for helpers
    // that render a number themselves.
    number(text) {
      const edit = typeof text == 'string' && numbers && createMatcher(numbers, country)?.(text);
      return edit ? edit._out.join('') : text;
    },
    swap(root) {
      if (root !== undefined && !root?.nodeType) return warn('swap: needs a DOM node or nothing');
      tracker?._swap(root);
    },
    restore: () => tracker?._restore(),
    pageview: (url) => tracker?._pageview(typeof url == 'string' ? url : undefined),
  };

  const mgt = function (command: string, a?: any, b?: any): unknown {
    try {
      return commands.hasOwnProperty(command) ? commands[command](a, b) : warn('unknown command', command);
    } catch (e) {
      error('command failed:', e); // never throws (lib/log.ts), even on a hostile value
    }
  } as Mgt & { v: string };
  mgt.v = VERSION;
  return mgt;
}
