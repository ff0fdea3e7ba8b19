// Swaps the configured numbers in the live document: text nodes (adjacent ones read as one
// string) and phone-bearing attributes, in the document and its open shadow roots, kept up to
// date by a MutationObserver and reversible byte for byte (SPEC 10.3, 10.4).
//
// Every node we changed is remembered with [original, written]. A node's "original" is derived
// from that memory each time it is read, so a rescan is idempotent, a framework that writes a new
// text becomes the new original, and the parser appending to a swapped node extends it.
import type { SwapEvent } from '../types';
import { createMatcher, type Edited, type Matcher } from './matcher';

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
const ESCAPE = /^%([\da-f]{2})/i;
const CLASS = 'mgt-number';
/** Milliseconds of scanning per task: longer documents continue in later tasks (no long task). */
const BUDGET = 25;
/** Work units between two looks at the clock: a node, or 1 KB of text read at once. */
const CHECK = 64;
/** NodeFilter.SHOW_ELEMENT. */
const ELEMENT = 1;

/** A pending scan of a root: its walker over elements, created when the scan starts. */
type Job = [Node, TreeWalker?];

type Memory = [string, string];

export function createSwapper(doc: Document, opts: SwapperOptions): Swapper {
  const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
  const texts = new Map<Node, Memory>();
  const attrs = new Map<Element, Record<string, Memory>>();
  /** Elements we gave the class, and whether they had a class attribute before. */
  const classed: [Element, boolean][] = [];
  /** The document and every open shadow root found, all observed while on. */
  const roots: Node[] = [doc];
  /** Pending scans; observed additions go first. */
  let jobs: Job[] = [];
  let match: Matcher | undefined;
  /** The matcher's pre-filters: most texts with digits (prices, dates…) hold no original. */
  let long = /$^/;
  let any = long;
  let mapping = '';
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

  /** The text of `n` as the page wrote it, before our edit. */
  function original(v: string, mem?: Memory): string {
    return !mem || v === mem[1] ? (mem ? mem[0] : v) : mem[1] && !v.indexOf(mem[1]) ? mem[0] + v.slice(mem[1].length) : v;
  }

  function emit(r: Edited, nodeAt: (i: number) => Node): void {
    for (const [i, o, t] of r._hits) guard(opts._onSwap, { original: o, tracked: t, node: nodeAt(i) });
  }

  function mark(el: Element | null): void {
    if (el && !el.classList.contains(CLASS)) {
      classed.push([el, el.hasAttribute('class')]);
      el.classList.add(CLASS);
    }
  }

  /** Handles the run of adjacent text nodes around `t` as one string. */
  function text(t: Node): void {
    let a = t;
    let b: Node | null;
    while ((b = a.previousSibling) && b.nodeType === 3) a = b;
    const nodes: Text[] = [];
    const was: string[] = [];
    let s = '';
    let known = false;
    for (b = a; b && b.nodeType === 3; b = b.nextSibling) {
      const mem = texts.size ? texts.get(b) : undefined;
      const o = original((b as Text).data, mem);
      known = known || !!mem;
      nodes.push(b as Text);
      was.push(o);
      s += o;
    }
    group = nodes;
    const r = match && match(s);
    const el = t.parentElement;
    if (r ? el && el.closest(skip) : !known) return;
    let at = 0;
    let changed = false;
    nodes.forEach((n, i) => {
      const o = was[i];
      const v = r ? r._out.slice(at, (at += o.length)).join('') : o;
      if (v !== n.data) {
        n.data = v;
        changed = true;
      }
      if (v !== o) texts.set(n, [o, v]);
      else texts.delete(n);
    });
    if (r) {
      mark(el);
      if (changed)
        emit(r, (i) => {
          let k = 0;
          while (i >= was[k].length && k < nodes.length - 1) i -= was[k++].length;
          return nodes[k];
        });
    }
  }

  /** Handles one attribute; hrefs are read with their percent escapes decoded. */
  function attr(el: Element, name: string): void {
    const v = el.getAttribute(name);
    if (v == null) return;
    const all = attrs.get(el);
    const o = original(v, all && all[name]);
    const link = name === 'href';
    let s = o;
    const at: number[] = [];
    if (link) {
      if (!LINK.test(o)) return;
      // Where each decoded character came from, so untouched escapes are written back as they were.
      s = '';
      for (let i = 0; i < o.length; ) {
        const h = ESCAPE.exec(o.slice(i, i + 3));
        at.push(i);
        s += h ? String.fromCharCode(parseInt(h[1], 16)) : o[i];
        i += h ? 3 : 1;
      }
      at.push(o.length);
    }
    const r = match && match(s, link);
    if (r && el.closest(skip)) return;
    const n = r ? r._out.map((c, k) => (link && c === s[k] ? o.slice(at[k], at[k + 1]) : c)).join('') : o;
    if (n !== o) (all || (attrs.set(el, {}), attrs.get(el)!))[name] = [o, n];
    else if (all) delete all[name];
    if (n !== v) {
      el.setAttribute(name, n);
      if (r) emit(r, () => el);
    }
    if (r) mark(el);
  }

  /** An element's own open shadow root and phone attributes. */
  function element(el: Element): void {
    const sr = el.shadowRoot;
    if (sr && roots.indexOf(sr) < 0 && !el.closest(skip)) {
      roots.push(sr);
      if (on) observer.observe(sr, OBSERVE);
      queue(sr);
    } else if (sr && roots.indexOf(sr) > 0) queue(sr);
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
    if (root.firstChild) jobs.splice(pumping ? 1 : 0, 0, [root]);
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
      for (let job: Job | undefined; jobs.length > keep && (job = jobs[0]); jobs.shift(), (clean = undefined)) {
        const root = job[0];
        let x: Node | null = root;
        group = [];
        const w = job[1] ? ((x = job[1].nextNode()), job[1]) : (job[1] = doc.createTreeWalker(root, ELEMENT));
        for (; x; x = w.nextNode()) {
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
      if (r.type === 'attributes') attr(t as Element, r.attributeName!);
      else if (r.type === 'characterData') {
        const mem = texts.get(t);
        // Our own edit, or a text the walk will not need.
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
    if (!on) {
      on = true;
      for (const r of roots) observer.observe(r, OBSERVE);
    }
    jobs = [];
    // What we swapped, first: a new mapping may restore it or swap it differently.
    texts.forEach((_, n) => n.isConnected && text(n));
    attrs.forEach((all, el) => {
      for (const name in all) attr(el, name);
    });
    // Nothing to swap: no need to read the page.
    if (match) scan(doc);
  }

  return {
    _set(numbers) {
      const key = JSON.stringify(numbers);
      if (key === mapping && on) return;
      mapping = key;
      match = createMatcher(numbers, opts._country);
      long = match ? match._long : /$^/;
      any = match ? match._any : long;
      start();
    },
    _scan(root) {
      if (!on || !root) start();
      else scan(root);
    },
    _restore() {
      // Texts written by the page since the last callback are the originals to put back.
      guard(handle, observer.takeRecords());
      observer.disconnect();
      on = false;
      jobs = [];
      clearTimeout(timer as number);
      timer = 0;
      texts.forEach((mem, n) => {
        const o = original((n as Text).data, mem);
        if ((n as Text).data !== o) (n as Text).data = o;
      });
      attrs.forEach((all, el) => {
        for (const name in all) {
          const v = el.getAttribute(name);
          if (v != null) {
            const o = original(v, all[name]);
            if (v !== o) el.setAttribute(name, o);
          }
        }
      });
      for (const [el, had] of classed) {
        el.classList.remove(CLASS);
        if (!had && !el.getAttribute('class')) el.removeAttribute('class');
      }
      texts.clear();
      attrs.clear();
      classed.length = 0;
      roots.length = 1;
    },
  };
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRS };
