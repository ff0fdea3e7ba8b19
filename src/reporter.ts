// The reporter (SPEC 9): turns page views and calls into events, holds the anonymous ones while the
// consent decision is pending (so a visit accepted on its landing page is reported once,
// identified), and strips identifiers from queued events when consent is withdrawn.
import type { Settings } from './settings';
import { createBatch } from './transport/batch';

export type Ev = Record<string, any>;

export interface Reporter {
  /** This page view's events (once per view); held while the consent decision is pending. */
  _view(build: () => Ev[]): void;
  /** A new page view, or a grant that reports the current one again: what waited anonymous is dropped on a grant. */
  _again(grant?: boolean): void;
  /** A call: sent at once unless the consent decision is pending. */
  _call(build: () => Ev): void;
  /** Sends what waits unless the decision is pending; `force` on pagehide. */
  _release(force?: boolean): void;
  /** Withdrawal: queued events go out without identifiers (SPEC 9.1). */
  _anonymise(): void;
}

export function createReporter(
  s: Settings,
  t: {
    /** The consent decision is pending and cookieless events must wait for it (SPEC 9). */
    _waiting(): boolean;
    /** probabilistic 'off' without storage: nothing is sent (SPEC 8). */
    _mute(): boolean;
    /** Completes an event as consent allows now (identified, or anonymous). */
    _finish(e: Ev): Ev;
    /** Sets (and prints) the debug sentence about events. */
    _explain(k: 'events', sentence: string): void;
  },
): Reporter {
  const batch = createBatch(s._endpoint, s._site);
  let reported = false;
  let held: Ev[] = [];
  let calls: Array<() => Ev> = [];
  const r: Reporter = {
    _view(build) {
      if (reported) return;
      reported = true;
      const events = build();
      held.push(...events);
      t._explain('events', `Events: ${events.map((e) => e.type).join(', ') || 'none'} ${t._waiting() ? 'wait for the consent decision' : t._mute() ? "not sent (probabilistic 'off')" : 'sent'}.`);
      r._release();
    },
    _again(grant) {
      reported = false;
      if (grant) held = [];
    },
    _call(build) {
      calls.push(build);
      r._release();
    },
    _release(force) {
      if (!force && t._waiting()) return;
      if (!t._mute()) {
        for (const e of held) batch._push(e);
        for (const c of calls) batch._push(c(), true);
      }
      held = [];
      calls = [];
      if (force) batch._flush();
    },
    _anonymise() {
      batch._rewrite((e) => (e.cookieless ? e : t._finish(e)));
    },
  };
  return r;
}
