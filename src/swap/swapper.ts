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
import { createEditor, LINK } from './edit';
import { createMatcher, type Matcher } from './matcher';
import type { Piece } from './memory';
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

const IGNORE = 'data-mgt-ignore';
const SKIP = `script,style,noscript,template,textarea,input,select,[contenteditable],[${IGNORE}]`;
const ATTRS = ['href', 'title', 'alt', 'aria-label'];
const DIGIT = /\d/;
/** An attributeFilter implies attributes: true. The ignore attribute is watched to follow it. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: [...ATTRS, IGNORE] };
/** The element (or shadow root) a text node or attribute is in. */
const owner = (n: Node) => (n.nodeType === 2 ? (n as Attr).ownerElement : n.parentNode);
/** A text or comment node: comments (frameworks' markers) do not end a run of text. */
const inRun = (n: Node | null): n is Node => !!n && (n.nodeType === 3 || n.nodeType === 8);

export function createSwapper(doc: Document, opts: SwapperOptions): Swapper {
  const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
  const observer = new MutationObserver(handle);
  const classes = createClasses(observer);
  // (The listeners of the swap event are guarded by the emitter.)
  const editor = createEditor(classes, skipped, opts._onSwap);
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

  /**
   * Our class is where something of ours shows now, and only there (SPEC 10.3): a copy made later
   * carries it exactly when it copies something of ours, which is how it is known (edit.ts).
   */
  function reclass(): void {
    const shows = new Set<Node | null>();
    memory.forEach((p, n) => p._text !== p._orig && shows.add(owner(n)));
    classes._unmark((e) => !shows.has(e));
    // (A page write of the class attribute that dropped ours gets it back; a copy read is ours now.)
    shows.forEach((e) => classes._mark(e));
  }

  /** Whether `n` is in a zone never swapped, in its tree or around the shadow hosts above it. */
  function skipped(n: Node | null): boolean {
    for (; n; n = (n.getRootNode() as ShadowRoot).host) if (n.nodeType === 1 && (n as Element).closest(skip)) return true;
    return false;
  }

  /** Handles the run of text nodes around `t` (a text or comment node) as one string; returns its text nodes. */
  function text(t: Node): Node[] {
    let a = t;
    let b: Node | null;
    while (inRun((b = a.previousSibling))) a = b;
    const nodes: Node[] = [];
    for (b = a; inRun(b); b = b.nextSibling) if (b.nodeType === 3) nodes.push(b);
    if (nodes.length) editor._edit(nodes, t.parentNode, on && match);
    return nodes;
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
        text(t);
        // The rest of its run is handled.
        while (inRun(t.nextSibling)) t = t.nextSibling;
      }
  }

  /** Handles one attribute of `el`. */
  function attr(el: Element | null, name: string): void {
    const a = el?.getAttributeNode(name);
    if (a) editor._edit([a], el, on && match, name === 'href');
  }

  /** Re-applies what we wrote in `n` (a text node, with its run, or an attribute); off, undoes it. */
  function redo(_: Piece, n: Node): void {
    // (An attribute no longer on its element has no owner.)
    if (n.nodeType !== 3) attr((n as Attr).ownerElement, (n as Attr).name);
    // A text node out of the document is swapped again when it comes back.
    else if (!on || n.isConnected) text(n);
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
        // Most hrefs with digits are paths: only links that dial are read further.
        if (v && DIGIT.test(v) && (a !== 'href' || LINK.test(v))) attr(el, a);
      }
  }

  /** Observed changes: edits handled at once, additions queued, then scanned at once. */
  function handle(records: MutationRecord[]): void {
    try {
      scan._now(() => {
        let last: Node | undefined;
        /** The last run handled, so that the records of one batch do not handle it again. */
        let group: Node[] = [];
        /** Nodes removed or moved, or an ignore attribute changed: swapped nodes may now be in an ignored zone. */
        let moved = false;
        for (const r of records) {
          const t = r.target;
          const name = r.attributeName;
          if (name === IGNORE) {
            moved = true;
            // No longer ignored: swapped now (ignored: restored below).
            scan._queue(t);
          } else if (name === 'class') classes._place(t as Element, r.oldValue);
          else if (name) attr(t as Element, name);
          else if (t.nodeType === 3) {
            // A text edited, not to what we wrote: its run is read again (even without digits, its old
            // text may have kept the run's number from being one).
            const p = memory.get(t);
            if (!p || p._text !== t.nodeValue) group = text(t);
          } else {
            if (r.removedNodes.length) moved = true;
            // The runs around what left or came: a run that lost part of a number, two runs now one,
            // or (a node inserted inside a run) one run now two, either of which may now hold a
            // number or a fragment of ours. (The parser's appends, at a parent's end, split nothing.)
            // (In this order, the parser's appends, nearly every record while the page loads, with no
            // next sibling and nothing removed, read nothing more here.)
            const split = inRun(r.nextSibling) && inRun(r.previousSibling);
            if (moved || split) for (const n of [r.previousSibling, r.nextSibling]) if (inRun(n) && group.indexOf(n) < 0) group = text(n);
            r.addedNodes.forEach((n) => {
              if (last?.contains(n)) return;
              if (n.nodeType === 1) last = n;
              if (n.nodeType === 3) group = text(n);
              else scan._queue(n);
            });
          }
        }
        if (moved)
          memory.forEach((p, n) => {
            const e = owner(n);
            // (Its edit gives it its original and takes our class off.)
            if (e?.isConnected && skipped(e)) redo(p, n);
          });
      });
      // (After the scans of what came, so that a copy in it is read whole first.)
      reclass();
    } catch (e) {
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
    reclass();
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
