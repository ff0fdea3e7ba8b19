import { guard } from './guard';
import { when } from './when';

/**
 * Calls `fn` with every entry of `window.dataLayer`, past and future (push is wrapped, the
 * original push is kept so Google Tag Manager and others work as before). `create` makes the
 * array when it is missing, as the gtag snippet itself does.
 */
export const onDataLayer = (w: any, fn: (entry: any) => unknown, create?: 1): void =>
  when(w, () => {
    const l = w.dataLayer || (create && (w.dataLayer = []));
    if (!l || typeof l.push != 'function') return;
    const f = guard(fn);
    const push = l.push;
    for (let i = 0; i < l.length; i++) f(l[i]);
    l.push = function () {
      const r = push.apply(l, arguments);
      for (let i = 0; i < arguments.length; i++) f(arguments[i]);
      return r;
    };
    return 1;
  });
