// @vitest-environment jsdom
// The swap engine's integrity under DOM surgery (issue 14): a visitor only ever sees an original or
// its tracked number, never a mix, and restore gives the page as it is without mgt, byte for byte.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchHydration } from '../../../src/hydration';
import { createSwapper, type Swapper } from '../../../src/swap/swapper';

const ORIGINAL = '05 56 00 11 22';
const TRACKED = '09 70 00 00 03';
const NUMBERS = { [ORIGINAL]: TRACKED };
/** Every observer callback and microtask of this task has run. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
let swapper: Swapper | undefined;

/** A div in the body holding `parts` as separate text nodes (or comments, written `<!--x-->`). */
function run(...parts: string[]): HTMLDivElement {
  const div = document.body.appendChild(document.createElement('div'));
  for (const p of parts) {
    const c = /^<!--(.*)-->$/.exec(p);
    div.appendChild(c ? document.createComment(c[1]) : document.createTextNode(p));
  }
  return div;
}
const values = (el: Node) => Array.from(el.childNodes, (n) => n.nodeValue);

function start(ignore?: string): Swapper {
  swapper = createSwapper(document, { _country: 'FR', _ignore: ignore, _onSwap: () => {} });
  swapper._set(NUMBERS);
  return swapper;
}

afterEach(() => {
  swapper && swapper._restore();
  swapper = undefined;
  document.body.textContent = '';
  vi.unstubAllGlobals();
});

