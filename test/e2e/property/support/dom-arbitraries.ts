// fast-check generators for the swap-engine properties: DOMs holding the configured numbers in
// every written form of SPEC 10.1 (split over text nodes and comments, in attributes, in open
// shadow roots, in skipped zones), decoys and hostile Unicode, and mutation sequences. Everything
// generated is plain JSON: dom-harness.js builds and applies it in the page and in the control.
import fc from 'fast-check';

/** The config of these properties, and the numbers as the harness reads them (NSN digits). */
export const ORIGINALS: Record<string, string> = { '05 56 00 11 22': '09 70 00 00 03', '01 23 45 67 89': '09 70 00 00 01' };
export const CONFIG = { mode: 'invisible', ignore: '.no-swap', numbers: ORIGINALS };
export const HARNESS_OPTS = {
  cc: '33',
  trunk: '0',
  ignore: '.no-swap',
  originals: Object.entries(ORIGINALS).map(([o, t]) => [o.replace(/\D/g, '').slice(1), t.replace(/\D/g, '').slice(1)]),
};

export type NodeSpec =
  | { t: 'text'; v: string }
  | { t: 'comment'; v: string }
  | { t: 'el'; tag: string; attrs?: [string, string][]; kids?: NodeSpec[]; shadow?: NodeSpec[] };

export type Op = { k: string; [field: string]: any };

export interface DomSpec {
  dom: NodeSpec[];
  ops: Op[];
  /** The module observes before the DOM is built (a framework mounting), or scans it after. */
  observed: boolean;
  /** Text of the shadow root that custom elements attach in their constructor. */
  custom: string;
}

const pairs = (d: string, sep: string) => d.match(/../g)!.join(sep);

/** A configured original (or another number) written in one of SPEC 10.1's forms. */
export function written(national: string, form: number, sep: string): string {
  const d = national.replace(/\D/g, '');
  const nsn = d.slice(1);
  const rest = (s: string) => nsn[0] + s + pairs(nsn.slice(1), s);
  switch (form) {
    case 0: return pairs(d, sep);
    case 1: return d;
    case 2: return '+33 ' + rest(sep || ' ');
    case 3: return '+33 (0)' + rest(sep || ' ');
    case 4: return '0033 ' + rest(sep || ' ');
    case 5: return '+33' + nsn;
    default: return '+33 0' + rest(sep || ' ');
  }
}

const SEPS = [' ', '\u00a0', '\u202f', '.', '-', '/', ''];
const formed = (numbers: string[]) =>
  fc.tuple(fc.constantFrom(...numbers), fc.nat(6), fc.constantFrom(...SEPS)).map(([n, f, s]) => written(n, f, s));

/** A configured original in any written form. */
export const original = formed(Object.keys(ORIGINALS));

/** Numbers that must not be swapped, or must be swapped as a whole: near-misses, longer runs, others. */
const decoy = fc.oneof(
  formed(['04 78 12 34 56', '09 70 00 00 03', '09 70 00 00 01', '05 56 00 11 23', '01 23 45 67 80']),
  original.map((n) => '1' + n),
  original.map((n) => n + '3'),
  original.map((n) => n + ' 33'),
  original.map((n) => '9 ' + n),
  original.map((n) => n.slice(0, -1)),
  original.map((n) => n.slice(1)),
  fc.constantFrom('12,50 €', '05/12/2026', '14:30', 'FR76 3000 6000 0112 3456 7890 189', 'n° 055600112209', '0556001122' + '0556001122', '+33 5 56 00 11 2', '05 56 00 11 22 33 44'),
);

/** Unicode that trips naive code: bidi controls, zero-width characters, combining marks, astral, other digits. */
const hostile = fc.constantFrom('\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', 'e\u0301', '\ud83d\udcde', '\u0660\u0665', '\uff10\uff15', '\u2011', '\u00a0', '\u202f', '\u3000', '\n', '\t', '<b>', '&amp;', '"\'', '\\');
const filler = fc.constantFrom('', ' ', 'Tél. ', 'Appelez le ', ' ou ', ' !', ': ', 'abc', '(', ')', '.', ' - ', 'x', 'Tel:');

