/*! mgt 0.1.0 | consent-aware call tracking | MIT */
/** The mapping the module shows now; undefined until it has told us (before its first decision). */
let mapping;
const listeners = new Set();
let subscribed = false;
/** window.mgt, or the snippet's queueing stub when the module has not loaded yet (or no window: server). */
function command() {
    if (typeof window == 'undefined')
        return undefined;
    const w = window;
    return (w.mgt = w.mgt || function () {
        (w.mgt.q = w.mgt.q || []).push(arguments);
    });
}
/** Calls `listener` whenever the numbers shown change; returns the unsubscribe function. */
function subscribe(listener) {
    const mgt = command();
    if (mgt && !subscribed) {
        subscribed = true;
        mgt('on', 'numbers', (m) => {
            mapping = m;
            listeners.forEach((l) => l());
        });
    }
    listeners.add(listener);
    return () => void listeners.delete(listener);
}
/**
 * `original` as the page shows it now: the tracked number once the module has decided, the
 * original before (and on the server, and after `mgt('restore')`).
 */
function trackedNumber(original) {
    const mgt = command();
    const text = mapping && mgt && mgt.v ? mgt('number', original) : original;
    return typeof text == 'string' ? text : original;
}
/** A `tel:` link for a number as written: its digits and a leading '+'. */
const telHref = (text) => 'tel:' + text.replace(/[^\d+]/g, '');
/**
 * Marks what a helper renders as not to be swapped by the module (SPEC 10.3): the helper writes
 * the tracked number itself.
 */
const IGNORE = 'data-mgt-ignore';

export { IGNORE as I, telHref as a, subscribe as s, trackedNumber as t };
