// Swaps the configured numbers in the live document: text nodes (adjacent ones read as one
// string, comments between them transparent) and phone-bearing attributes, in the document and its
// open shadow roots, kept up to date by a MutationObserver and reversible byte for byte (SPEC 10.3,
// 10.4).
//
// Every text node and attribute we changed is remembered as a Piece (memory.ts), with the other
// text nodes of its run. A node's original is derived from that memory each time it is read, so a
// rescan is idempotent, a framework that writes a new text makes it the new original, and the page
// splitting, merging or moving what we wrote carries the originals along. Restoring is the same
// edit with the swap turned off. The parts: scan.ts walks, edit.ts writes a run, classes.ts keeps
// our class; this file decides what is read, and when.
import type { SwapEvent } from '../types';
import { createClasses } from './classes';
import { createEditor } from './edit';
import { createMatcher, type Matcher } from './matcher';
import type { Piece } from './memory';
import { readRecords } from './records';
import { createVisit, IGNORE, OBSERVE } from './visit';

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

const SKIP = `script,style,noscript,template,textarea,input,select,[contenteditable],[${IGNORE}]`;

export function createSwapper(doc: Document, opts: SwapperOptions): Swapper {
  const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
  const observer = new MutationObserver(handle);
  const classes = createClasses(observer);
  // (The listeners of the swap event are guarded by the emitter.)
  const live = () => on && match;
  const editor = createEditor(classes, skip, opts._onSwap, live);
  const memory = editor._memory;
  const scan = createVisit(doc, editor, observer, skip, live);
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
