import { guard } from './guard';

/**
 * Calls `fn` with every entry of `window.dataLayer`, past and future (push is wrapped, the
 * original push is kept so Google Tag Manager and others work as before). Creates the array when
 * it is missing, as the gtag and Piwik PRO snippets themselves do. Returns 1 once hooked.
 */
export const onDataLayer = (w: any, fn: (entry: any) => unknown): 1 => {
  const l = (w.dataLayer = w.dataLayer || []),
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
