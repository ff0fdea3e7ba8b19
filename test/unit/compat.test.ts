// The oldest-browsers check (scripts/compat.mjs): the shipped files pass, and each newer syntax or
// API that could slip in through a source change or a build setting is caught.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compat } from '../../scripts/compat.mjs';

describe('scripts/compat.mjs', () => {
  it('finds nothing newer than Safari 13.1 / Firefox 74 / Chrome 80 in dist/mgt.js and dist/mgt.esm.js', () => {
    expect(compat(readFileSync('dist/mgt.js', 'utf8'))).toEqual([]);
    expect(compat(readFileSync('dist/mgt.esm.js', 'utf8'), true)).toEqual([]);
  });

  it('accepts what those browsers have: optional chaining, ??, flatMap, named properties that only look alike', () => {
    expect(compat('var a = b?.c ?? d; [1].flatMap(function (x) { return [x]; }); cfg.pool.timeout; o.any; x.at; /(?:a)(?=b)(?!c)/g.test(s);')).toEqual([expect.stringMatching(/^Array\/String\.prototype\.at .* at 1:\d+$/)]);
    expect(compat('var a = b?.c ?? d; [1].flatMap(function (x) { return [x]; }); cfg.pool.timeout; o.any; /(?:a)(?=b)(?!c)/g.test(s);')).toEqual([]);
  });

  it.each([
    ['logical assignment', 'a ||= b;', /syntax newer than ES2020/],
    ['logical assignment ??=', 'a ??= b;', /syntax newer than ES2020/],
    ['numeric separators', 'var n = 1_000;', /syntax newer than ES2020/],
    ['class fields', 'class A { x = 1; }', /syntax newer than ES2020/],
    ['private methods', 'class A { #x() {} }', /syntax newer than ES2020/],
    ['class static blocks', 'class A { static { init(); } }', /syntax newer than ES2020/],
    ['regex flag d', 'var r = /a/d;', /syntax newer than ES2020/],
    ['regex lookbehind', 'var r = /(?<=\\+33)\\d+/;', /lookbehind/],
    ['negative lookbehind in new RegExp', 'var r = new RegExp("(?<!\\\\d)0");', /lookbehind/],
    ['regex named groups', 'var r = /(?<cc>\\d+)/;', /named groups/],
    ['regex Unicode property escapes', 'var r = /\\p{L}/u;', /property escapes/],
    ['regex dotAll flag', 'var r = /a.b/s;', /flag 's'/],
    ['structuredClone', 'var c = structuredClone(o);', /structuredClone/],
    ['Array.prototype.at', 'var x = list.at(-1);', /prototype\.at/],
    ['String.prototype.replaceAll', 's.replaceAll(" ", "");', /replaceAll/],
    ['Object.hasOwn', 'Object.hasOwn(o, "k");', /hasOwn/],
    ['requestIdleCallback', 'requestIdleCallback(f);', /requestIdleCallback/],
    ['window.requestIdleCallback', 'w.requestIdleCallback(f);', /requestIdleCallback/],
    ['findLast', 'a.findLast(f);', /findLast/],
    ['findLastIndex', 'a["findLastIndex"](f);', /findLastIndex/],
    ['AbortSignal.timeout', 'fetch(u, { signal: AbortSignal.timeout(2000) });', /AbortSignal\.timeout/],
    ['Promise.any', 'Promise.any([a, b]);', /Promise\.any/],
    ['WeakRef', 'new WeakRef(o);', /WeakRef/],
    ['BigInt literal', 'var n = 10n;', /BigInt/],
    ['crypto.randomUUID', 'crypto.randomUUID();', /randomUUID/],
    ['replaceChildren', 'el.replaceChildren();', /replaceChildren/],
  ])('catches %s', (_what, code, message) => {
    const found = compat(code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(message);
  });
});
