// Builds the three shipped files from src/:
//   dist/mgt.js      minified IIFE for a <script> tag (defines window.mgt)
//   dist/mgt.esm.js  ES module for bundlers
//   dist/mgt.d.ts    public types, copied from src/types.ts (a declarations-only file)
// MGT_OUT_DIR redirects the output: scripts/check-dist.mjs builds into a scratch folder and
// compares it with the committed dist/, byte for byte.
//
// Property mangling: every property whose name starts with "_" is internal and renamed by terser;
// public names (config fields, commands, event fields, stored JSON keys) never start with "_".
// Third-party globals that start with "_" (`__tcfapi`, `__ucCmp`, `_axcb`: CMP APIs the adapters
// call; `__vue_app__`, `__next_f`: framework marks hydration.ts reads) are reserved, never renamed.
import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const out = process.env.MGT_OUT_DIR || 'dist';
const banner = `/*! mgt ${pkg.version} | consent-aware call tracking | MIT */`;

const minify = terser({
  ecma: 2020,
  // passes: 4 is 9 B smaller than 3; more passes change nothing (December 2026).
  // unsafe_methods stays off: it rewrites `{ f: (x) => x == 1 }` as the longer `{ f(x) { return x == 1 } }`
  // (tables of checks such as storage/session.ts's; 6 B gzip more when it was on).
  compress: { passes: 4, pure_getters: true, unsafe_arrows: true, unsafe_proto: true, unsafe: true },
  mangle: { properties: { regex: /^_/, reserved: ['__tcfapi', '__ucCmp', '_axcb', '__vue_app__', '__next_f'] } },
  format: { comments: /^!|^# allFunctionsCalledOnLoad$/ },
});

const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: false, outputToFilesystem: false, compilerOptions: { noEmit: false, declaration: false, types: [] } });

/** Emits src/types.ts as dist/mgt.d.ts: that file holds declarations only, so it is valid as is. */
const declarations = () => ({
  name: 'mgt-declarations',
  generateBundle() {
    const src = readFileSync(new URL('./src/types.ts', import.meta.url), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'mgt.d.ts', source: `// mgt ${pkg.version}: public types\n${src}` });
  },
});

/**
 * The framework helpers (src/helpers/): separate ES modules, not minified (the site's bundler
 * does that and drops what it does not use), react and vue left to the site. Their declarations
 * are written by hand next to them (src/helpers/types/) and copied.
 */
const helperTypes = () => ({
  name: 'mgt-helper-declarations',
  generateBundle() {
    for (const name of ['react', 'vue', 'element']) {
      const src = readFileSync(new URL(`./src/helpers/types/${name}.d.ts`, import.meta.url), 'utf8');
      this.emitFile({ type: 'asset', fileName: `${name}.d.ts`, source: `// mgt ${pkg.version}: mgt-call-tracking/${name}\n${src}` });
    }
  },
});

const helpersTs = () => typescript({ tsconfig: './tsconfig.json', include: ['src/helpers/*.ts'], noEmitOnError: false, outputToFilesystem: false, compilerOptions: { noEmit: false, declaration: false, types: [] } });

export default [
  {
    input: 'src/index.ts',
    // V8's explicit compile hint: compile every function with the script (off the main thread
    // while it downloads) instead of each on its first call. Measured on the cold 1k/5 page
    // (docs/performance.md): about −15 % main-thread CPU, for about +30 KB of heap after load.
    // Other engines ignore the comment.
    output: { file: `${out}/mgt.js`, format: 'iife', banner: '//# allFunctionsCalledOnLoad\n' + banner, plugins: [minify] },
    plugins: [resolve(), ts()],
  },
  {
    input: 'src/esm.ts',
    output: { dir: out, entryFileNames: 'mgt.esm.js', format: 'es', banner },
    plugins: [resolve(), ts(), declarations()],
  },
  {
    input: { react: 'src/helpers/react.ts', vue: 'src/helpers/vue.ts', element: 'src/helpers/element.ts' },
    external: ['react', 'vue'],
    output: { dir: out, format: 'es', banner, entryFileNames: '[name].js', chunkFileNames: 'helpers-[name].js' },
    plugins: [helpersTs(), helperTypes()],
  },
];
