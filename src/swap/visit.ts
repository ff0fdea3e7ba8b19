// What a scan reads in each element it visits (scan.ts walks): its text children worth reading, its
// phone attributes, and its open shadow root, observed and scanned in turn (a custom element's once
// it is defined). Each place is handed to the editor (edit.ts).
import { DIGIT, inRun, LINK, type Editor } from './edit';
import type { Matcher } from './matcher';
import { createScan, type Scan } from './scan';

export const IGNORE = 'data-mgt-ignore';
const ATTRS = ['href', 'title', 'alt', 'aria-label'];
/** An attributeFilter implies attributes: true. The ignore attribute is watched to follow it. */
export const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: [...ATTRS, IGNORE] };

/**
 * The scans of `doc` and of the roots found in it: `live()` gives the numbers to show now
 * (undefined: none; false: restored), `observer` is given the open shadow roots outside the zones
 * `skip` selects.
 */
export function createVisit(doc: Document, editor: Editor, observer: MutationObserver, skip: string, live: () => Matcher | false | undefined): Scan {
  // (The matcher's pre-filter: most texts with digits, prices, dates…, hold no number. False has no _any.)
  const any = (d: string) => (live() as Matcher | undefined)?._any.test(d);
  const scan = createScan(doc, element, texts, any);

  /** Handles the text children of `el` worth reading: with digits, and an original, a copy, or a run going on. */
  function texts(el: Element): void {
    for (let t = el.firstChild, d; t; t = t.nextSibling)
      if (
        t.nodeType === 3 &&
        DIGIT.test((d = (t as Text).data)) &&
        // A number, a text we wrote (a copy?), or a text or comment next: a number split by a
        // framework starts in a node followed by another, or after one without digits ('+').
        (any(d) || editor._copies.has(d) || inRun(t.nextSibling) || inRun(t.previousSibling))
      ) {
        editor._read(t);
        // The rest of its run is handled.
        while (inRun(t.nextSibling)) t = t.nextSibling;
      }
  }

  /**
   * An element's own open shadow root and phone attributes. A custom element not defined yet gets
   * its shadow root when it is (as Lit's do): it is scanned then.
   */
  function element(el: Element): void {
    const sr = el.shadowRoot;
    if (sr) {
      if (!el.closest(skip)) {
        observer.observe(sr, OBSERVE);
        scan._queue(sr);
      }
    } else if (el.localName.indexOf('-') > 0 && !customElements.get(el.localName))
      // (A name that is not a valid custom element name rejects: nothing to wait for.)
      customElements.whenDefined(el.localName).then(() => live() !== false && scan._run(el), () => 0);
    if (el.hasAttributes())
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        // Most hrefs with digits are paths: only links that dial are read further.
        if (v && DIGIT.test(v) && (a !== 'href' || LINK.test(v))) editor._read(el.getAttributeNode(a));
      }
  }

  return scan;
}
