/*! mgt 0.1.0 | consent-aware call tracking | MIT */
import { I as IGNORE, s as subscribe, t as trackedNumber } from './helpers-numbers.js';

// mgt-call-tracking/element: <mgt-number number="01 23 45 67 89">01 23 45 67 89</mgt-number>, for
// pages without React or Vue. It shows the tracked number once the module has decided, and the
// original again after mgt('restore'). A `tel:` link around it is the module's to swap, as any
// link. Importing this module defines the element (once).
class MgtNumberElement extends HTMLElement {
    connectedCallback() {
        // The element writes its text itself: the module leaves it alone.
        this.setAttribute(IGNORE, '');
        this.stop = this.stop || subscribe(() => this.update());
        // A text node of its own: the module may have swapped the parsed one before this element was
        // defined, and restores that one now that the element is ignored (ARCHITECTURE.md, swap engine).
        this.textContent = '';
        this.update();
    }
    disconnectedCallback() {
        this.stop?.();
        this.stop = undefined;
    }
    attributeChangedCallback() {
        if (this.stop)
            this.update();
    }
    update() {
        const original = this.getAttribute('number');
        if (original == null)
            return;
        const shown = trackedNumber(original);
        if (this.textContent !== shown)
            this.textContent = shown;
    }
}
MgtNumberElement.observedAttributes = ['number'];
if (typeof customElements != 'undefined' && !customElements.get('mgt-number'))
    customElements.define('mgt-number', MgtNumberElement);

export { MgtNumberElement };
