// What the oldest supported browsers lack: Safari 13.1, Firefox 74 and Chrome 80 (README,
// "Browsers"). compat(code) lists every use in `code` of a syntax or an API newer than those, so
// that the check fails on the shipped file before a visitor's browser does. The syntax is that of
// ES2020 (acorn parses nothing newer); the rest is a list of what those three still lack although
// it is older than ES2021, or what is not syntax at all.
import { parse } from 'acorn';

/** Globals missing in at least one of Safari 13.1, Firefox 74, Chrome 80. */
const GLOBALS = {
  structuredClone: 'structuredClone (Safari 15.4, Firefox 94, Chrome 98)',
  requestIdleCallback: 'requestIdleCallback (no Safari)',
  cancelIdleCallback: 'cancelIdleCallback (no Safari)',
  AggregateError: 'AggregateError (Safari 14, Firefox 79, Chrome 85)',
  WeakRef: 'WeakRef (Safari 14.1, Firefox 79, Chrome 84)',
  FinalizationRegistry: 'FinalizationRegistry (Safari 14.1, Firefox 79, Chrome 84)',
  BigInt: 'BigInt (Safari 14)',
};

/** Methods missing in at least one of them, whatever object they are read from (minified code has no types). */
const METHODS = {
  at: 'Array/String.prototype.at (Safari 15.4, Firefox 90, Chrome 92)',
  replaceAll: 'String.prototype.replaceAll (Firefox 77, Chrome 85)',
  hasOwn: 'Object.hasOwn (Safari 15.4, Firefox 92, Chrome 93)',
  findLast: 'Array.prototype.findLast (Safari 15.4, Firefox 104, Chrome 97)',
  findLastIndex: 'Array.prototype.findLastIndex (Safari 15.4, Firefox 104, Chrome 97)',
  toSorted: 'Array.prototype.toSorted (Safari 16, Firefox 115, Chrome 110)',
  toReversed: 'Array.prototype.toReversed (Safari 16, Firefox 115, Chrome 110)',
  toSpliced: 'Array.prototype.toSpliced (Safari 16, Firefox 115, Chrome 110)',
  replaceChildren: 'Element.replaceChildren (Safari 14, Firefox 78, Chrome 86)',
  withResolvers: 'Promise.withResolvers (Safari 17.4, Firefox 121, Chrome 119)',
  groupBy: 'Object.groupBy (Safari 17.4, Firefox 119, Chrome 117)',
  randomUUID: 'crypto.randomUUID (Safari 15.4, Firefox 95, Chrome 92)',
};

/** Static methods checked with their object, as the name alone is common (`pool.timeout`). */
const STATICS = {
  'AbortSignal.timeout': 'AbortSignal.timeout (Safari 16, Firefox 100, Chrome 103)',
  'AbortSignal.any': 'AbortSignal.any (Safari 17.4, Firefox 124, Chrome 116)',
  'Promise.any': 'Promise.any (Safari 14, Firefox 79, Chrome 85)',
};

/** Regular-expression features missing in at least one of them. */
const REGEXP = [
  [/\(\?<[=!]/, 'regex lookbehind (Safari 16.4, Firefox 78)'],
  [/\(\?<[A-Za-z_$]|\\k</, 'regex named groups (Firefox 78)'],
  [/\\[pP]\{/, 'regex Unicode property escapes (Firefox 78)'],
];
const FLAGS = [[/s/, "regex flag 's' (Firefox 78)"]];

const name = (node) => (node.type === 'Identifier' ? node.name : node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined);

/**
 * @param {string} code
 * @param {boolean} [module] parse as an ES module (dist/mgt.esm.js)
 * @returns {string[]} one line per finding: what, where, and the versions that have it
 */
export function compat(code, module = false) {
  const found = [];
  let ast;
  try {
    ast = parse(code, { ecmaVersion: 2020, sourceType: module ? 'module' : 'script', locations: true });
  } catch (e) {
    return [`syntax newer than ES2020 (Safari 13.1, Firefox 74, Chrome 80): ${e.message}`];
  }
  const at = (node) => `${node.loc.start.line}:${node.loc.start.column}`;
  const regexp = (pattern, flags, node) => {
    for (const [re, what] of REGEXP) if (re.test(pattern)) found.push(`${what} at ${at(node)}`);
    for (const [re, what] of FLAGS) if (re.test(flags)) found.push(`${what} at ${at(node)}`);
  };
  const visit = (node, parent) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier' && Object.prototype.hasOwnProperty.call(GLOBALS, node.name)
      && !(parent && parent.type === 'MemberExpression' && parent.property === node && !parent.computed)) {
      found.push(`${GLOBALS[node.name]} at ${at(node)}`);
    }
    if (node.type === 'MemberExpression') {
      const prop = node.computed ? name(node.property) : node.property.name;
      if (prop && Object.prototype.hasOwnProperty.call(METHODS, prop)) found.push(`${METHODS[prop]} at ${at(node)}`);
      // window.requestIdleCallback, w.structuredClone: globals read from the window object
      if (prop && Object.prototype.hasOwnProperty.call(GLOBALS, prop)) found.push(`${GLOBALS[prop]} at ${at(node)}`);
      const full = node.object.type === 'Identifier' && prop ? `${node.object.name}.${prop}` : '';
      if (STATICS[full]) found.push(`${STATICS[full]} at ${at(node)}`);
    }
    if (node.type === 'Literal' && node.bigint !== undefined) found.push(`BigInt literal (Safari 14) at ${at(node)}`);
    if (node.type === 'Literal' && node.regex) regexp(node.regex.pattern, node.regex.flags, node);
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && name(node.callee) === 'RegExp' && node.arguments[0]?.type === 'Literal') {
      regexp(String(node.arguments[0].value), node.arguments[1]?.type === 'Literal' ? String(node.arguments[1].value) : '', node);
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) for (const c of child) visit(c, node);
      else if (child && typeof child === 'object' && key !== 'loc') visit(child, node);
    }
  };
  visit(ast);
  return found;
}