describe('a number spread over text nodes that the page splits, merges or takes apart', () => {
  it('splitText() inside a swapped number shows the tracked number, and restore gives the split original', async () => {
    const div = run('05 56 00 ', '1', '1 22');
    start();
    expect(div.textContent).toBe(TRACKED);
    (div.childNodes[2] as Text).splitText(1);
    await tick();
    expect(div.textContent).toBe(TRACKED);
    swapper!._restore();
    expect(values(div)).toEqual(['05 56 00 ', '1', '1', ' 22']);
  });

  it('normalize() shows the tracked number, and restore gives the merged original', async () => {
    const div = run('05 56 ', '00 11 22');
    start();
    div.normalize();
    await tick();
    expect(values(div)).toEqual([TRACKED]);
    swapper!._restore();
    expect(values(div)).toEqual([ORIGINAL]);
  });

  it('normalize() of a run that starts with text of its own', async () => {
    const div = run('Tél. ', '05 56 ', '00 11 22', ' !');
    start();
    div.normalize();
    await tick();
    expect(values(div)).toEqual([`Tél. ${TRACKED} !`]);
    swapper!._restore();
    expect(values(div)).toEqual([`Tél. ${ORIGINAL} !`]);
  });

  it('a part of a number removed leaves no tracked fragment behind', async () => {
    const div = run('05 56 ', '00 11 22');
    start();
    div.lastChild!.remove();
    await tick();
    expect(values(div)).toEqual(['05 56 ']);
    swapper!._restore();
    expect(values(div)).toEqual(['05 56 ']);
  });

  it('a part of a number moved elsewhere takes its own original with it', async () => {
    const div = run('05 56 ', '00 11 22');
    const other = run('Réf. ');
    start();
    other.appendChild(div.lastChild!);
    await tick();
    expect(values(div)).toEqual(['05 56 ']);
    expect(values(other)).toEqual(['Réf. ', '00 11 22']);
    swapper!._restore();
    expect(div.textContent! + other.textContent!).toBe('05 56 Réf. 00 11 22');
  });

  it('a moved part that completes another number there is swapped there', async () => {
    const div = run('05 56 ', '00 11 22');
    const other = run('Tél. 05 56 ');
    start();
    other.appendChild(div.lastChild!);
    await tick();
    expect(values(div)).toEqual(['05 56 ']);
    expect(other.textContent).toBe(`Tél. ${TRACKED}`);
    swapper!._restore();
    expect(values(other)).toEqual(['Tél. 05 56 ', '00 11 22']);
  });

  it('an element inserted before a comment that held a number together leaves no tracked fragment', async () => {
    const div = run('0', '<!---->', '5 56 00 11 22');
    start();
    expect(div.textContent).toBe(TRACKED);
    div.insertBefore(document.createElement('i'), div.childNodes[1]);
    await tick();
    expect(values(div)).toEqual(['0', null, '', '5 56 00 11 22']);
    swapper!._restore();
    expect(values(div)).toEqual(['0', null, '', '5 56 00 11 22']);
  });

  it('an element inserted inside a run can make a number of either part: it is swapped', async () => {
    const a = run('Tel:9', '<!---->', ' +33556001122');
    const b = run(' 9', '05 56 00 11 22');
    start();
    expect(a.textContent + b.textContent).not.toContain('+33970000003');
    a.insertBefore(document.createElement('i'), a.childNodes[2]);
    b.insertBefore(document.createElement('i'), b.childNodes[1]);
    await tick();
    expect([values(a), values(b)]).toEqual([['Tel:9', '', null, ' +33970000003'], [' 9', null, TRACKED]]);
    swapper!._restore();
    expect([values(a), values(b)]).toEqual([['Tel:9', '', null, ' +33556001122'], [' 9', null, ORIGINAL]]);
  });

  it('a text without digits set in a run can make a number of the rest: it is swapped', async () => {
    const div = run('05 56 00 11 22 331', '0', '5 56 00 11 22');
    start();
    expect(div.textContent).not.toContain(TRACKED);
    div.firstChild!.nodeValue = '\u200b';
    await tick();
    expect(div.textContent).toBe(`\u200b${TRACKED}`);
    swapper!._restore();
    expect(values(div)).toEqual(['\u200b', '0', '5 56 00 11 22']);
  });

  it("a number whose '+' is alone in a text node before it, without digits, is swapped", () => {
    // (Long property run, seed 1364760813: the run was never read, its first node having no digit.)
    const div = run('<b>+', '33 5 56 00 11 22');
    start();
    expect(values(div)).toEqual(['<b>+', '33 9 70 00 00 03']);
    swapper!._restore();
    expect(values(div)).toEqual(['<b>+', '33 5 56 00 11 22']);
  });

  it('splitText() of a swapped node is restored as split', async () => {
    const p = document.body.appendChild(document.createElement('p'));
    p.textContent = `Tél. ${ORIGINAL}`;
    start();
    (p.firstChild as Text).splitText(8);
    await tick();
    expect(p.textContent).toBe(`Tél. ${TRACKED}`);
    swapper!._restore();
    expect(values(p)).toEqual(['Tél. 05 ', '56 00 11 22']);
  });

  it('two splits in one task, then a merge: never a mix', async () => {
    const p = document.body.appendChild(document.createElement('p'));
    p.textContent = `Tél. ${ORIGINAL}`;
    start();
    (p.firstChild as Text).splitText(8).splitText(3);
    await tick();
    expect(p.textContent).toBe(`Tél. ${TRACKED}`);
    expect(values(p)).toEqual(['Tél. 09 ', '70 ', '00 00 03']);
    p.normalize();
    await tick();
    expect(values(p)).toEqual([`Tél. ${TRACKED}`]);
    swapper!._restore();
    expect(values(p)).toEqual([`Tél. ${ORIGINAL}`]);
  });

  it('text appended by the parser or appendData() extends the original', async () => {
    const div = run('05 56 ', '00 11 22');
    start();
    (div.lastChild as Text).appendData(' (gratuit)');
    await tick();
    expect(div.textContent).toBe(`${TRACKED} (gratuit)`);
    swapper!._restore();
    expect(values(div)).toEqual(['05 56 ', '00 11 22 (gratuit)']);
  });

  it('a text the page sets that happens to start with what we wrote is the page\'s, not an extension', async () => {
    const div = run('05 56 00 11 ', '22');
    start();
    expect(values(div)).toEqual(['09 70 00 00 ', '03']);
    div.lastChild!.nodeValue = '03 12 €';
    await tick();
    expect(values(div)).toEqual(['05 56 00 11 ', '03 12 €']);
    swapper!._restore();
    expect(values(div)).toEqual(['05 56 00 11 ', '03 12 €']);
  });

  it('a text the page sets over a swapped part is taken as written, and never read as a mix', async () => {
    const div = run('05 56 ', '00 11 22');
    start();
    (div.lastChild as Text).data = '00 11 23';
    await tick();
    expect(values(div)).toEqual(['05 56 ', '00 11 23']);
    swapper!._restore();
    expect(values(div)).toEqual(['05 56 ', '00 11 23']);
  });
});

