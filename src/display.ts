// The numbers the page shows (SPEC 10): what each decision wants shown goes to the swap engine and
// to the 'numbers' listeners; mgt('restore') puts the page back as written until mgt('swap'). The
// anti-flicker ends once the numbers are final and no framework root waits for hydration.
import type { Numbers, Settings } from './settings';
import { log } from './lib/log';
import { explain } from './why';
import { createSwapper } from './swap/swapper';
import { e164, parsePhone } from './swap/phone';
import { watchHydration, WAITING } from './hydration';

export interface Display {
  /** Shows `numbers` (`final`: no lease pending) and sets the numbers sentence: `reason` says where they come from. */
  _show(numbers: Numbers, final: boolean, reason: string): void;
  /** The tracked numbers shown now, in E.164: what events carry and what a call is matched against. */
  _tracked(): string[];
  /** A copy of the numbers shown now (state()). */
  _numbers(): Numbers;
  /** mgt('swap'): shows the numbers again after mgt('restore'), and scans `root` (the document) now. */
  _swap(root?: Node): void;
  /** mgt('restore'): the page as written, until mgt('swap'). */
  _restore(): void;
}

/** Sets the numbers sentence of state().why; `emit` tells the page's listeners. */
export function createDisplay(s: Settings, w: Window, emit: (name: string, payload: unknown) => void): Display {
  // Framework roots are not swapped until hydrated (hydration.ts): they join the ignored subtrees.
  const swapper = createSwapper(w.document, { _country: s._country, _ignore: (s._ignore ? s._ignore + ',' : '') + WAITING, _onSwap: (e) => emit('swap', e) });
  let swapping = true; // false after mgt('restore'), until mgt('swap')
  let shown: Numbers; // undefined until the first decision, so that the first one is applied
  // The numbers to the swap engine (its matcher reads own keys only: a polluted Object.prototype
  // adds nothing) and to the 'numbers' listeners.
  const paint = (numbers: Numbers): void => {
    swapper._set(numbers);
    emit('numbers', numbers);
  };
  // A root hydrated before the first decision is swapped by it.
  const unhide = watchHydration(w, (root) => swapping && shown && swapper._scan(root), log, swapper._flush);
  return {
    _show(numbers, final, reason) {
      const json = JSON.stringify(numbers);
      // The observer keeps the page swapped; a new full pass is needed only when the mapping changes.
      if (swapping && json != JSON.stringify(shown)) paint(numbers);
      shown = numbers;
      if (final) unhide();
      explain('numbers', json, reason);
    },
    // What is shown is valid numbers of the country only (config.ts, usableNumber).
    _tracked: () => Object.values(shown).map((t) => e164(parsePhone(t, s._country)!)),
    _numbers: () => ({ ...shown }),
    _swap(root) {
      if (!swapping) {
        swapping = true;
        paint(shown);
      }
      swapper._scan(root);
    },
    _restore() {
      swapping = false;
      swapper._restore();
      emit('numbers', {});
    },
  };
}
