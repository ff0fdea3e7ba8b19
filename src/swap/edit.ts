// The edit of one run: the text nodes of one parent that follow each other (comments between them
// transparent) read as one string, or one attribute, swapped with the numbers of the moment and
// remembered (memory.ts), or written back as the page wrote it. Which runs are read, and when, is
// the callers' (visit.ts, records.ts, swapper.ts).
import type { SwapEvent } from '../types';
import type { Classes } from './classes';
import type { Matcher } from './matcher';
import { derive, type Piece } from './memory';

/** A digit: a text without one holds no number (the first test of every text read). */
export const DIGIT = /\d/;
/** A link that dials: the only hrefs read. */
export const LINK = /^\s*(?:tel|sms|callto):/i;
/** A text or comment node: comments (frameworks' markers) do not end a run of text. */
export const inRun = (n: Node | null): n is Node => !!n && (n.nodeType === 3 || n.nodeType === 8);

/** Whether `n` is in a zone never swapped (`skip`), in its tree or around the shadow hosts above it. */
export function ignored(n: Node | null, skip: string): boolean {
  for (; n; n = (n.getRootNode() as ShadowRoot).host) if (n.nodeType === 1 && (n as Element).closest(skip)) return true;
  return false;
}

/**
 * The swap of a run's originals `was`, or undefined when nothing is to be swapped there. A link
 * (href) is read with its percent escapes decoded; the escapes of characters not swapped are
 * written back as they were.
 */
function apply(was: string[], match: Matcher | false | undefined, link?: boolean) {
  /** For a link: what the page wrote for each decoded character. */
  const src: string[] = [];
  let s = '';
  for (const o of was) {
    if (link && !LINK.test(o)) return undefined;
    // (unescape decodes one %XX escape to its character, and leaves any other character as it is.)
    s += link ? o.replace(/%[\da-f]{2}|[^]/gi, (c) => (src.push(c), unescape(c))) : o;
  }
  const r = match && match(s, link);
  if (r && link) r._out = r._out.map((c, k) => (c === s[k] ? src[k] : c));
  return r;
}

export interface Editor {
  /** The memory of originals: a Piece for every node of a run we changed. */
  _memory: Map<Node, Piece>;
  /** Each text we wrote -> the page's text it stands for: to recognise copies of swapped content. */
  _copies: Map<string, string>;
  /**
   * Handles the place `n` is part of: an attribute, or the run of text nodes around a text or comment
   * node, read as one string; returns the run's text nodes.
   */
  _read(n: Node | null): Node[];
}

/**
 * The edits of one swapper: `live()` gives the numbers to show now (undefined: none; false: restored,
 * the originals are written back); nothing is swapped in the zones `skip` selects.
 */
export function createEditor(classes: Classes, skip: string, onSwap: (e: SwapEvent) => void, live: () => Matcher | false | undefined): Editor {
  const memory = new Map<Node, Piece>();
  const copies = new Map<string, string>();

  /**
   * Swaps `nodes` of `el` with the numbers of the moment and remembers what it wrote; restored, in an
   * ignored zone, or where nothing is to be swapped, writes back what the page wrote.
   */
  function edit(nodes: Node[], el: Node | null, link?: boolean): void {
    const match = live();
    const shown = nodes.map((n) => n.nodeValue!);
    // No digit and nothing of ours: no number, nor a copy of one (the parser's whitespace between blocks).
    if (!DIGIT.test(shown.join('')) && !nodes.some((n) => memory.has(n))) return;
    // A text we wrote, found in a node we never wrote, is a copy of swapped content only inside a
    // copy of an element we marked (our class, where we never wrote it: cloneNode copied it). Written
    // by the page anywhere else (an attribute set, a new element rendered), it is the page's own
    // tracked number, left alone (SPEC 10.3).
    let d = derive(nodes, memory, classes._copy(el) && copies);
    let r = apply(d._was, match, link);
    // A text we wrote, found where we did not write it (a copy of swapped content), stands for its
    // original only when that original swaps to exactly what is shown; otherwise the page wrote it.
    if (d._copied && !(r && r._out.join('') === shown.join(''))) r = apply((d = derive(nodes, memory))._was, match, link);
    const was = d._was;
    // Nothing to swap here and nothing swapped before: nothing to write (the common case).
    if (!r && !d._copied && !nodes.some((n) => memory.has(n))) return;
    if (match && ignored(el, skip)) {
      // An ignored zone shows the page's text, a copy of swapped content put there too (like a
      // swapped node moved there); our class, copied with it, comes off at once.
      if (r && d._copied) classes._mark(el, true);
      classes._unmark((e) => e === el);
      r = undefined;
    }
    let at = 0;
    let changed = false;
    let mine = false;
    /** The swaps made, each with the node where its number starts (an attribute: its element). */
    const events: SwapEvent[] = [];
    const pieces = nodes.map((n, i) => {
      const o = was[i];
      const from = at;
      // Each text node takes its characters' slice; a link is one node, whose slice is all of out.
      const out = r ? (link ? r._out : r._out.slice(at, (at += o.length))) : o.split('');
      if (r) for (const [h, w, t] of r._hits) if (h >= from && (link || h < at)) events.push({ original: w, tracked: t, node: n.nodeType === 2 ? (el as Element) : n });
      const v = out.join('');
      if (v !== shown[i]) {
        n.nodeValue = v;
        changed = true;
      }
      if (v !== o) {
        mine = true;
        copies.set(v, o);
      }
      let end: Range | undefined;
      if (n.nodeType === 3) (end = new Range()).setStart(n, v.length);
      return { _orig: o, _out: out, _text: v, _run: nodes, _end: end };
    });
    // The whole run is remembered while any of it is ours: its other nodes may be split or merged.
    nodes.forEach((n, i) => (mine ? memory.set(n, pieces[i]) : memory.delete(n)));
    if (r) {
      classes._mark(el, d._copied);
      if (changed) events.forEach(onSwap);
    }
  }

  return {
    _memory: memory,
    _copies: copies,
    _read(n) {
      const nodes: Node[] = [];
      if (n?.nodeType === 2) {
        const el = (n as Attr).ownerElement;
        // (An attribute no longer on its element has no owner.)
        if (el) edit([n], el, (n as Attr).name === 'href');
      } else if (n) {
        let a = n;
        let b: Node | null;
        while (inRun((b = a.previousSibling))) a = b;
        for (b = a; inRun(b); b = b.nextSibling) if (b.nodeType === 3) nodes.push(b);
        if (nodes.length) edit(nodes, n.parentNode);
      }
      return nodes;
    },
  };
}
