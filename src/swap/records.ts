// What a batch of the observer's records means for the page: the runs, attributes and class
// attributes read again at once, the added nodes to scan, and the swapped nodes that are now in an
// ignored zone (SPEC 10.3). The runs around what the
// page inserted or removed are read again: either part may now hold a number, or a fragment of ours
// (ARCHITECTURE.md, "Runs that change shape").
import { owner, type Classes } from './classes';
import { ignored, inRun, type Editor } from './edit';
import type { Scan } from './scan';
import { IGNORE } from './visit';

/**
 * Handles `records`: edits read again at once, additions queued on `scan` (its caller runs them),
 * swapped nodes now in an ignored zone (`skip`) given their original.
 */
export function readRecords(records: MutationRecord[], scan: Scan, editor: Editor, classes: Classes, skip: string): void {
  const memory = editor._memory;
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
    else if (name || t.nodeType === 3) {
      // An attribute set or a text edited, not to what we wrote (our writes come back as records
      // too): read again, a text with its run (even without digits, its old text may have kept the
      // run's number from being one).
      const n = name ? (t as Element).getAttributeNode(name) : t;
      if (n && memory.get(n)?._text !== n.nodeValue) group = editor._read(n);
    } else if (r.removedNodes.length || !last?.contains(t)) {
      // (Else nodes were only added inside an element this batch queued, which its pending scan
      // reads whole: nearly every record while the page parses, the parser appending each node to
      // the element it opened last. Told apart without reading the record's nodes.)
      if (r.removedNodes.length) moved = true;
      // The runs around what left or came: a run that lost part of a number, two runs now one,
      // or (a node inserted inside a run) one run now two, either of which may now hold a
      // number or a fragment of ours. (The parser's appends, at a parent's end, split nothing:
      // with no next sibling and nothing removed, they read nothing more here.)
      const split = inRun(r.nextSibling) && inRun(r.previousSibling);
      if (moved || split) for (const n of [r.previousSibling, r.nextSibling]) if (inRun(n) && group.indexOf(n) < 0) group = editor._read(n);
      // (An indexed loop: NodeList's forEach calls back into script once per node, and costs several
      // times as much over the parser's records, about two thousand on a 1k page: docs/performance.md.)
      const added = r.addedNodes;
      for (let i = 0, n; (n = added[i]); i++)
        if (!last?.contains(n)) {
          if (n.nodeType === 1) last = n;
          if (n.nodeType === 3) group = editor._read(n);
          else scan._queue(n);
        }
    }
  }
  if (moved)
    memory.forEach((_, n) => {
      const e = owner(n);
      // (Its edit gives it its original and takes our class off; a node in a connected element is connected.)
      if (e?.isConnected && ignored(e, skip)) editor._read(n);
    });
}