describe('restore is byte for byte', () => {
  it('puts a class attribute back exactly as the page wrote it', () => {
    document.body.innerHTML = `<span class=" a  b ">${ORIGINAL}</span><span class="">${ORIGINAL}</span><span>${ORIGINAL}</span>`;
    const before = document.body.innerHTML;
    start();
    expect(document.querySelectorAll('.mgt-number').length).toBe(3);
    swapper!._restore();
    expect(document.body.innerHTML).toBe(before);
  });

  it('a class attribute we created and the page then wrote comes back where the page would have created it', async () => {
    document.body.innerHTML = '<a></a><a></a>';
    const [early, late] = Array.from(document.querySelectorAll('a'));
    start();
    for (const a of [early, late]) a.setAttribute('href', 'tel:0556001122');
    await tick();
    // One page adds its class before a title, the other after: the order the page gives is kept.
    early.classList.add('a');
    await tick();
    early.setAttribute('title', '');
    late.setAttribute('title', '');
    await tick();
    late.classList.add('a');
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe('<a href="tel:0556001122" class="a" title=""></a><a href="tel:0556001122" title="" class="a"></a>');
  });

  it('a class attribute we created stays, emptied, once the page wrote it', async () => {
    document.body.innerHTML = `<a href="tel:0556001122"></a>`;
    start();
    const a = document.querySelector('a')!;
    a.classList.add('a');
    await tick();
    a.classList.toggle('a');
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe('<a href="tel:0556001122" class=""></a>');
  });

  it('a class the page removes from a class attribute we created creates nothing', async () => {
    document.body.innerHTML = '<a></a>';
    start();
    const a = document.querySelector('a')!;
    a.setAttribute('href', 'tel:0556001122');
    await tick();
    a.classList.remove('x');
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe('<a href="tel:0556001122"></a>');
  });

  it('keeps a class the page changed after the swap, without ours', async () => {
    document.body.innerHTML = `<span class=" a  b ">${ORIGINAL}</span>`;
    start();
    document.querySelector('span')!.classList.add('c');
    swapper!._restore();
    expect(document.body.innerHTML).toBe(`<span class="a b c">${ORIGINAL}</span>`);
  });
});

describe('our class follows what the element shows (SPEC 10.3)', () => {
  it.each([
    ['its text replaced', (p: Element) => (p.textContent = 'Fermé')],
    ['its text emptied', (p: Element) => (p.textContent = '')],
    ['its text node rewritten', (p: Element) => ((p.firstChild as Text).data = 'Fermé')],
    ['its title removed', (p: Element) => p.removeAttribute('title')],
    ['its title rewritten', (p: Element) => p.setAttribute('title', 'Contact')],
  ])('an element whose swapped number the page replaces (%s) loses our class at once: a copy made then has none', async (_, edit) => {
    document.body.innerHTML = `<p title="${ORIGINAL}">${ORIGINAL}</p>`;
    start();
    const p = document.querySelector('p')!;
    edit(p);
    // Only one of the two swapped: the class stays while the other shows the tracked number.
    expect(p.getAttribute('class')).toBe('mgt-number');
    if (p.getAttribute('title') === TRACKED) p.setAttribute('title', 'Contact');
    if (p.textContent === TRACKED) p.textContent = 'Fermé';
    await tick();
    expect(p.hasAttribute('class')).toBe(false);
    p.after(p.cloneNode(true));
    const page = document.body.innerHTML;
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe(page);
  });

  it('a mapping that no longer has the number takes the class off with it', () => {
    document.body.innerHTML = `<p class="a">${ORIGINAL}</p>`;
    start()._set({ '05 56 00 99 99': TRACKED });
    expect(document.body.innerHTML).toBe(`<p class="a">${ORIGINAL}</p>`);
  });

  it('a copy of an element whose own class the page emptied down to ours keeps the empty class on restore', async () => {
    document.body.innerHTML = `<img alt="${ORIGINAL}" class="\ta\n"><span class="">${ORIGINAL}</span>`;
    start();
    const img = document.querySelector('img')!;
    img.classList.remove('a');
    await tick();
    for (const e of [img, document.querySelector('span')!]) e.after(e.cloneNode(true));
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe(`<img alt="${ORIGINAL}" class="">`.repeat(2) + `<span class="">${ORIGINAL}</span>`.repeat(2));
  });

  it('a class the page adds and removes in one task, on a class attribute we created, leaves it the page\'s, emptied', async () => {
    document.body.innerHTML = '<a href="tel:0556001122"></a>';
    start();
    const a = document.querySelector('a')!;
    a.classList.add('a');
    a.classList.remove('a');
    await tick();
    a.after(a.cloneNode(true));
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe('<a href="tel:0556001122" class=""></a>'.repeat(2));
  });

  it('a copy of a class the page extended after ours loses ours on restore', async () => {
    document.body.innerHTML = `<p class="x">${ORIGINAL}</p>`;
    start();
    const p = document.querySelector('p')!;
    p.classList.add('y');
    await tick();
    p.after(p.cloneNode(true));
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe(`<p class="x y">${ORIGINAL}</p>`.repeat(2));
  });
});

