// Server-rendered framework roots (issue 12): React and Vue compare the server's text with their
// own render when they hydrate, and a swapped number there is a mismatch. React 19 then throws the
// server DOM away and renders the page again (error #418); Vue logs an error and writes the
// original back. So inside such a root nothing is swapped (text, attributes, our class) until the
// framework has hydrated it; then the root is marked and swapped in the same frame, before the
// paint. ARCHITECTURE.md "Frameworks" has the evidence.
import { unhide } from './lib/unhide';

/**
 * The roots still waiting for hydration, never swapped (they join the swapper's ignored subtrees):
 * Next.js (pages router) and Nuxt, recognised by their ids, and any root the site marks with
 * `data-mgt-hydrate` (the one line Next's app router needs, on `<html>`).
 */
export const WAITING = '#__next:not([data-mgt-hydrated]),#__nuxt:not([data-mgt-hydrated]),[data-mgt-hydrate]:not([data-mgt-hydrated])';

/**
 * Hydrated: Vue sets `__vue_app__` on the container once `mount` has hydrated it (synchronously);
 * React sets `__reactFiber$…` on every element it hydrates, and its first hydration renders and
 * commits in one task (a blocking lane, not time-sliced), so a key seen in a frame means done.
 */
const hydrated = (el: any): boolean => el && (el.__vue_app__ || Object.keys(el).some((k) => /^__reactFiber/.test(k)));

/**
 * Once per frame while the page is parsed or a root waits: `frame` first (the swapper takes its
 * pending records: an engine may paint before the observer delivers them, as WebKit does while the
 * parser streams a long page in), then a root found hydrated is marked and handed to `swap`, in the
 * frame it hydrated (rAF runs before the paint). Returns `unhide`, which
 * ends the anti-flicker hiding once the page is parsed and no root waits (now or later).
 */
export function watchHydration(w: Window, swap: (root: Element) => void, debug: (...a: unknown[]) => void, frame: () => void): () => void {
  const doc = w.document;
  // Each look for the roots reads the whole document (a selector list with attributes has no
  // shortcut): one per frame, and one when the numbers are first final (issue 11).
  let decided: unknown;
  const done = () => decided && doc.readyState != 'loading' && !doc.querySelector(WAITING) && unhide(doc);
  const tick = (): void => {
    let waiting: unknown;
    frame();
    for (const root of doc.querySelectorAll(WAITING))
      if (hydrated(root) || hydrated(root.firstElementChild)) {
        root.setAttribute('data-mgt-hydrated', '');
        swap(root);
      } else waiting = 1;
    if (doc.readyState == 'loading' || waiting) w.requestAnimationFrame(tick);
    else {
      // Next's app router hydrates the whole document, which has no id to recognise: the site's line
      // (without it React renders the page again, docs/frameworks.md).
      if ((w as any).__next_f /* defined by the inline scripts of every Next.js app-router page */ && !doc.querySelector('[data-mgt-hydrate]')) debug('Next.js app router: add data-mgt-hydrate to <html>');
      done();
    }
  };
  tick();
  return () => {
    // Once: the page is shown now, or by the last frame of the loop above.
    if (!decided) {
      decided = 1;
      done();
    }
  };
}
