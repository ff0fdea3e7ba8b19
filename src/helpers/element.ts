// mgt-call-tracking/element: <mgt-number number="01 23 45 67 89">01 23 45 67 89</mgt-number>, for
// pages without React or Vue. It shows the tracked number once the module has decided, and the
// original again after mgt('restore'). A `tel:` link around it is the module's to swap, as any
// link. Importing this module defines the element (once).
import { IGNORE, subscribe, trackedNumber } from './numbers';

export class MgtNumberElement extends HTMLElement {
  static observedAttributes = ['number'];
  private stop?: () => void;

  connectedCallback(): void {
    // The element writes its text itself: the module leaves it alone.
    this.setAttribute(IGNORE, '');
    this.stop = this.stop || subscribe(() => this.update());
    // A text node of its own: the module may have swapped the parsed one before this element was
    // defined, and restores that one now that the element is ignored (ARCHITECTURE.md, swap engine).
    this.textContent = '';
    this.update();
  }

  disconnectedCallback(): void {
    this.stop?.();
    this.stop = undefined;
  }

  attributeChangedCallback(): void {
    if (this.stop) this.update();
  }

  private update(): void {
    const original = this.getAttribute('number');
    if (original == null) return;
    const shown = trackedNumber(original);
    if (this.textContent !== shown) this.textContent = shown;
  }
}

if (typeof customElements != 'undefined' && !customElements.get('mgt-number')) customElements.define('mgt-number', MgtNumberElement);
