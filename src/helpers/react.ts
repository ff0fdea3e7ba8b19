// mgt-call-tracking/react: a hook and a component that render a tracked number themselves.
// SSR-safe: the server snapshot is the original, so the hydration render matches the server's
// HTML; React then renders the tracked number (useSyncExternalStore re-renders after hydration when
// the client snapshot differs), with no mismatch.
import { createElement, useSyncExternalStore, type ReactElement } from 'react';
import { IGNORE, subscribe, telHref, trackedNumber } from './numbers';

/** The tracked number for `original` (as written in your config): `original` on the server and until the module decides. */
export function useTrackedNumber(original: string): string {
  return useSyncExternalStore(
    subscribe,
    () => trackedNumber(original),
    () => original,
  );
}

export interface TrackedNumberProps {
  /** The original number, as written in the page and in your config. */
  number: string;
  /** Render a `tel:` link (`<a href="tel:…">`) instead of a `<span>`. */
  link?: boolean;
  className?: string;
}

/** `<TrackedNumber number="01 23 45 67 89" link />`: the number, tracked once the module has decided. */
export function TrackedNumber({ number, link, className }: TrackedNumberProps): ReactElement {
  const shown = useTrackedNumber(number);
  return createElement(link ? 'a' : 'span', { className, href: link ? telHref(shown) : undefined, [IGNORE]: '' }, shown);
}