describe('comments between text nodes are transparent (framework markers)', () => {
  it.each([
    ['React', ['Tél. ', '<!-- -->', '05 56 00 ', '<!-- -->', '11 22'], ['Tél. ', ' ', '09 70 00 ', ' ', '00 03']],
    ['Vue and Svelte', ['<!--[-->', '05 56', '<!--]-->', ' 00 11 22', '<!---->'], ['[', '09 70', ']', ' 00 00 03', '']],
  ])('%s: a number split by comment markers is swapped in place and restored byte for byte', (_, parts, want) => {
    const div = run(...parts);
    const before = div.innerHTML;
    const nodes = Array.from(div.childNodes);
    start();
    expect(values(div)).toEqual(want);
    expect(Array.from(div.childNodes)).toEqual(nodes);
    swapper!._restore();
    expect(div.innerHTML).toBe(before);
  });
});

describe('copies of swapped content', () => {
  const HEADER = `<header><a href="tel:0556001122" title="Appeler le ${ORIGINAL}">Appelez le <b>${ORIGINAL}</b></a></header>`;

  it('a deep clone of a swapped header (a sticky header) is restored with the page', async () => {
    document.body.innerHTML = HEADER;
    start();
    const copy = document.querySelector('header')!.cloneNode(true) as Element;
    copy.setAttribute('class', 'sticky');
    document.body.appendChild(copy);
    await tick();
    expect(copy.querySelector('b')!.textContent).toBe(TRACKED);
    swapper!._restore();
    expect(document.body.innerHTML).toBe(HEADER + HEADER.replace('<header>', '<header class="sticky">'));
  });

  it('a copy of an element whose class attribute we created and the page then wrote loses our class', async () => {
    document.body.innerHTML = `<p>${ORIGINAL}</p>`;
    start();
    const p = document.querySelector('p')!;
    p.classList.add('a');
    await tick();
    p.after(p.cloneNode(true));
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe(`<p class="a">${ORIGINAL}</p>`.repeat(2));
  });

  it('a copy is restored even when the page copies it before appending it later', async () => {
    document.body.innerHTML = HEADER;
    start();
    const copy = document.querySelector('header')!.cloneNode(true);
    await tick();
    document.body.appendChild(copy);
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe(HEADER + HEADER);
  });

  it('a tracked number the site writes itself is left alone, before and after restore', async () => {
    document.body.innerHTML = HEADER;
    start();
    const own = document.body.appendChild(document.createElement('p'));
    own.textContent = `Ligne directe : ${TRACKED}`;
    const same = document.body.appendChild(document.createElement('p'));
    same.textContent = `${TRACKED} `;
    await tick();
    swapper!._restore();
    expect(own.textContent).toBe(`Ligne directe : ${TRACKED}`);
    expect(same.textContent).toBe(`${TRACKED} `);
    expect(own.hasAttribute('class')).toBe(false);
  });

  it('an ignored element that renders the tracked number itself (the helpers) keeps it while the same number is swapped elsewhere', async () => {
    document.body.innerHTML = `<p>${ORIGINAL}</p><span data-mgt-ignore>${ORIGINAL}</span><mgt-x data-mgt-ignore></mgt-x>`;
    start();
    const span = document.querySelector('span')!;
    const el = document.querySelector('mgt-x')!;
    // React updates its text node; the custom element writes a new one.
    span.firstChild!.nodeValue = TRACKED;
    el.textContent = TRACKED;
    await tick();
    expect(document.querySelector('p')!.textContent).toBe(TRACKED);
    expect(span.textContent).toBe(TRACKED);
    expect(el.textContent).toBe(TRACKED);
    expect(span.hasAttribute('class') || el.hasAttribute('class')).toBe(false);
  });

  it('a tracked number the site writes as a whole attribute value, in new content or on an element of ours, is left alone', async () => {
    // (Property seed 30: a re-rendered <img alt> equal to a title we wrote elsewhere was "restored".)
    document.body.innerHTML = `<div title="${ORIGINAL}"></div><p>${ORIGINAL}</p>`;
    start();
    expect(document.querySelector('div')!.title).toBe(TRACKED);
    const img = document.body.appendChild(document.createElement('img'));
    img.setAttribute('alt', TRACKED);
    const p = document.querySelector('p')!;
    p.setAttribute('aria-label', TRACKED);
    p.appendChild(document.createElement('b')).textContent = TRACKED;
    await tick();
    swapper!._set(NUMBERS);
    swapper!._restore();
    expect(document.body.innerHTML).toBe(`<div title="${ORIGINAL}"></div><p aria-label="${TRACKED}">${ORIGINAL}<b>${TRACKED}</b></p><img alt="${TRACKED}">`);
  });

  it('a copy of an element whose class the page rewrote since the swap is still a copy', async () => {
    document.body.innerHTML = `<a href="tel:0556001122" title="${ORIGINAL}">${ORIGINAL}</a>`;
    start();
    await tick();
    const a = document.querySelector('a')!;
    a.setAttribute('class', 'b');
    await tick();
    // Our class is on every element that shows something of ours (SPEC 10.3): a copy carries it.
    expect(a.getAttribute('class')).toBe('b mgt-number');
    a.after(a.cloneNode(true));
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe(`<a href="tel:0556001122" title="${ORIGINAL}" class="b">${ORIGINAL}</a>`.repeat(2));
  });

  it('a tracked number the page writes into a copy later, once the copy was read, is the page\'s own', async () => {
    document.body.innerHTML = `<p title="${ORIGINAL}">${ORIGINAL}</p>`;
    start();
    const p = document.querySelector('p')!;
    const copy = p.cloneNode(true) as Element;
    p.after(copy);
    await tick();
    copy.setAttribute('aria-label', TRACKED);
    copy.appendChild(document.createTextNode(' '));
    copy.appendChild(document.createElement('i')).textContent = 'x';
    copy.appendChild(document.createTextNode(TRACKED));
    await tick();
    swapper!._set(NUMBERS);
    swapper!._restore();
    expect(copy.outerHTML).toBe(`<p title="${ORIGINAL}" aria-label="${TRACKED}">${ORIGINAL} <i>x</i>${TRACKED}</p>`);
  });

  it('a short text we wrote, seen elsewhere, is not taken for a copy when it is not one', async () => {
    const div = run('05 56 00 ', '1', '1 22');
    start();
    expect(values(div)[1]).toBe('0');
    const badge = run('Panier : ', '0');
    await tick();
    swapper!._restore();
    expect(values(badge)).toEqual(['Panier : ', '0']);
  });
});