/** A piece of text: mostly numbers around filler. */
export const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: original }, { weight: 2, arbitrary: decoy }, { weight: 3, arbitrary: filler }, { weight: 1, arbitrary: hostile }), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''));

/** A text split into adjacent text nodes (as frameworks do), maybe with comment nodes at the cuts. */
const textRun = fc
  .tuple(text, fc.array(fc.nat(40), { maxLength: 3 }), fc.boolean())
  .map(([s, cuts, comments]) => {
    const at = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
    const out: NodeSpec[] = [];
    let from = 0;
    for (const c of [...at, s.length]) {
      if (out.length && comments) out.push({ t: 'comment', v: '' });
      out.push({ t: 'text', v: s.slice(from, c) });
      from = c;
    }
    return out;
  });

const href = fc
  .tuple(fc.constantFrom('tel:', 'sms:', 'callto:', 'TEL:', ' tel:', 'https://x.test/', 'tel:'), original, fc.nat(3))
  .map(([scheme, n, enc]) => {
    const v = n.replace(/\s/g, enc === 1 ? '%20' : '');
    if (enc === 2) return scheme + encodeURIComponent(n);
    if (enc === 3) return scheme + v.replace(/\d/, (d) => '%3' + d);
    return scheme + v;
  });

// MGT_PROPERTY_CLASSES=plain: only class attributes that classList writes back unchanged (to check
// the harness on today's build, whose restore rewrites the others: issue 14 item 4).
const PLAIN = process.env.MGT_PROPERTY_CLASSES === 'plain';
const klass = PLAIN ? fc.constantFrom('a', 'a b') : fc.constantFrom(' a  b ', 'a a', 'b', '\ta\n', 'A b');

const attrs = fc
  .record(
    {
      title: text,
      'aria-label': text,
      alt: text,
      class: klass,
      zone: fc.constantFrom<[string, string]>(['data-mgt-ignore', ''], ['contenteditable', 'true'], ['class', 'no-swap'], ['class', PLAIN ? 'no-swap a' : ' no-swap  a']),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const out: [string, string][] = [];
    for (const [k, v] of Object.entries(r)) if (k !== 'zone') out.push([k, v as string]);
    if (r.zone) {
      const i = out.findIndex(([k]) => k === r.zone![0]);
      if (i >= 0) out.splice(i, 1);
      out.push(r.zone);
    }
    return out;
  });

const SHADOW_HOSTS = ['div', 'span', 'p', 'section'];

/** An element tree of at most `depth` levels. */
export const node: fc.Arbitrary<NodeSpec[]> = fc.letrec<{ nodes: NodeSpec[]; el: NodeSpec }>((tie) => ({
  nodes: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textRun,
    tie('el').map((e) => [e as NodeSpec]),
  ),
  el: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    // Flow content, maybe with a shadow root.
    fc
      .tuple(fc.constantFrom('div', 'p', 'span', 'b', 'li', 'section'), attrs, fc.array(tie('nodes'), { maxLength: 3 }), fc.option(fc.array(tie('nodes'), { maxLength: 2 }), { freq: 4 }))
      .map(([tag, a, kids, shadow]): NodeSpec => ({
        t: 'el', tag, attrs: a, kids: (kids as NodeSpec[][]).flat(),
        ...(shadow && SHADOW_HOSTS.includes(tag) ? { shadow: (shadow as NodeSpec[][]).flat() } : {}),
      })),
    fc.tuple(href, attrs, textRun).map(([h, a, kids]): NodeSpec => ({ t: 'el', tag: 'a', attrs: [['href', h], ...a], kids })),
    fc.tuple(attrs).map(([a]): NodeSpec => ({ t: 'el', tag: 'img', attrs: a })),
    // Skipped zones: their texts keep the original (JSON-LD keeps the real number).
    fc.tuple(fc.constantFrom('script', 'style', 'textarea', 'noscript', 'template'), textRun).map(([tag, kids]): NodeSpec => ({
      t: 'el', tag, attrs: tag === 'script' ? [['type', 'application/ld+json']] : [], kids,
    })),
    fc.tuple(text).map(([v]): NodeSpec => ({ t: 'el', tag: 'input', attrs: [['value', v], ['title', v]] })),
    // Custom elements: x-c is defined before the DOM is built, x-u only by the 'upgrade' mutation.
    fc.constantFrom<NodeSpec>({ t: 'el', tag: 'x-c' }, { t: 'el', tag: 'x-u' }),
  ),
})).nodes;

