// Swaps the configured numbers in the live document: text nodes (adjacent ones read as one
// string, comments between them transparent) and phone-bearing attributes, in the document and its
// open shadow roots, kept up to date by a MutationObserver and reversible byte for byte (SPEC 10.3,
// 10.4).
//
// Every text node and attribute we changed is remembered as a Piece (memory.ts), with the other
// text nodes of its run. A node's original is derived from that memory each time it is read, so a
// rescan is idempotent, a framework that writes a new text makes it the new original, and the page
// splitting, merging or moving what we wrote carries the originals along. Restoring is the same
// edit with the swap turned off.
import type { SwapEvent } from '../types';
import { createMatcher, type Matcher } from './matcher';
import { derive, type Piece } from './memory';

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

/** An element we gave the class, and its class attribute before (null: none). */
interface Classed {
  _el: Element;
  _was: string | null;
}

const IGNORE = 'data-mgt-ignore';
const SKIP = `script,style,noscript,template,textarea,input,select,[contenteditable],[${IGNORE}]`;
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
/** An attributeFilter implies attributes: true. The ignore attribute is watched to follow it. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: [...ATTRS, IGNORE] };
/** A class attribute with ours added after it as it is (classList would rewrite it). */
const withClass = (was: string | null) => (was ? `${was} ${CLASS}` : CLASS);
/** A text or comment node: comments (frameworks' markers) do not end a run of text. */
const inRun = (n: Node | null): n is Node => !!n && (n.nodeType === 3 || n.nodeType === 8);

