// The consent state and the visitor cookie's lifecycle (SPEC 7): the one place where a grant, a
// denial, Global Privacy Control and another tab's withdrawal are decided. The page is
// `persistent` while storage is allowed and mgt_visitor exists: then, and only then, the module
// stores and reads mgt_session and reports the visitor ID.
import type { ConsentState } from '../types';
import type { Settings } from '../settings';
import { log } from '../lib/log';
import { explain } from '../why';
import { storageBlocked } from './gate';
import { createVisitor, deleteVisitor, readVisitor } from '../storage/visitor';
import { removeSession } from '../storage/session';

export interface Consent {
  _state: ConsentState;
  /** Storage allowed and mgt_visitor present. */
  _persistent: boolean;
  /** The visitor ID while persistent. */
  _visitor?: string;
  /** mgt_visitor was created on this page (a new visitor). */
  _created: boolean;
  /** Why nothing is stored although the rule allows it (cookies blocked, mgt_visitor gone): for the debug sentence. */
  _blocked: string;
  /** Records a signal from `source` and explains it. false for a repeat (SPEC 7: a no-op). A denial erases at once. */
  _set(granted: boolean, source: string): boolean;
  /** Tracking IDs may be stored and sent: persistent with an explicit grant (SPEC 6.4). */
  _withIds(): boolean;
  /** Still persistent? Our cookie may have gone (another tab's withdrawal, expiry): never undone here. */
  _alive(): boolean;
  /** Becomes persistent if storage is allowed now (at init, after GPC and early signals). */
  _start(): void;
  /** Sets the debug sentence about storage. */
  _explain(): void;
  /** probabilistic 'off' without storage: nothing is sent, the default numbers only (SPEC 8). */
  _mute(): boolean;
  /** The consent decision is pending and cookieless events must wait for it (SPEC 9). */
  _waiting(): boolean;
}

/**
 * Sets the storage sentence of state().why; `lost` runs when another tab
 * withdraws consent (it removes mgt_session), so that this page decides again without storage.
 */
export function createConsent(s: Settings, w: Window, lost: () => void): Consent {
  const forget = (why: string): void => {
    c._persistent = false;
    c._visitor = undefined;
    c._blocked = why;
    removeSession();
  };
  /** Becomes persistent where storage is allowed; a new visitor never inherits an old mgt_session. */
  const ensure = (): void => {
    if (c._persistent || storageBlocked(s, c._state)) return;
    let id = readVisitor();
    if (!id) {
      removeSession();
      c._created = !!(id = createVisitor(s._days, s._domain));
    }
    if (!id) return forget('cookies blocked');
    c._visitor = id;
    c._persistent = true;
    // From the first time this page stores (the same listener is added once): a listener for storage
    // events opens the origin's storage, 1–2.5 ms on a cold page that may never store (issue 11).
    w.addEventListener('storage', onStorage);
  };
  // Another tab withdrew consent and removed mgt_session: this page stops storing too, at once.
  const onStorage = (e: StorageEvent): void => {
    if (e.key == 'mgt_session' && e.newValue == null && c._persistent && !c._alive()) lost();
  };
  const c: Consent = {
    _state: 'unknown',
    _persistent: false,
    _created: false,
    _blocked: '',
    _set(granted, source) {
      const next: ConsentState = granted ? 'granted' : 'denied';
      if (next == c._state) return false;
      c._state = next;
      if (granted) ensure();
      else {
        // Withdrawal takes effect now, on this page: erase and forget.
        deleteVisitor();
        forget('');
      }
      log(`Consent: ${next} (${source}).`);
      c._explain();
      return true;
    },
    _withIds: () => c._persistent && c._state == 'granted',
    _start: ensure,
    _explain: () =>
      explain('storage', c._persistent ? 'mgt_visitor and mgt_session' : 'nothing', (!c._persistent && (storageBlocked(s, c._state) || c._blocked)) || 'consent ' + c._state),
    _mute: () => !c._persistent && s._probabilistic == 'off',
    _waiting: () => !c._persistent && c._state == 'unknown' && s._probabilistic == 'fallback',
    _alive() {
      if (c._persistent && readVisitor() != c._visitor) forget('mgt_visitor gone');
      return c._persistent;
    },
  };
  return c;
}
