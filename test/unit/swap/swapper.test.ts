// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSwapper, type Swapper } from '../../../src/swap/swapper';
import type { SwapEvent } from '../../../src/types';

const NUMBERS = { '01 23 45 67 89': '09 70 00 00 01' };
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
let swapper: Swapper | undefined;
let events: SwapEvent[] = [];

/** Puts `html` in the body (test fixture only) and swaps it. */
function setup(html: string, ignore?: string, numbers: Record<string, string> = NUMBERS): Swapper {
  document.body.innerHTML = html;
  events = [];
  swapper = createSwapper(document, { _country: 'FR', _ignore: ignore, _onSwap: (e) => events.push(e) });
  swapper._set(numbers);
  return swapper;
}
const $ = (sel: string) => document.querySelector(sel)!;

afterEach(() => {
  swapper && swapper._restore();
  swapper = undefined;
  document.body.textContent = '';
});

describe('where numbers are swapped (SPEC 10.3)', () => {
  it('swaps text in every written form', () => {
    setup('<p>Appelez le 01 23 45 67 89 ou le +33 (0)1 23 45 67 89.</p><p>0033 1 23 45 67 89</p><p>01.23.45.67.89</p>');
    expect(document.body.textContent).toBe('Appelez le 09 70 00 00 01 ou le +33 (0)9 70 00 00 01.0033 9 70 00 00 0109.70.00.00.01');
  });

  it('reads adjacent text nodes of one element as one string and edits each in place', () => {
    document.body.textContent = '';
    const p = document.createElement('p');
    const parts = ['Tél. 01 23 ', '45 6', '7 89 !'].map((t) => document.createTextNode(t));
    parts.forEach((t) => p.appendChild(t));
    document.body.appendChild(p);
    swapper = createSwapper(document, { _country: 'FR', _onSwap: (e) => events.push(e) });
    events = [];
    swapper._set(NUMBERS);
    expect(parts.map((t) => t.data)).toEqual(['Tél. 09 70 ', '00 0', '0 01 !']);
    expect(p.childNodes.length).toBe(3);
    expect(events).toEqual([{ original: '01 23 45 67 89', tracked: '09 70 00 00 01', node: parts[0] }]);
    swapper._restore();
    expect(parts.map((t) => t.data)).toEqual(['Tél. 01 23 ', '45 6', '7 89 !']);
  });

  it('swaps tel:, sms: and callto: links, percent-encoded too, and title, aria-label, alt', () => {
    setup(`<a id=a href="tel:0123456789">x</a><a id=b href="tel:%2B33123456789">x</a><a id=c href="tel:+33%201%2023%2045%2067%2089">x</a>
      <a id=d href="sms:+33123456789?body=hi">x</a><a id=e href="callto:0033123456789">x</a><a id=f href="TEL:01-23-45-67-89">x</a>
      <span id=g title="Tél. 01 23 45 67 89" aria-label="Appeler le 01 23 45 67 89">x</span><img id=h alt="01 23 45 67 89">`);
    expect($('#a').getAttribute('href')).toBe('tel:0970000001');
    expect($('#b').getAttribute('href')).toBe('tel:%2B33970000001');
    expect($('#c').getAttribute('href')).toBe('tel:+33%209%2070%2000%2000%2001');
    expect($('#d').getAttribute('href')).toBe('sms:+33970000001?body=hi');
    expect($('#e').getAttribute('href')).toBe('callto:0033970000001');
    expect($('#f').getAttribute('href')).toBe('TEL:09-70-00-00-01');
    expect($('#g').getAttribute('title')).toBe('Tél. 09 70 00 00 01');
    expect($('#g').getAttribute('aria-label')).toBe('Appeler le 09 70 00 00 01');
    expect($('#h').getAttribute('alt')).toBe('09 70 00 00 01');
    expect(events.find((e) => e.node === $('#a'))).toEqual({ original: '0123456789', tracked: '0970000001', node: $('#a') });
  });

  it('leaves other links and attributes alone', () => {
    setup('<a id=a href="https://example.com/?tel=0123456789">x</a><div id=b data-phone="0123456789" class="c0123456789">x</div>');
    expect($('#a').getAttribute('href')).toBe('https://example.com/?tel=0123456789');
    expect($('#b').getAttribute('data-phone')).toBe('0123456789');
    expect(events).toEqual([]);
  });

  it('never swaps inside the skip list or the configured ignore selector', () => {
    const html = `<script type="application/ld+json">{"telephone":"01 23 45 67 89"}</script><style>/* 01 23 45 67 89 */</style>
      <noscript>01 23 45 67 89</noscript><template><p>01 23 45 67 89</p></template><textarea>01 23 45 67 89</textarea>
      <input value="01 23 45 67 89" title="01 23 45 67 89"><select><option>01 23 45 67 89</option></select>
      <div contenteditable="true"><p>01 23 45 67 89</p></div><div data-mgt-ignore=""><a href="tel:0123456789" title="01 23 45 67 89">01 23 45 67 89</a></div>
      <footer class="legal"><p>01 23 45 67 89</p></footer><p id=ok>01 23 45 67 89</p>`;
    setup(html, '.legal');
    expect(document.body.innerHTML).toBe(html.replace('<p id=ok>01 23 45 67 89', '<p id="ok" class="mgt-number">09 70 00 00 01'));
    expect(events.length).toBe(1);
  });

  it('never swaps the open shadow root of an ignored host', () => {
    document.body.innerHTML = '<div id=host data-mgt-ignore></div><p>01 23 45 67 89</p>';
    const root = $('#host').attachShadow({ mode: 'open' });
    root.appendChild(document.createElement('p')).textContent = '01 23 45 67 89';
    swapper = createSwapper(document, { _country: 'FR', _onSwap: () => {} });
    swapper._set(NUMBERS);
    expect(root.textContent).toBe('01 23 45 67 89');
    expect($('p').textContent).toBe('09 70 00 00 01');
  });

  it('swaps open shadow roots, present and added later', async () => {
    setup('<div id=host></div>');
    swapper!._restore();
    const root = $('#host').attachShadow({ mode: 'open' });
    root.appendChild(document.createElement('p')).textContent = '01 23 45 67 89';
    swapper!._set(NUMBERS);
    expect(root.textContent).toBe('09 70 00 00 01');
    root.appendChild(document.createElement('p')).textContent = 'Tél. +33 1 23 45 67 89';
    const late = document.body.appendChild(document.createElement('div'));
    const lateRoot = late.attachShadow({ mode: 'open' });
    lateRoot.appendChild(document.createElement('span')).textContent = '01.23.45.67.89';
    await tick();
    expect(root.textContent).toBe('09 70 00 00 01Tél. +33 9 70 00 00 01');
    expect(lateRoot.textContent).toBe('09.70.00.00.01');
    lateRoot.appendChild(document.createElement('span')).textContent = '0123456789';
    await tick();
    expect(lateRoot.textContent).toBe('09.70.00.00.010970000001');
    swapper!._restore();
    expect(root.textContent).toBe('01 23 45 67 89Tél. +33 1 23 45 67 89');
    expect(lateRoot.textContent).toBe('01.23.45.67.890123456789');
  });
});

