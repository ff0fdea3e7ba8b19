// The page of every written form of the configured number (SPEC 10.1, 10.3): texts, a number a
// script splits across two text nodes, and phone attributes. Shared by the Chromium suite
// (test/e2e/swap.spec.ts) and the cross-engine suite (test/engines/swap.spec.ts), which check it
// with their own drivers.
export const EVERY_FORM = `
  <p id="spaces">Appelez le 01 23 45 67 89.</p>
  <p id="nbsp">01&nbsp;23&nbsp;45&nbsp;67&nbsp;89</p>
  <p id="narrow">01&#x202F;23&#x202F;45&#x202F;67&#x202F;89</p>
  <p id="dots">01.23.45.67.89</p>
  <p id="hyphens">01-23-45-67-89</p>
  <p id="slashes">01/23/45/67/89</p>
  <p id="compact">0123456789</p>
  <p id="intl">+33 1 23 45 67 89</p>
  <p id="trunk">+33 (0)1 23 45 67 89</p>
  <p id="zeros">0033 1 23 45 67 89</p>
  <p id="e164">+33123456789</p>
  <p id="split">Tél. <span id="s">01 23 </span></p>
  <a id="tel" href="tel:+33123456789">Appeler</a>
  <a id="enc" href="tel:%2B33123456789">Appeler</a>
  <a id="spaced" href="tel:+33%201%2023%2045%2067%2089">Appeler</a>
  <a id="sms" href="sms:0123456789">SMS</a>
  <a id="callto" href="callto:0033123456789">Skype</a>
  <button id="aria" aria-label="Appeler le 01 23 45 67 89">☎</button>
  <span id="title" title="Tél. 01 23 45 67 89">?</span>
  <img id="alt" alt="01 23 45 67 89">
  <script>document.getElementById('s').appendChild(document.createTextNode('45 67 89'));</script>`;