export function createSwapper(doc: Document, opts: SwapperOptions): Swapper {
  const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
  const memory = new Map<Node, Piece>();
  /** Each text we wrote -> the page's text it stands for: to recognise copies of swapped content. */
  const copies = new Map<string, string>();
  const classed: Classed[] = [];
  /** Pending scans of roots, each a walker over the root's elements; observed additions go first. */
  let jobs: TreeWalker[] = [];
  let match: Matcher | undefined;
  /**
   * The matcher's pre-filters: most texts with digits (prices, dates…) hold no original (`any`:
   * and no tracked number either, so no copy of swapped content).
   */
  let long = NONE;
  let any = NONE;
  /** Swapping and observing; off, edits write the originals back. */
  let on = false;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let pumping = false;
  /** A frame callback is pending (while the page loads). */
  let framing = false;
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

  /** Whether `n` is in a zone never swapped, in its tree or around the shadow hosts above it. */
  function skipped(n: Node | null): boolean {
    for (; n; n = (n.getRootNode() as ShadowRoot).host) if (n.nodeType === 1 && (n as Element).closest(skip)) return true;
    return false;
  }

  /**
   * Gives `el` the class, written after its class attribute as it is (classList would rewrite it),
   * so restore can put back the exact string. A copy of an element we marked carries the class:
   * it is taken off on restore too.
   */
  function mark(el: Node | null, copy: boolean): void {
    if (!el || el.nodeType !== 1) return;
    const e = el as Element;
    const was = e.getAttribute('class');
    if (!e.classList.contains(CLASS)) {
      e.setAttribute('class', withClass(was));
      classed.push({ _el: e, _was: was });
    } else if (copy && was!.endsWith(CLASS)) classed.push({ _el: e, _was: was!.slice(0, -CLASS.length - 1) || null });
  }

  /** Takes our class off `el` (off every element, when undefined). */
  function unmark(el?: Node | null): void {
    // Last first: an element marked again after the page rewrote its class gets that class back.
    for (let i = classed.length; i--; ) {
      const { _el: e, _was: was } = classed[i];
      if (el && e !== el) continue;
      classed.splice(i, 1);
      if (e.getAttribute('class') === withClass(was)) {
        if (was === null) e.removeAttribute('class');
        else e.setAttribute('class', was);
      } else if (e.classList.contains(CLASS)) e.classList.remove(CLASS);
    }
  }

  /**
   * The swap of a run's originals `was`, or undefined when nothing is to be swapped there. A link
   * (href) is read with its percent escapes decoded; the escapes of characters not swapped are
   * written back as they were.
   */
  function apply(was: string[], el: Node | null, link?: boolean) {
    /** For a link: what the page wrote for each decoded character. */
    const src: string[] = [];
    let s = '';
    for (const o of was) {
      if (link && !LINK.test(o)) return undefined;
      s += link ? o.replace(/%([\da-f]{2})|[^]/gi, (c, h) => (src.push(c), h ? String.fromCharCode(parseInt(h, 16)) : c)) : o;
    }
    const r = on && match && match(s, link);
    if (!r || skipped(el)) return undefined;
    if (link) r._out = r._out.map((c, k) => (c === s[k] ? src[k] : c));
    return r;
  }

  /**
   * Swaps `nodes` of `el` — a run of text nodes read as one string, or one attribute — and
   * remembers what it wrote; off, or where nothing is to be swapped, writes back what the page wrote.
   */
  function edit(nodes: Node[], el: Node | null, link?: boolean): void {
    const shown = nodes.map((n) => n.nodeValue!);
    let d = derive(nodes, memory, copies);
    let r = apply(d._was, el, link);
    // A text we wrote, found where we did not write it (a copy of swapped content), stands for its
    // original only when that original swaps to exactly what is shown; otherwise the page wrote it.
    if (d._copied && !(r && r._out.join('') === shown.join(''))) r = apply((d = derive(nodes, memory))._was, el, link);
    const was = d._was;
    // Nothing to swap here and nothing swapped before: nothing to write (the common case).
    if (!r && !d._copied && !nodes.some((n) => memory.has(n))) return;
    let at = 0;
    let changed = false;
    let mine = false;
    const pieces = nodes.map((n, i) => {
      const o = was[i];
      // Each text node takes its characters' slice; a link is one node, whose slice is all of out.
      const out = r ? (link ? r._out : r._out.slice(at, (at += o.length))) : o.split('');
      const v = out.join('');
      if (v !== shown[i]) {
        n.nodeValue = v;
        changed = true;
      }
      if (v !== o) {
        mine = true;
        copies.set(v, o);
      }
      return { _orig: o, _out: out, _text: v, _run: nodes };
    });
    // The whole run is remembered while any of it is ours: its other nodes may be split or merged.
    nodes.forEach((n, i) => (mine ? memory.set(n, pieces[i]) : memory.delete(n)));
    if (r) {
      mark(el, d._copied);
      if (changed)
        for (const [i, o, t] of r._hits) {
          // The node where the number starts; an attribute's element.
          let k = 0;
          for (let j = i; j >= was[k].length && k < nodes.length - 1; ) j -= was[k++].length;
          guard(opts._onSwap, { original: o, tracked: t, node: nodes[k].nodeType === 2 ? (el as Element) : nodes[k] });
        }
    }
  }

  /** Handles the run of text nodes around `t` (a text or comment node) as one string. */
  function text(t: Node): void {
    let a = t;
    let b: Node | null;
    while (inRun((b = a.previousSibling))) a = b;
    const nodes: Node[] = [];
    for (b = a; inRun(b); b = b.nextSibling) if (b.nodeType === 3) nodes.push(b);
    group = nodes;
    if (nodes.length) edit(nodes, t.parentNode);
  }

  /** Handles one attribute of `el`. */
  function attr(el: Element | null, name: string): void {
    const a = el && el.getAttributeNode(name);
    if (a) edit([a], el, name === 'href');
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
        queue(sr);
      }
    } else if (el.localName.indexOf('-') > 0 && !customElements.get(el.localName))
      // (A name that is not a valid custom element name rejects: nothing to wait for.)
      customElements.whenDefined(el.localName).then(() => on && guard(scan, el), () => 0);
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
                // A whole original, a text we wrote (a copy?), or a text or comment next: a
                // number split by a framework starts in a node followed by another.
                (long.test(d) || copies.has(d) || inRun(t.nextSibling)) &&
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

  /**
   * While the page loads, takes the observer's pending records at every frame: an engine may paint
   * before it delivers them (WebKit does, while the parser streams a long page in).
   */
  function frame(): void {
    if (!framing && on && doc.readyState === 'loading') {
      framing = true;
      requestAnimationFrame(() => {
        framing = false;
        if (on) {
          guard(handle, observer.takeRecords());
          frame();
        }
      });
    }
  }

  /** Observed changes: edits handled at once, additions queued, then one slice for them all. */
  function handle(records: MutationRecord[]): void {
    const keep = jobs.length;
    let last: Node | undefined;
    group = [];
    /** Nodes removed or moved, or an ignore attribute changed: swapped nodes may now be in an ignored zone. */
    let moved = false;
    for (const r of records) {
      const t = r.target;
      const name = r.attributeName;
      if (name === IGNORE) {
        moved = true;
        // No longer ignored: swapped now (ignored: restored below).
        queue(t);
      } else if (name) attr(t as Element, name);
      else if (t.nodeType === 3) {
        // A text edited: not to what we wrote, and with digits or swapped before?
        const p = memory.get(t);
        if (p ? p._text !== t.nodeValue : DIGIT.test(t.nodeValue!)) text(t);
      } else {
        if (r.removedNodes.length) moved = true;
        // The nodes around what left or came: a run that lost part of a number, two runs now one,
        // or (a node inserted inside a run we wrote) one run now two.
        for (const n of [r.previousSibling, r.nextSibling]) if (inRun(n) && (moved || memory.has(n)) && group.indexOf(n) < 0) text(n);
        r.addedNodes.forEach((n) => {
          if (last && last.contains(n)) return;
          if (n.nodeType === 1) last = n;
          queue(n);
        });
      }
    }
    if (moved)
      memory.forEach((p, n) => {
        const e = n.nodeType === 2 ? (n as Attr).ownerElement : n.parentNode;
        if (e && e.isConnected && skipped(e)) {
          redo(p, n);
          unmark(e);
        }
      });
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
    frame();
  }

  return {
    // (The tracker calls it only when the mapping changed, or to start again after a restore.)
    _set(numbers) {
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
      copies.clear();
      unmark();
    },
  };
}
