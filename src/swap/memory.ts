// The memory of originals: what the page wrote in each text node and attribute we changed, and how
// to read it back after the page edited, split, merged or moved what we wrote.
//
// The invariant it serves: a visitor only ever sees a number as the page wrote it or as its tracked
// number, never a mix, and restore gives the page as it would be without mgt. The page edits what it
// sees (our text), so every edit is read as the page's operation on our text and carried over to
// the page's own text (derive()): a node cut in two takes the two halves of its original, nodes
// merged take their originals joined, a node moved away takes its own original with it. The run of
// text nodes around it is then swapped again as a whole, so a part of a number is never left alone.

/** What we wrote in one text node or attribute. */
export interface Piece {
  /** The page's text: what the node would hold without mgt. */
  _orig: string;
  /** What we show for each character of `_orig`: itself, another digit, a whole fresh number, or ''. */
  _out: string[];
  /** What we wrote: `_out` joined. */
  _text: string;
  /** The run of text nodes it was written with, in order (an attribute: itself). */
  _run: Node[];
  /**
   * A text node's: a live range at the end of what we wrote. Text appended (appendData(), the
   * parser, normalize()) leaves it there; a value set as a whole (nodeValue, data) moves it to 0.
   */
  _end?: Range;
}

/**
 * How many characters of `p._orig` the first `k` characters of what we wrote stand for. Exact where
 * characters were replaced one for one; a cut inside a number written fresh keeps the whole number
 * on its left.
 */
function cut(p: Piece, k: number): number {
  let j = 0;
  for (let w = 0; j < p._out.length && (w < k || !p._out[j]); ) w += p._out[j++].length;
  return j;
}

/**
 * The page's text of each node of a run (adjacent text nodes of one element, or one attribute),
 * from what they hold now and what we remembered. Each node's value is read as what the page did
 * to our text:
 * - unchanged: its original;
 * - cut short (splitText(), or text deleted at its end): the head of its original; the nodes right
 *   after it that hold the text cut off (splitText's new nodes) take the rest, part by part;
 * - extended (the parser or appendData() adding text, normalize() merging the next nodes: not a
 *   value set as a whole that happens to start with ours, see _end): its original, then the
 *   originals of the nodes of its old run merged into it (no longer in the run), then what the
 *   page added;
 * - a node we never wrote whose whole value is a text we wrote elsewhere (a copy of swapped
 *   content, found in `copies`): that text's original, when `copies` is given (edit.ts gives it
 *   only for a copy of an element we marked);
 * - anything else was written by the page, and is the original.
 * `_copied` tells whether a copy was taken for its original (the caller checks it swaps back to
 * what is shown).
 */
export function derive(nodes: Node[], memory: Map<Node, Piece>, copies?: Map<string, string> | false): { _was: string[]; _copied: boolean } {
  const was: string[] = [];
  let copied = false;
  /** The piece whose text was cut off by a split, and where the part not yet found starts. */
  let split: Piece | undefined;
  let at = 0;
  for (const n of nodes) {
    const v = n.nodeValue!;
    const p = memory.get(n);
    /** The piece whose text a split cut off, for the next node. */
    let cutOff: Piece | undefined;
    let o: string | undefined;
    if (p && v === p._text) o = p._orig;
    else if (p && n.nodeType === 3 && p._text.startsWith(v)) {
      // Cut short: the nodes right after it may hold the rest.
      o = p._orig.slice(0, cut(p, (at = v.length)));
      cutOff = p;
    } else if (!p && split && v && split._text.startsWith(v, at)) {
      // The next part of a node split before it.
      o = split._orig.slice(cut(split, at), cut(split, (at += v.length)));
      cutOff = split;
    } else if (p && v.startsWith(p._text) && (!p._end || p._end.startOffset === p._text.length)) {
      let rest = v.slice(p._text.length);
      o = p._orig;
      // normalize(): the next nodes of its old run, gone from the run, whose text was ours.
      for (let i = p._run.indexOf(n) + 1, q: Piece | undefined; i > 0 && i < p._run.length; i++) {
        if (nodes.indexOf(p._run[i]) >= 0 || !(q = memory.get(p._run[i])) || !rest.startsWith(q._text)) break;
        o += q._orig;
        rest = rest.slice(q._text.length);
      }
      o += rest;
    } else if (!p && copies && (o = copies.get(v)) !== undefined) copied = true;
    else o = v;
    split = cutOff;
    was.push(o);
  }
  return { _was: was, _copied: copied };
}
