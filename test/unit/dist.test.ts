// The shipped file, as a site owner pastes it: SPEC 2's promises that a grep can check.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const js = readFileSync('dist/mgt.js', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('dist/mgt.js', () => {
  it('starts with a version banner, after V8\'s compile hint (rollup.config.mjs)', () => {
    expect(js.startsWith(`//# allFunctionsCalledOnLoad\n/*! mgt ${pkg.version} `)).toBe(true);
  });

  it.each(['eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', '.style', 'cssText', 'setTimeout("', 'importScripts'])(
    'never uses %s (strict CSP and Trusted Types)',
    (token) => expect(js).not.toContain(token),
  );

  it('touches no storage but mgt_visitor and mgt_session', () => {
    expect(js).not.toMatch(/sessionStorage|indexedDB|caches\.|openDatabase/);
    expect(js).not.toMatch(/\b(canvas|getContext|WebGL|AudioContext|plugins|getBattery)\b/);
  });

  it('is an IIFE that defines nothing global but window.mgt', () => {
    expect(js).toMatch(/^\/\/# allFunctionsCalledOnLoad\n\/\*![^*]*\*\/\n?!function\(\)\{/);
  });
});
