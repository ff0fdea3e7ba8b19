/** Ends the site's optional anti-flicker hiding (SPEC 3): `class="mgt-hide"` on <html>. */
export const unhide = (d: Document): void => d.documentElement.classList.remove('mgt-hide');