describe('ignored zones decided after load', () => {
  it('data-mgt-ignore added to a swapped subtree restores it; removed, swaps it again', async () => {
    document.body.innerHTML = `<div id=z><a href="tel:0556001122" title="${ORIGINAL}">${ORIGINAL}</a></div>`;
    const before = document.body.innerHTML;
    start();
    const z = document.getElementById('z')!;
    expect(z.textContent).toBe(TRACKED);
    z.setAttribute('data-mgt-ignore', '');
    await tick();
    expect(document.body.innerHTML).toBe(before.replace('id="z"', 'id="z" data-mgt-ignore=""'));
    z.removeAttribute('data-mgt-ignore');
    await tick();
    expect(z.textContent).toBe(TRACKED);
    expect(z.querySelector('a')!.getAttribute('href')).toBe('tel:0970000003');
    swapper!._restore();
    expect(document.body.innerHTML).toBe(before);
  });

  it('a swapped link ignored and cloned in one task: both show their original, like a swapped node moved there; neither keeps our class; restore changes nothing more', async () => {
    document.body.innerHTML = '<a href="tel:0556001122"></a>';
    start();
    const a = document.querySelector('a')!;
    a.setAttribute('data-mgt-ignore', '');
    a.after(a.cloneNode(true));
    await tick();
    const ignored = '<a href="tel:0556001122" data-mgt-ignore=""></a>';
    expect(document.body.innerHTML).toBe(ignored + ignored);
    swapper!._restore();
    expect(document.body.innerHTML).toBe(ignored + ignored);
  });

  it('a swapped node moved into an ignored subtree shows its original', async () => {
    document.body.innerHTML = `<p id=p title="${ORIGINAL}">Tél. ${ORIGINAL}</p><div data-mgt-ignore></div><footer class=legal></footer>`;
    start('.legal');
    const p = document.getElementById('p')!;
    expect(p.textContent).toBe(`Tél. ${TRACKED}`);
    document.querySelector('[data-mgt-ignore]')!.appendChild(p);
    await tick();
    expect(p.textContent).toBe(`Tél. ${ORIGINAL}`);
    expect(p.title).toBe(ORIGINAL);
    const text = document.body.appendChild(document.createElement('p')).appendChild(document.createTextNode(ORIGINAL));
    await tick();
    expect(text.data).toBe(TRACKED);
    document.querySelector('.legal')!.appendChild(text);
    await tick();
    expect(text.data).toBe(ORIGINAL);
  });
});

