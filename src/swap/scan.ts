// The scan of a document: one pass over each root's elements, each visited once (its shadow root,
// attributes and text children), in slices of about BUDGET ms, so that a long document never makes a
// long task. Observed additions are queued first: new content is not kept waiting behind a long
// initial scan. What a visit does is the swapper's (swapper.ts).

/** Milliseconds of scanning per task: longer documents continue in later tasks (no long task). */
const BUDGET = 25;
/** Work units between two looks at the clock: a node, or 1 KB of text read at once. */
const CHECK = 64;
/** NodeFilter.SHOW_ELEMENT. */
const ELEMENT = 1;

export interface Scan {
  /** Queues the scan of `root` (an element, a document or a shadow root), first. */
  _queue(root: Node): void;
  /**
   * Queues the scan of `root` and runs it now, as far as the budget allows: counted from `since`
   * (an earlier time of the same task, whose work the task already holds), else from now.
   */
  _run(root: Node, since?: number): void;
  /** Runs `f`, then at once (before the next paint) the scans it queued; those queued before keep their pace. */
  _now(f: () => void): void;
  /** Drops every pending scan. */
  _clear(): void;
}

/**
 * The scans of `doc`, visiting each element with `element` (its own shadow root and attributes)
 * and `texts` (its text children), unless `may` says that a subtree's whole text (textContent)
 * cannot hold a number: its texts are then not read.
 */
export function createScan(doc: Document, element: (el: Element) => void, texts: (el: Element) => void, may: (text: string) => boolean | undefined): Scan {
  /** Pending scans of roots, each a walker over the root's elements. */
  let jobs: TreeWalker[] = [];
  let pumping = false;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  const now = () => performance.now();

  function queue(root: Node): void {
    if (root.nodeType === 1) element(root as Element);
    // While a job runs it is jobs[0]: new jobs go right after it. A childless element is done.
    if (root.firstChild) jobs.splice(pumping ? 1 : 0, 0, doc.createTreeWalker(root, ELEMENT));
  }

  /**
   * Runs queued jobs for at most about BUDGET ms, then leaves the rest to a later task. The clock
   * is read every CHECK units of work: elements visited, and kilobytes of text read by textContent
   * (a subtree's text is read at once, however long). `keep` last jobs are left for later.
   */
  function pump(keep = 0, end = now() + BUDGET): void {
    if (pumping) return;
    let c = 0;
    let d: string;
    let b: Node | null;
    pumping = true;
    try {
      // The first element after a subtree whose texts cannot hold a number (null: the job's end),
      // whose texts are not read; undefined: none. Not kept across tasks: the page changes.
      let clean: Node | null | undefined;
      let only: Node | null = null;
      const html = doc.documentElement;
      const body = doc.body;
      for (let w: TreeWalker | undefined; jobs.length > keep && (w = jobs[0]); jobs.shift(), (clean = undefined)) {
        const root = w.root;
        // A walker still on its root starts there; another resumes after the last node handled.
        for (let x: Node | null = w.currentNode === root ? root : w.nextNode(); x; x = w.nextNode()) {
          if (x === clean) clean = undefined;
          if (x !== root) element(x as Element);
          if (clean !== undefined) {
            // Texts not read.
          } else if (
            // Not tested: the document's text (null), <html>'s and <body>'s (the whole page), a
            // leaf's (its texts are tested as cheaply), a sole element child's (nearly its parent's).
            x !== only &&
            x !== doc &&
            x !== body &&
            x !== html &&
            (x as Element).firstElementChild &&
            ((c += (d = x.textContent!).length >> 10), !may(d))
          )
            for (b = x, clean = null; b && b !== root; b = b.parentNode) {
              if ((clean = (b as Element).nextElementSibling)) break;
            }
          else {
            only = (x as Element).firstElementChild;
            if (only !== (x as Element).lastElementChild) only = null;
            texts(x as Element);
          }
          if (++c >= CHECK && ((c = 0), now() > end)) {
            timer = timer || setTimeout(() => ((timer = 0), pump()), 0);
            return;
          }
        }
      }
    } catch {
      // Never throw into the page: a scan that fails leaves the page as it is.
    } finally {
      pumping = false;
    }
  }

  return {
    _queue: queue,
    _run(root, since) {
      queue(root);
      pump(0, since && since + BUDGET);
    },
    _now(f) {
      const keep = jobs.length;
      f();
      // New content is swapped before the next paint (SPEC 10.3), whatever it costs: the parser or
      // the page added it in this task, at a similar cost.
      pump(keep, Infinity);
    },
    _clear() {
      jobs = [];
    },
  };
}
