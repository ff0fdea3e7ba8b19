import { guard } from './guard';

/**
 * Calls `cb` after every history.pushState/replaceState and on popstate: the page views of a
 * single-page app (config.spa). The page's own history methods keep working as before, and `cb`
 * never throws into the page's navigation.
 */
export function onNavigation(w: Window, cb: () => void): void {
  const h = w.history;
  const guarded = guard(cb, 'page view not counted:');
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = h[name];
    h[name] = function (this: History) {
      const r = original.apply(this, arguments as any);
      guarded();
      return r;
    };
  }
  w.addEventListener('popstate', guarded);
}
