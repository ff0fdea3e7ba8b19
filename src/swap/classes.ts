// The class mgt-number on the elements we swapped (SPEC 10.3), given and taken off so that restore
// gives the page's class attribute back byte for byte (SPEC 10.4): ours is written after the
// attribute as it is (classList would rewrite it: duplicates, odd whitespace), and restore puts back
// the exact string, or removes the attribute where there was none. A class the page changed since
// keeps the page's change, without ours.
const CLASS = 'mgt-number';
/** A class attribute with ours added after it as it is. */
const withClass = (was: string | null) => (was ? `${was} ${CLASS}` : CLASS);
/** Watched on an element whose class attribute we created (see _place). */
const WATCH: MutationObserverInit = { attributeFilter: ['class'], attributeOldValue: true };

/** An element we gave the class, and its class attribute before (null: none). */
interface Classed {
  _el: Element;
  _was: string | null;
  /** We created the class attribute, and the page has not written it since. */
  _new?: boolean;
}

export interface Classes {
  /** Gives `el` the class; `copy`: a copy of an element we marked carries it, taken off on restore too. */
  _mark(el: Node | null, copy?: boolean): void;
  /** Takes our class off the elements `drop` selects (off every element, when undefined). */
  _unmark(drop?: (el: Element) => boolean): void;
  /** The class attribute of `el` was written (observed where we created it); `old`: its value before. */
  _place(el: Element, old: string | null): void;
}

/** The class bookkeeping of one swapper; `observer` delivers the class records of the elements it watches. */
export function createClasses(observer: MutationObserver): Classes {
  const classed: Classed[] = [];
  return {
    _mark(el, copy) {
      if (!el || el.nodeType !== 1) return;
      const e = el as Element;
      let was = e.getAttribute('class');
      /** Our class is in a class attribute we created and the page wrote since (a copy's). */
      let written = false;
      if (!e.classList.contains(CLASS)) e.setAttribute('class', withClass(was));
      else if (copy && was!.endsWith(CLASS)) was = was!.slice(0, -CLASS.length - 1) || null;
      else if (copy && was!.startsWith(CLASS + ' ')) {
        was = null;
        written = true;
      } else return;
      classed.push({ _el: e, _was: was, _new: was === null && !written });
      if (was === null) observer.observe(e, WATCH);
    },

    _unmark(drop) {
      // Last first: an element marked again after the page rewrote its class gets that class back.
      for (let i = classed.length; i--; ) {
        const { _el: e, _was: was, _new: untouched } = classed[i];
        if (drop && !drop(e)) continue;
        classed.splice(i, 1);
        // A class attribute we created stays once the page wrote it: it is the page's now.
        if (e.getAttribute('class') === withClass(was) && (was !== null || untouched)) {
          if (was === null) e.removeAttribute('class');
          else e.setAttribute('class', was);
        } else if (e.classList.contains(CLASS)) e.classList.remove(CLASS);
      }
    },

    _place(el, old) {
      // Without us, the page would have created the attribute now, after the attributes it has by
      // now: it is moved there, so that restore gives the page's attribute order. (Our own write
      // created it: its old value is null. A write that leaves our class alone, as classList.remove
      // of a class it does not hold, creates nothing without us.)
      const v = el.getAttribute('class');
      for (const c of classed)
        if (c._el === el && c._new && old !== null && v !== CLASS) {
          c._new = false;
          if (v !== null) {
            el.removeAttribute('class');
            el.setAttribute('class', v);
          }
        }
    },
  };
}
