// mgt 0.1.0: mgt-call-tracking/element
/**
 * `<mgt-number number="01 23 45 67 89">01 23 45 67 89</mgt-number>`: shows the tracked number once
 * the module has decided, the original again after `mgt('restore')`. Importing this module defines
 * the element.
 */
export declare class MgtNumberElement extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'mgt-number': MgtNumberElement;
  }
}
