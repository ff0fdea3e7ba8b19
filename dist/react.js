/*! mgt 0.1.0 | consent-aware call tracking | MIT */
import { createElement, useSyncExternalStore } from 'react';
import { I as IGNORE, a as telHref, s as subscribe, t as trackedNumber } from './helpers-numbers.js';

// mgt-call-tracking/react: a hook and a component that render a tracked number themselves.
// SSR-safe: the server snapshot is the original, so the hydration render matches the server's
// HTML; React then renders the tracked number (useSyncExternalStore re-renders after hydration when
// the client snapshot differs), with no mismatch.
/** The tracked number for `original` (as written in your config): `original` on the server and until the module decides. */
function useTrackedNumber(original) {
    return useSyncExternalStore(subscribe, () => trackedNumber(original), () => original);
}
/** `<TrackedNumber number="01 23 45 67 89" link />`: the number, tracked once the module has decided. */
function TrackedNumber({ number, link, className }) {
    const shown = useTrackedNumber(number);
    return createElement(link ? 'a' : 'span', { className, href: link ? telHref(shown) : undefined, [IGNORE]: '' }, shown);
}

export { TrackedNumber, useTrackedNumber };
