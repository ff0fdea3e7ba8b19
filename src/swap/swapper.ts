// Swaps the configured numbers in the live document: text nodes (adjacent ones read as one
// string, comments between them transparent) and phone-bearing attributes, in the document and its
// open shadow roots, kept up to date by a MutationObserver and reversible byte for byte (SPEC 10.3,
// 10.4).
//
// Every text node and attribute we changed is remembered as a Piece (memory.ts), with the other
// text nodes of its run. A node's original is derived from that memory each time it is read, so a
// rescan is idempotent, a framework that writes a new text makes it the new original, and the page
// splitting, merging or moving what we wrote carries the originals along. Restoring is the same
// edit with the swap turned off. The parts: scan.ts walks, edit.ts finds and writes a run,
// classes.ts keeps our class, records.ts reads the observer's records; this file decides what of an
// element is read, and when (on, off, the numbers of the moment).
import type { SwapEvent } from '../types';
import { createClasses } from './classes';
import { createEditor, inRun, LINK } from './edit';
import { createMatcher, type Matcher } from './matcher';
import type { Piece } from './memory';
import { IGNORE, readRecords } from './records';
import { createScan } from './scan';

export interface SwapperOptions {
  /** ISO country of the configured numbers' national format. */
  _country: string;
  /** CSS selector of subtrees never swapped (already validated). */
  _ignore?: string;
  _onSwap(e: SwapEvent): void;
}

export interface Swapper {
  /** The numbers to show now, original -> tracked; re-applies to the whole document, starts observing. */
  _set(numbers: Record<string, string>): void;
  /** Scans now (the whole document, or `root`); after _restore, re-applies and observes again. */
  _scan(root?: Node): void;
  /**
   * Handles the observer's pending records now: called at every frame while the page loads, as an
   * engine may paint before it delivers them (WebKit does, while the parser streams a long page in).
   */
  _flush(): void;
  /** Every swapped text and attribute back as it was; stops observing. */
  _restore(): void;
}

const ATTRS = ['href', 'title', 'alt', 'aria-label'];
const DIGIT = /\d/;
/** An attributeFilter implies attributes: true. The ignore attribute is watched to follow it. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: [...ATTRS, IGNORE] };
const SKIP = `script,style,noscript,template,textarea,input,select,[contenteditable],[${IGNORE}]`;

export function createSwapper(doc: Document, opts: SwapperOptions): Swapper {
  const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
  const observer = new MutationObserver(handle);
  const classes = createClasses(observer);
  /** The numbers every edit shows: none while off (false), so that edits write the originals back. */
  const live = () => on && match;
  // (The listeners of the swap event are guarded by the emitter.)
  const editor = createEditor(classes, skip, opts._onSwap, live);
  const memory = editor._memory;
  // (The matcher's pre-filter: most texts with digits, prices, dates…, hold no number.)
  const scan = createScan(doc, element, texts, (d) => match?._any.test(d));
  let match: Matcher | undefined;
  /** Swapping and observing; off, edits write the originals back. */
  let on = false;
  /**
   * When init began (the swapper is made at its start), until the first scan: that scan's first
   * slice shares its task with init (the settings, the decision, the matcher; after the slice, the
   * adapters' start), so its budget counts from here: init does not make the task a long one.
   */
  let born: number | undefined = performance.now();

  /** Re-applies what we wrote in `n` (a text node, with its run, or an attribute); off, undoes it. */
  function redo(_: Piece, n: Node): void {
    // A text node out of the document is swapped again when it comes back.
    if (n.nodeType !== 3 || !on || n.isConnected) editor._read(n);
  }

  /** Handles the text children of `el` worth reading: with digits, and an original, a copy, or a run going on. */
  function texts(el: Element): void {
    for (let t = el.firstChild, d; t; t = t.nextSibling)
      if (
        t.nodeType === 3 &&
        DIGIT.test((d = (t as Text).data)) &&
        // A number, a text we wrote (a copy?), or a text or comment next: a number split by a
        // framework starts in a node followed by another, or after one without digits ('+').
        (match?._any.test(d) || editor._copies.has(d) || inRun(t.nextSibling) || inRun(t.previousSibling))
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
      customElements.whenDefined(el.localName).then(() => on && scan._run(el), () => 0);
    if (el.hasAttributes())
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        // Most hrefs with digits are paths: only links that dial are read further. (The value, not
        // the Attr node, which the engine creates on first access: one for every attribute read.)
        if (v && DIGIT.test(v) && (a !== 'href' || LINK.test(v))) editor._read(el.getAttributeNode(a));
      }
  }

  /** Observed changes: edits handled at once, additions queued, then scanned at once. */
  function handle(records: MutationRecord[]): void {
    try {
      scan._now(() => readRecords(records, scan, editor, classes, skip));
      // (After the scans of what came, so that a copy in it is read whole first.)
      classes._follow(memory);
    } catch {
      // Never throw into the page: a swap that fails leaves the page as it is.
    }
  }

  function start(): void {
    on = true;
    // Open shadow roots are observed as the scan finds them.
    observer.observe(doc, OBSERVE);
    scan._clear();
    // What we swapped, first: a new mapping may restore it or swap it differently.
    memory.forEach(redo);
    classes._follow(memory);
    // Nothing to swap: no need to read the page.
    if (match) scan._run(doc, born);
    born = undefined;
  }

  /** Handles the observer's pending records now, if any (called every frame while a root waits: no reclass per frame). */
  const flush = (): void => {
    const pending = observer.takeRecords();
    if (pending.length) handle(pending);
  };

  return {
    // (The tracker calls it only when the mapping changed, or to start again after a restore.)
    _set(numbers) {
      match = createMatcher(numbers, opts._country);
      start();
    },
    _scan(root) {
      if (on && root) scan._run(root);
      else start();
    },
    _flush: flush,
    _restore() {
      // Texts written by the page since the last callback are the originals to put back.
      flush();
      observer.disconnect();
      on = false;
      // (A slice still scheduled finds no job.)
      scan._clear();
      memory.forEach(redo);
      memory.clear();
      editor._copies.clear();
      classes._unmark();
    },
  };
}
