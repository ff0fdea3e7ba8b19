// The class mgt-number on the elements we swapped (SPEC 10.3), given and taken off so that restore
// gives the page's class attribute back byte for byte (SPEC 10.4): ours is written after the
// attribute as it is (classList would rewrite it: duplicates, odd whitespace), and restore puts back
// the exact string, or removes the attribute where there was none. A class the page changed since
// keeps the page's change, without ours.
//
// A copy of a marked element (cloneNode) carries nothing but the attribute's bytes, so the bytes
// alone tell what the class was without ours: exactly `mgt-number` is an attribute we created and
// the page never wrote; the page's empty class with ours is ` mgt-number`, which is also what a page
// write that leaves only ours (classList.remove of its last class) is turned into.
//
// Our class is also how a copy is known: an element that carries it where we never wrote it, not
// read yet, was copied from one we marked (edit.ts). So it is on every element that shows something
// of ours, put back after a page write that dropped it (_follow).
import type { Piece } from './memory';

const CLASS = 'mgt-number';
/** The element (or shadow root) a text node or attribute is in. */
export const owner = (n: Node) => (n.nodeType === 2 ? (n as Attr).ownerElement : n.parentNode);
/** A class attribute with ours added after it as it is (null: we create it). */
const withClass = (was: string | null) => (was === null ? CLASS : `${was} ${CLASS}`);
/** Class writes are observed on every element we marked (see _place). */
const WATCH: MutationObserverInit = { attributeFilter: ['class'], attributeOldValue: true };

/** An element we gave the class, and its class attribute before (null: none). */
interface Classed {
  _el: Element;
  _was: string | null;
  /** We created the class attribute, and the page has not written it since. */
  _new?: boolean;
}

export interface Classes {
  /**
   * Gives `el` the class; `copy`: a copy of an element we marked carries it, taken off on restore
   * too. Without `copy`, `el` is ours from now on: a tracked number the page writes into it later
   * is the page's own (a copy, once read, is marked so after the batch).
   */
  _mark(el: Node | null, copy?: boolean): void;
  /** Takes our class off the elements `drop` selects (off every element, when undefined). */
  _unmark(drop?: (el: Element) => boolean): void;
  /** The class attribute of `el` was written (observed); `old`: its value before. */
  _place(el: Element, old: string | null): void;
  /** Whether `el` carries our class and is not ours: a copy (cloneNode) of an element we marked, not read yet. */
  _copy(el: Node | null): boolean;
  /**
   * Puts our class where something of ours shows now (a piece of `memory` whose text is not the
   * page's), and only there: a copy made later carries it exactly when it copies something of ours,
   * which is how it is known (edit.ts).
   */
  _follow(memory: Map<Node, Piece>): void;
}

/** The class bookkeeping of one swapper; `observer` delivers the class records of the elements it watches. */
export function createClasses(observer: MutationObserver): Classes {
  const classed: Classed[] = [];
  /** The elements marked as ours (a copy carries our class, written by cloneNode, and is not, until read). */
  const ours = new WeakSet<Node>();
  return {
    _mark(el, copy) {
      if (!el || el.nodeType !== 1) return;
      const e = el as Element;
      let was = e.getAttribute('class');
      /** We create the attribute, or a copy carries one we created that the page never wrote. */
      let created = was === null;
      if (!copy) ours.add(e);
      if (!e.classList.contains(CLASS)) e.setAttribute('class', withClass(was));
      else if (copy) {
        created = was === CLASS;
        // (A class attribute we created and the page wrote since: none without us, or the page's.)
        was = was!.endsWith(' ' + CLASS) ? was!.slice(0, -CLASS.length - 1) : null;
      } else return;
      classed.push({ _el: e, _was: was, _new: created });
      observer.observe(e, WATCH);
    },

    _unmark(drop) {
      // Last first: an element marked again after the page rewrote its class gets that class back.
      for (let i = classed.length; i--; ) {
        const { _el: e, _was: was } = classed[i];
        if (drop && !drop(e)) continue;
        classed.splice(i, 1);
        // (Exactly ours where we created it: the page never wrote it, see _place.)
        if (e.getAttribute('class') === withClass(was)) {
          if (was === null) e.removeAttribute('class');
          else e.setAttribute('class', was);
        } else if (e.classList.contains(CLASS)) e.classList.remove(CLASS);
      }
    },

    _place(el, old) {
      const v = el.getAttribute('class');
      const mine = classed.filter((c) => c._el === el);
      // A write that leaves a class attribute we created as we wrote it (classList.remove of a class
      // it lacks; our own) creates nothing without us: it stays ours.
      if (v === null || (v === CLASS && (old === null || old === CLASS) && mine.some((c) => c._new))) return;
      let first = false;
      for (const c of mine)
        if (c._new) {
          c._new = false;
          first = true;
        }
      // Without us, the page would have created the attribute at its first write, after the
      // attributes the element has by now: it is moved there, so that restore gives the page's order.
      if (first) el.removeAttribute('class');
      if (mine.length && (first || v === CLASS)) el.setAttribute('class', v === CLASS ? withClass('') : v);
    },

    _follow(memory) {
      const shows = new Set<Node | null>();
      memory.forEach((p, n) => p._text !== p._orig && shows.add(owner(n)));
      this._unmark((e) => !shows.has(e));
      // (A page write of the class attribute that dropped ours gets it back; a copy read is ours now.)
      shows.forEach((e) => this._mark(e));
    },

    _copy: (el) => el?.nodeType === 1 && (el as Element).classList.contains(CLASS) && !ours.has(el),
  };
}