const dom = fc.array(node, { minLength: 1, maxLength: 4 }).map((a) => a.flat());
const at = fc.nat(60);

/** The page's own edits (SPEC 10.3: content added or changed later is swapped before the next paint). */
export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('insert'), a: at, b: at, node: fc.oneof(node.map((n) => n[0]), fc.constant<NodeSpec>({ t: 'el', tag: 'x-c' })) }),
  fc.record({ k: fc.constant('remove'), a: at }),
  fc.record({ k: fc.constant('move'), a: at, b: at, c: at }),
  fc.record({ k: fc.constant('nodeValue'), a: at, v: text }),
  fc.record({ k: fc.constant('appendData'), a: at, v: fc.oneof(text, fc.constantFrom('1', '2', ' ', '3 ', '0')) }),
  fc.record({ k: fc.constant('textContent'), a: at, v: text }),
  fc.record({ k: fc.constant('splitText'), a: at, b: at }),
  fc.record({ k: fc.constant('normalize'), a: at }),
  fc.record({ k: fc.constant('setAttr'), a: at, name: fc.constantFrom('title', 'aria-label', 'alt', 'data-x'), v: text }),
  fc.record({ k: fc.constant('setAttr'), a: at, name: fc.constant('href'), v: href }),
  fc.record({ k: fc.constant('removeAttr'), a: at, name: fc.constantFrom('title', 'aria-label', 'alt', 'href') }),
  fc.record({ k: fc.constant('class'), a: at, how: fc.constantFrom('add', 'remove', 'toggle', 'set'), v: PLAIN ? fc.constantFrom('a', 'b', 'c') : fc.constantFrom('a', 'b', 'c', ' a  b ') })
    .map((o) => (o.how !== 'set' && o.v.includes(' ') ? { ...o, v: 'a' } : o)),
  fc.record({ k: fc.constant('ignore'), a: at }),
  fc.record({ k: fc.constant('attachShadow'), a: at, kids: textRun }),
  fc.record({ k: fc.constant('upgrade'), v: text }),
  fc.record({ k: fc.constant('rerender'), a: at }),
  fc.record({ k: fc.constant('clone'), a: at }),
  fc.record({ k: fc.constant('swap') }),
);

/** Which mutations to generate: all, or those named in MGT_PROPERTY_OPS (comma-separated). */
export function ops(only?: string[], maxLength = 10): fc.Arbitrary<Op[]> {
  const arb = only && only.length ? op.filter((o) => only.includes(o.k)) : op;
  return fc.array(arb, { maxLength });
}

export function domSpec(only?: string[], maxOps = 10): fc.Arbitrary<DomSpec> {
  return fc.record({ dom, ops: ops(only, maxOps), observed: fc.boolean(), custom: text });
}

/** A readable rendering of a generated input: the DOM as markup (texts quoted), one edit a line. */
export function showSpec(s: DomSpec): string {
  const q = (v: string) => JSON.stringify(v);
  const html = (n: NodeSpec): string => {
    if (n.t === 'text') return q(n.v);
    if (n.t === 'comment') return `<!--${n.v}-->`;
    const a = (n.attrs || []).map(([k, v]) => ` ${k}=${q(v)}`).join('');
    const sh = n.shadow ? `#shadow(${n.shadow.map(html).join('')})` : '';
    return `<${n.tag}${a}>${sh}${(n.kids || []).map(html).join('')}</${n.tag}>`;
  };
  const op = (o: Op) => o.k + ' ' + Object.entries(o).filter(([k]) => k !== 'k').map(([k, v]) => `${k}=${k === 'node' ? html(v) : k === 'kids' ? v.map(html).join('') : q(v)}`).join(' ');
  return `DOM (${s.observed ? 'added while observed' : 'scanned by mgt(\'swap\')'}; custom elements' shadow text ${q(s.custom)}):\n  ${s.dom.map(html).join('\n  ')}\nEdits:\n  ${s.ops.map(op).join('\n  ') || '(none)'}`;
}