describe('custom elements defined after load', () => {
  it("swaps the shadow root a custom element attaches when it is defined (as Lit's do)", async () => {
    document.body.innerHTML = '<x-call-card></x-call-card><p>rien</p>';
    start();
    class CallCard extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).appendChild(document.createElement('p')).textContent = `Tél. ${ORIGINAL}`;
      }
    }
    customElements.define('x-call-card', CallCard);
    const root = document.querySelector('x-call-card')!.shadowRoot!;
    await tick();
    expect(root.textContent).toBe(`Tél. ${TRACKED}`);
    // Observed from then on.
    root.appendChild(document.createElement('i')).textContent = ORIGINAL;
    await tick();
    expect(root.textContent).toBe(`Tél. ${TRACKED}${TRACKED}`);
    swapper!._restore();
    expect(root.textContent).toBe(`Tél. ${ORIGINAL}${ORIGINAL}`);
  });

  it('an element with a dash that can never be defined is harmless', async () => {
    document.body.innerHTML = '<svg><font-face></font-face></svg><p>x</p>';
    const errors: unknown[] = [];
    const onError = (e: PromiseRejectionEvent | ErrorEvent) => errors.push(e);
    window.addEventListener('unhandledrejection', onError as any);
    process.on('unhandledRejection', onError as any);
    try {
      start();
      await tick();
      await tick();
    } finally {
      window.removeEventListener('unhandledrejection', onError as any);
      process.off('unhandledRejection', onError as any);
    }
    expect(errors).toEqual([]);
  });
});

describe('while the page loads', () => {
  it("takes the parser's pending records at every frame (the hydration watch's), so the frame never shows an original", () => {
    const frames: FrameRequestCallback[] = [];
    const w = { document, requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb) } as unknown as Window;
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    try {
      document.body.innerHTML = '<p>début</p>';
      // As display.ts wires them: the swapper's pending records are handled at each frame of the watch.
      const s = start();
      watchHydration(w, () => {}, () => {}, s._flush);
      expect(frames.length).toBe(1);
      // The parser adds content; the frame comes before the observer's records are delivered.
      const p = document.body.appendChild(document.createElement('p'));
      p.textContent = `Tél. ${ORIGINAL}`;
      frames.shift()!(0);
      expect(p.textContent).toBe(`Tél. ${TRACKED}`);
      expect(frames.length).toBe(1);
    } finally {
      delete (document as any).readyState;
    }
    // Loaded: no more frames taken.
    frames.shift()!(0);
    expect(frames.length).toBe(0);
  });
});

describe('attributes', () => {
  it('a percent-encoded link read again and restored keeps every escape', async () => {
    document.body.innerHTML = '<a id=a href="tel:%2B33%205%2056%2000%2011%2022">x</a>';
    const before = document.body.innerHTML;
    start();
    expect(document.getElementById('a')!.getAttribute('href')).toBe('tel:%2B33%209%2070%2000%2000%2003');
    swapper!._scan();
    swapper!._set({ ...NUMBERS });
    await tick();
    swapper!._restore();
    expect(document.body.innerHTML).toBe(before);
  });
});
