// Swaps the configured numbers in the live document: text nodes (adjacent ones read as one
// string) and phone-bearing attributes, in the document and its open shadow roots, kept up to
// date by a MutationObserver and reversible byte for byte (SPEC 10.3, 10.4).
//
// Every text node and attribute (its Attr node) we changed is remembered with [original, written].
// A node's "original" is derived from that memory each time it is read, so a rescan is idempotent,
// a framework that writes a new text becomes the new original, and the parser appending to a
// swapped node extends it. Restoring is the same edit with the swap turned off.
import type { SwapEvent } from '../types';
import { createMatcher, type Matcher } from './matcher';

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
  /** Every swapped text and attribute back as it was; stops observing. */
  _restore(): void;
}

const SKIP = 'script,style,noscript,template,textarea,input,select,[contenteditable],[data-mgt-ignore]';
const ATTRS = ['href', 'title', 'alt', 'aria-label'];
const LINK = /^\s*(?:tel|sms|callto):/i;
const DIGIT = /\d/;
const CLASS = 'mgt-number';
const NONE = /$^/;
/** Milliseconds of scanning per task: longer documents continue in later tasks (no long task). */
const BUDGET = 25;
/** Work units between two looks at the clock: a node, or 1 KB of text read at once. */
const CHECK = 64;
/** NodeFilter.SHOW_ELEMENT. */
const ELEMENT = 1;
/** An attributeFilter implies attributes: true. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ATTRS };

type Memory = [string, string];

export function createSwapper(doc: Document, opts: SwapperOptions): Swapper {
  const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
  const memory = new Map<Node, Memory>();
  /** Elements we gave the class, and whether they had a class attribute before. */
  const classed: [Element, boolean][] = [];
  /** Pending scans of roots, each a walker over the root's elements; observed additions go first. */
  let jobs: TreeWalker[] = [];
  let match: Matcher | undefined;
  /** The matcher's pre-filters: most texts with digits (prices, dates…) hold no original. */
  let long = NONE;
  let any = NONE;
  let mapping = '';
  /** Swapping and observing; off, edits write the originals back. */
  let on = false;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let pumping = false;
  /** The last text group handled, so a walk does not handle it again for its next members. */
  let group: Node[] = [];
  const observer = new MutationObserver((records) => guard(handle, records));
  const now = () => performance.now();

  function guard<T>(f: (a: T) => void, a: T): void {
    try {
      f(a);
    } catch (e) {
      // Never throw into the page: a swap that fails leaves the page as it is.
    }
  }

  /**
   * What the page wrote, given the value `v` now and what we remembered: our text, or our text
   * extended (the parser appending to a node), stands for the original; anything else is new.
   */
  function original(v: string, mem?: Memory): string {
    return mem && (v === mem[1] || (mem[1] && !v.indexOf(mem[1]))) ? mem[0] + v.slice(mem[1].length) : v;
  }

  function mark(el: Element | null): void {
    if (el && !el.classList.contains(CLASS)) {
      classed.push([el, el.hasAttribute('class')]);
      el.classList.add(CLASS);
    }
  }

  /**
   * Swaps `nodes` of `el` — adjacent text nodes read as one string, or one attribute — and
   * remembers what it wrote; off, writes back what the page wrote. A `link` (href) is read with
   * its percent escapes decoded; the escapes of characters not swapped are written back as they were.
   */
  function edit(nodes: Node[], el: Element | null, link?: boolean): void {
    const was: string[] = [];
    /** For a link: what the page wrote for each decoded character. */
    const src: string[] = [];
    let s = '';
    let known = false;
    for (const n of nodes) {
      const mem = memory.size ? memory.get(n) : undefined;
      const o = original(n.nodeValue!, mem);
      known = known || !!mem;
      if (link && !LINK.test(o)) return;
      was.push(o);
      s += link ? o.replace(/%([\da-f]{2})|[^]/gi, (c, h) => (src.push(c), h ? String.fromCharCode(parseInt(h, 16)) : c)) : o;
    }
    const r = on && match && match(s, link);
    // Nothing to swap here and nothing swapped before: nothing to write (the common case).
    if (r ? el && el.closest(skip) : !known) return;
    const out = r && (link ? r._out.map((c, k) => (c === s[k] ? src[k] : c)) : r._out);
    let at = 0;
    let changed = false;
    nodes.forEach((n, i) => {
      const o = was[i];
      // Each text node takes its characters' slice; a link is one node, whose slice is all of out.
      const v = out ? out.slice(at, (at += o.length)).join('') : o;
      if (v !== n.nodeValue) {
        n.nodeValue = v;
        changed = true;
      }
      if (v !== o) memory.set(n, [o, v]);
      else memory.delete(n);
    });
    if (r) {
      mark(el);
      if (changed)
        for (const [i, o, t] of r._hits) {
          // The node where the number starts; an attribute's element.
          let k = 0;
          for (let j = i; j >= was[k].length && k < nodes.length - 1; ) j -= was[k++].length;
          guard(opts._onSwap, { original: o, tracked: t, node: nodes[k].nodeType === 2 ? el! : nodes[k] });
        }
    }
  }

  /** Handles the run of adjacent text nodes around `t` as one string. */
  function text(t: Node): void {
    let a = t;
    let b: Node | null;
    while ((b = a.previousSibling) && b.nodeType === 3) a = b;
    const nodes: Node[] = [];
    for (b = a; b && b.nodeType === 3; b = b.nextSibling) nodes.push(b);
    edit((group = nodes), t.parentElement);
  }

  /** Handles one attribute of `el`. */
  function attr(el: Element | null, name: string): void {
    const a = el && el.getAttributeNode(name);
    if (a) edit([a], el, name === 'href');
  }

  /** Re-applies what we wrote in `n` (a text node, with its siblings, or an attribute); off, undoes it. */
  function redo(_: Memory, n: Node): void {
    // (An attribute no longer on its element has no owner.)
    if (n.nodeType !== 3) attr((n as Attr).ownerElement, (n as Attr).name);
    // A text node out of the document is swapped again when it comes back.
    else if (!on || n.isConnected) text(n);
  }

  /** An element's own open shadow root and phone attributes. */
  function element(el: Element): void {
    const sr = el.shadowRoot;
    if (sr && !el.closest(skip)) {
      observer.observe(sr, OBSERVE);
      queue(sr);
    }
    if (el.hasAttributes())
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        // Most hrefs with digits are paths: only links that dial are read further.
        if (v && DIGIT.test(v) && (a !== 'href' || LINK.test(v))) attr(el, a);
      }
  }

  /** Queues the scan of `root` and runs it now, as far as the budget allows. */
  function scan(root: Node): void {
    queue(root);
    if (!pumping) pump();
  }

  /**
   * Queues the scan of `root` first, so new content is not kept waiting behind a long initial scan.
   * One pass: each element is visited once, for its shadow root, attributes and text children.
   */
  function queue(root: Node): void {
    if (root.nodeType === 3) return text(root);
    if (root.nodeType === 1) element(root as Element);
    // While a job runs it is jobs[0]: new jobs go right after it. A childless element is done.
    if (root.firstChild) jobs.splice(pumping ? 1 : 0, 0, doc.createTreeWalker(root, ELEMENT));
  }

  /**
   * Runs queued jobs for at most about BUDGET ms, then leaves the rest to a later task. The clock
   * is read every CHECK units of work: nodes visited, and kilobytes of text read by textContent
   * (a subtree's text is read at once, however long). `keep` last jobs are left for later.
   */
  function pump(keep = 0, end = now() + BUDGET): void {
    let c = 0;
    let d: string;
    let b: Node | null;
    pumping = true;
    try {
      // The first element after a subtree whose texts cannot hold an original (null: the job's
      // end), whose texts are not tested; undefined: none. Not kept across tasks: the page changes.
      let clean: Node | null | undefined;
      let only: Node | null = null;
      const html = doc.documentElement;
      const body = doc.body;
      for (let w: TreeWalker | undefined; jobs.length > keep && (w = jobs[0]); jobs.shift(), (clean = undefined)) {
        const root = w.root;
        group = [];
        // A walker still on its root starts there; another resumes after the last node handled.
        for (let x: Node | null = w.currentNode === root ? root : w.nextNode(); x; x = w.nextNode()) {
          if (x === clean) clean = undefined;
          if (x !== root) element(x as Element);
          if (clean !== undefined) {
            // Texts not tested.
          } else if (
            // Not read: the document's text (null), <html>'s and <body>'s (the whole page), a
            // leaf's (its texts are tested as cheaply), a sole element child's (nearly its parent's).
            x !== only &&
            x !== doc &&
            x !== body &&
            x !== html &&
            (x as Element).firstElementChild &&
            ((c += (d = x.textContent!).length >> 10), !any.test(d))
          )
            for (b = x, clean = null; b && b !== root; b = b.parentNode) {
              if ((clean = (b as Element).nextElementSibling)) break;
            }
          else {
            only = (x as Element).firstElementChild;
            if (only !== (x as Element).lastElementChild) only = null;
            for (let t = x.firstChild; t; t = t.nextSibling, c++)
              if (
                t.nodeType === 3 &&
                DIGIT.test((d = (t as Text).data)) &&
                // A whole original, or a text sibling next: a number split by a framework
                // starts in a node followed by another.
                (long.test(d) || ((b = t.nextSibling) && b.nodeType === 3)) &&
                group.indexOf(t) < 0
              )
                text(t);
          }
          if (++c >= CHECK && ((c = 0), now() > end)) return defer();
        }
      }
    } finally {
      pumping = false;
    }
  }

  function defer(): void {
    timer = timer || setTimeout(() => ((timer = 0), guard(pump, 0)), 0);
  }

  /** Observed changes: edits handled at once, additions queued, then one slice for them all. */
  function handle(records: MutationRecord[]): void {
    const keep = jobs.length;
    let last: Node | undefined;
    for (const r of records) {
      const t = r.target;
      if (r.attributeName) attr(t as Element, r.attributeName);
      else if (t.nodeType === 3) {
        // A text edited. Not ours, and with digits or swapped before?
        const mem = memory.get(t);
        if (!(mem && mem[1] === (t as Text).data) && (mem || DIGIT.test((t as Text).data))) text(t);
      } else
        r.addedNodes.forEach((n) => {
          if (last && last.contains(n)) return;
          if (n.nodeType === 1) last = n;
          queue(n);
        });
    }
    // New content is swapped before the next paint (SPEC 10.3), whatever it costs: the parser or
    // the page added it in this task, at a similar cost. The scans already queued keep their pace.
    if (!pumping) pump(keep, Infinity);
  }

  function start(): void {
    on = true;
    // Open shadow roots are observed as the scan finds them.
    observer.observe(doc, OBSERVE);
    jobs = [];
    // What we swapped, first: a new mapping may restore it or swap it differently.
    memory.forEach(redo);
    // Nothing to swap: no need to read the page.
    if (match) scan(doc);
  }

  return {
    _set(numbers) {
      const key = JSON.stringify(numbers);
      if (key === mapping && on) return;
      mapping = key;
      match = createMatcher(numbers, opts._country);
      long = match ? match._long : NONE;
      any = match ? match._any : NONE;
      start();
    },
    _scan(root) {
      if (on && root) scan(root);
      else start();
    },
    _restore() {
      // Texts written by the page since the last callback are the originals to put back.
      guard(handle, observer.takeRecords());
      observer.disconnect();
      on = false;
      // (A slice still scheduled finds no job.)
      jobs = [];
      memory.forEach(redo);
      memory.clear();
      for (const [el, had] of classed) {
        el.classList.remove(CLASS);
        if (!had && !el.getAttribute('class')) el.removeAttribute('class');
      }
      classed.length = 0;
    },
  };
}
