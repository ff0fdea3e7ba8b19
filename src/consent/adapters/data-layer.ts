import { guard } from './guard';

/**
 * Calls `fn` with every entry of `window.dataLayer`, past and future (push is wrapped, the
 * original push is kept so Google Tag Manager and others work as before). `create` makes the
 * array when it is missing, as the gtag snippet itself does. Returns 1 once hooked; throws (the
 * caller polls again) while there is no dataLayer with a push method.
 */
export const onDataLayer = (w: any, fn: (entry: any) => unknown, create?: 1): 1 => {
  const l = w.dataLayer || (create && (w.dataLayer = [])),
    push = l.push.bind(l),
    f = guard(fn);
  l.map(f);
  l.push = (...a: unknown[]) => {
    const r = push(...a);
    a.map(f);
    return r;
  };
  return 1;
};