describe('guarantees (SPEC 10.4)', () => {
  const PAGE = `<header><a href="tel:+33123456789" class="btn" title="Appeler le 01 23 45 67 89">Appeler le <b>01&nbsp;23&nbsp;45&nbsp;67&nbsp;89</b></a></header>
    <main><p class="mgt-number">Déjà marqué : 01.23.45.67.89</p><p>Sans numéro</p><img alt="+33 (0)1 23 45 67 89"></main>`;

  it('restore puts every text, attribute and class back byte for byte', () => {
    document.body.innerHTML = PAGE;
    const before = document.documentElement.outerHTML;
    swapper = createSwapper(document, { _country: 'FR', _onSwap: () => {} });
    swapper._set(NUMBERS);
    expect(document.documentElement.outerHTML).not.toBe(before);
    expect($('b').className).toBe('mgt-number');
    swapper._restore();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('keeps element identity and listeners', () => {
    setup(PAGE);
    const a = $('a');
    const b = $('b');
    let clicks = 0;
    a.addEventListener('click', (e) => { clicks++; e.preventDefault(); });
    swapper!._set({ '01 23 45 67 89': '09 70 00 00 02' });
    (b as HTMLElement).click();
    expect(clicks).toBe(1);
    expect($('a')).toBe(a);
    expect($('b')).toBe(b);
    expect(b.textContent).toBe('09\u00a070\u00a000\u00a000\u00a002');
  });

  it('swapping twice changes nothing', () => {
    setup(PAGE);
    const html = document.body.innerHTML;
    const count = events.length;
    swapper!._scan();
    swapper!._set({ ...NUMBERS });
    swapper!._scan($('main'));
    expect(document.body.innerHTML).toBe(html);
    expect(events.length).toBe(count);
  });

  it('a new mapping restores numbers no longer mapped and applies the new ones', () => {
    setup('<p id=a>01 23 45 67 89</p><p id=b>06 12 34 56 78</p>');
    swapper!._set({ '06 12 34 56 78': '07 00 00 00 02' });
    expect($('#a').textContent).toBe('01 23 45 67 89');
    expect($('#b').textContent).toBe('07 00 00 00 02');
    swapper!._set({ '01 23 45 67 89': '09 70 00 00 03', '06 12 34 56 78': '07 00 00 00 02' });
    expect($('#a').textContent).toBe('09 70 00 00 03');
    swapper!._set({});
    expect(document.body.textContent).toBe('01 23 45 67 8906 12 34 56 78');
  });

  it('after restore, a scan re-applies and observes again', async () => {
    setup('<p id=a>01 23 45 67 89</p>');
    swapper!._restore();
    expect($('#a').textContent).toBe('01 23 45 67 89');
    document.body.appendChild(document.createElement('p')).textContent = '01 23 45 67 89';
    await tick();
    expect(document.body.textContent).toBe('01 23 45 67 8901 23 45 67 89');
    swapper!._scan();
    expect(document.body.textContent).toBe('09 70 00 00 0109 70 00 00 01');
    document.body.appendChild(document.createElement('p')).textContent = '0123456789';
    await tick();
    expect(document.body.textContent).toBe('09 70 00 00 0109 70 00 00 010970000001');
  });

  it('writes the tracked number fresh where the digit counts differ', () => {
    setup('<p>Tél. 01.23.45.67.89</p><a href="tel:+33123456789">x</a>', undefined, { '01 23 45 67 89': '+32 2 123 45 67' });
    expect($('p').textContent).toBe('Tél. +32 2 123 45 67');
    expect($('a').getAttribute('href')).toBe('tel:+3221234567');
  });
});

describe('the observer', () => {
  it("content built node by node in one batch, as the parser does, is swapped whole; what moves out of it or into an ignored part is handled", async () => {
    setup('<p id=e>Écrivez-nous</p><b id=s>01 23 45 67 89</b>');
    expect($('#s').textContent).toBe('09 70 00 00 01');
    // One batch: a new element, then nodes appended inside it one at a time (records whose target
    // is inside it), a number split over three of them, a removal inside it, an addition elsewhere.
    const d = document.body.appendChild(document.createElement('div'));
    const p = d.appendChild(document.createElement('p'));
    p.appendChild(document.createTextNode('Tél. 01 23 '));
    p.appendChild(document.createComment(''));
    p.appendChild(document.createTextNode('45 67 89'));
    const a = p.appendChild(document.createElement('a'));
    a.setAttribute('href', 'tel:0123456789');
    const gone = d.appendChild(document.createElement('span'));
    gone.appendChild(document.createTextNode('01 23 45 67 89'));
    const kept = d.appendChild(document.createElement('i'));
    kept.appendChild(gone.firstChild!);
    d.removeChild(gone);
    $('#e').appendChild(document.createTextNode(' ou 01.23.45.67.89'));
    // A swapped node moved into a new ignored part shows its original again.
    const zone = d.appendChild(document.createElement('section'));
    zone.setAttribute('data-mgt-ignore', '');
    zone.appendChild($('#s'));
    await tick();
    expect(p.textContent).toBe('Tél. 09 70 00 00 01');
    expect(a.getAttribute('href')).toBe('tel:0970000001');
    expect(kept.textContent).toBe('09 70 00 00 01');
    expect($('#e').textContent).toBe('Écrivez-nous ou 09.70.00.00.01');
    expect($('#s').textContent).toBe('01 23 45 67 89');
    swapper!._restore();
    expect(d.textContent).toBe('Tél. 01 23 45 67 8901 23 45 67 8901 23 45 67 89');
  });

  it('re-swaps a framework re-render that puts the original back, in the same microtask checkpoint', async () => {
    setup('<p id=a>Tél. 01 23 45 67 89</p><a id=b href="tel:0123456789" title="01 23 45 67 89">x</a>');
    const text = $('#a').firstChild as Text;
    text.data = 'Tél. 01 23 45 67 89';
    $('#b').setAttribute('href', 'tel:0123456789');
    $('#b').setAttribute('title', '01 23 45 67 89');
    await Promise.resolve();
    expect(text.data).toBe('Tél. 09 70 00 00 01');
    expect($('#b').getAttribute('href')).toBe('tel:0970000001');
    expect($('#b').getAttribute('title')).toBe('09 70 00 00 01');
  });

  it('swaps nodes added or replaced later', async () => {
    setup('<ul id=l><li>01 23 45 67 89</li></ul>');
    const li = document.createElement('li');
    li.innerHTML = '<span>Nouveau : <a href="tel:0123456789">01 23 45 67 89</a></span>';
    $('#l').replaceChild(li, $('#l').firstChild!);
    $('#l').appendChild(document.createTextNode(' et 01.23.45.67.89'));
    await tick();
    expect($('#l').textContent).toBe('Nouveau : 09 70 00 00 01 et 09.70.00.00.01');
    expect($('#l a').getAttribute('href')).toBe('tel:0970000001');
  });

  it('remembers a new text written by the page as the original to restore', async () => {
    setup('<p id=a>Tél. 01 23 45 67 89</p><p id=b title="01 23 45 67 89">x</p>');
    const text = $('#a').firstChild as Text;
    text.data = 'Nouveau : 01 23 45 67 89 (gratuit)';
    $('#b').setAttribute('title', 'Autre texte');
    await tick();
    expect(text.data).toBe('Nouveau : 09 70 00 00 01 (gratuit)');
    text.appendData(' - appendData by the parser');
    await tick();
    swapper!._restore();
    expect(text.data).toBe('Nouveau : 01 23 45 67 89 (gratuit) - appendData by the parser');
    expect($('#b').getAttribute('title')).toBe('Autre texte');
  });

  it('an attribute the page removes and sets again is swapped again, and restored as the page wrote it', async () => {
    setup('<a id=a href="tel:0123456789" title="01 23 45 67 89">x</a>');
    $('#a').removeAttribute('title');
    $('#a').removeAttribute('href');
    await tick();
    $('#a').setAttribute('title', 'Tél. 01.23.45.67.89');
    $('#a').setAttribute('href', 'tel:+33123456789');
    await tick();
    expect($('#a').getAttribute('title')).toBe('Tél. 09.70.00.00.01');
    expect($('#a').getAttribute('href')).toBe('tel:+33970000001');
    swapper!._restore();
    expect($('#a').outerHTML).toBe('<a id="a" title="Tél. 01.23.45.67.89" href="tel:+33123456789">x</a>');
  });

  it('a page change made just before restore is what restore keeps', () => {
    setup('<p id=a>Tél. 01 23 45 67 89</p>');
    ($('#a').firstChild as Text).data = 'Fermé';
    swapper!._restore();
    expect($('#a').textContent).toBe('Fermé');
  });

  it('does not loop on its own edits', async () => {
    setup('<p>01 23 45 67 89</p>');
    let records = 0;
    const spy = new MutationObserver((r) => (records += r.length));
    spy.observe(document.body, { subtree: true, characterData: true, childList: true, attributes: true });
    document.body.appendChild(document.createElement('p')).textContent = '01 23 45 67 89';
    for (let i = 0; i < 5; i++) await tick();
    spy.disconnect();
    // The page's two (the paragraph, its text), then our one text edit and one class change.
    expect(records).toBe(4);
    expect(events.length).toBe(2);
  });

  it('stops observing after restore', async () => {
    setup('<p>x</p>');
    swapper!._restore();
    document.body.appendChild(document.createElement('p')).textContent = '01 23 45 67 89';
    await tick();
    expect(document.body.textContent).toBe('x01 23 45 67 89');
  });

  it('never throws into the page, even with a broken onSwap', async () => {
    document.body.innerHTML = '<p>01 23 45 67 89</p>';
    swapper = createSwapper(document, { _country: 'FR', _onSwap: () => { throw new Error('boom'); } });
    expect(() => swapper!._set(NUMBERS)).not.toThrow();
    document.body.appendChild(document.createElement('p')).textContent = '0123456789';
    await tick();
    expect(document.body.textContent).toBe('09 70 00 00 010970000001');
  });
});

describe('the scan', () => {
  it('finds numbers under chains of wrappers, in leaves, and in attributes at any depth', () => {
    setup(`<div><div><main><div><section><p>Tél. <b>01 23 45 67 89</b></p><ul><li>prix 12,50 €</li><li><a id=t href=" tel:0123456789" title="ou 01.23.45.67.89">x</a></li></ul></section></div></main></div></div>
      <div id=leaf>01-23-45-67-89</div><div><span><img id=i alt="+33 1 23 45 67 89"></span></div>`);
    expect($('b').textContent).toBe('09 70 00 00 01');
    expect($('#leaf').textContent).toBe('09-70-00-00-01');
    expect($('#t').getAttribute('href')).toBe(' tel:0970000001');
    expect($('#t').getAttribute('title')).toBe('ou 09.70.00.00.01');
    expect($('#i').getAttribute('alt')).toBe('+33 9 70 00 00 01');
    expect($('li').textContent).toBe('prix 12,50 €');
  });

  it('swaps the attributes and text of a subtree added later, at any depth', async () => {
    setup('<p>rien</p>');
    const d = document.createElement('div');
    d.innerHTML = '<section><div><a href="tel:+33123456789" aria-label="Appeler le 01 23 45 67 89">01 23 45 67 89</a></div><p>x</p></section>';
    document.body.appendChild(d);
    await Promise.resolve();
    expect(d.querySelector('a')!.getAttribute('href')).toBe('tel:+33970000001');
    expect(d.querySelector('a')!.getAttribute('aria-label')).toBe('Appeler le 09 70 00 00 01');
    expect(d.querySelector('a')!.textContent).toBe('09 70 00 00 01');
  });

  // Slices are decided by a clock that advances `step` ms at every reading and by fake timers: the
  // machine's speed plays no part.
  function slowClock(step = 1): { _t: number } {
    const clock = { _t: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => (clock._t += step));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    return clock;
  }

  it('a restore in the middle of a sliced scan stops it: the page stays as it was', () => {
    const rows: string[] = [];
    for (let i = 0; i < 600; i++) rows.push(`<div><p>Ligne ${i}</p><span>01 23 45 67 89</span></div>`);
    document.body.innerHTML = rows.join('');
    const before = document.body.innerHTML;
    slowClock();
    try {
      swapper = createSwapper(document, { _country: 'FR', _onSwap: () => {} });
      swapper._set(NUMBERS);
      expect(document.body.innerHTML).not.toBe(before);
      expect(document.body.textContent).toContain('01 23 45 67 89');
      expect(vi.getTimerCount()).toBe(1);
      swapper._restore();
      vi.runAllTimers();
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
    expect(document.body.innerHTML).toBe(before);
  }, 30_000);

  it('the first slice shares its task with init: its budget counts from when init began (issue 11 (c))', () => {
    const rows: string[] = [];
    for (let i = 0; i < 600; i++) rows.push(`<div><p>Ligne ${i}</p><span>${i % 100 ? 'x' : '01 23 45 67 89'}</span></div>`);
    document.body.innerHTML = rows.join('');
    events = [];
    const clock = slowClock(2);
    let task: number;
    try {
      // The tracker makes the swapper first, then the rest of init takes time (the settings, the
      // visit decision, the matcher) before the first mapping starts the scan, in the same task.
      swapper = createSwapper(document, { _country: 'FR', _onSwap: (e) => events.push(e) });
      const t0 = clock._t;
      clock._t += 20;
      swapper._set(NUMBERS);
      task = clock._t - t0;
      // The rest of the document is left to later tasks.
      expect(vi.getTimerCount()).toBe(1);
      vi.runAllTimers();
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
    // 25 ms of budget from the swapper's creation, and the clock read once more to see it is spent
    // (before, 20 ms of init then 25 ms of scan).
    expect(task).toBeLessThanOrEqual(30);
    expect(document.body.textContent).not.toContain('01 23 45 67 89');
    expect(events.length).toBe(6);
  }, 30_000);

  it('a long document is scanned in slices that each stay within the budget, and completely', () => {
    const rows: string[] = [];
    for (let i = 0; i < 300; i++) rows.push(`<div class=r><p>Ligne ${i} du 01/02/2024, réf. 0112 3456 7890</p><span title="Tél. 01 23 45 67 89">${i % 100 ? 'x' : '01 23 45 67 89'}</span></div>`);
    document.body.innerHTML = `<div id=app><div>${rows.join('')}</div></div>`;
    events = [];
    const slices: number[] = [];
    const clock = slowClock(5);
    try {
      swapper = createSwapper(document, { _country: 'FR', _onSwap: (e) => events.push(e) });
      let t0 = clock._t;
      swapper._set(NUMBERS);
      slices.push(clock._t - t0);
      while (vi.getTimerCount()) {
        t0 = clock._t;
        vi.runOnlyPendingTimers();
        slices.push(clock._t - t0);
      }
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
    expect(slices.length).toBeGreaterThan(2);
    // 25 ms of budget, and the clock read once more to see it is spent.
    expect(Math.max(...slices)).toBeLessThanOrEqual(35);
    expect(document.querySelectorAll('[title="Tél. 01 23 45 67 89"]').length).toBe(0);
    expect(document.body.textContent).not.toContain('01 23 45 67 89');
    expect(events.length).toBe(303);
  }, 30_000);
});
