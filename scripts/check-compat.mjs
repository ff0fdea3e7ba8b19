// Fails when dist/mgt.js uses a syntax or an API that the oldest supported browsers lack (Safari
// 13.1, Firefox 74, Chrome 80): see scripts/compat.mjs for the list.
import { readFileSync } from 'node:fs';
import { compat } from './compat.mjs';

const files = process.argv.slice(2).length ? process.argv.slice(2) : ['dist/mgt.js', 'dist/mgt.esm.js'];
let failed = false;
for (const file of files) {
  const found = compat(readFileSync(file, 'utf8'), file.endsWith('.esm.js'));
  if (found.length) {
    console.error(`${file} needs a newer browser than Safari 13.1 / Firefox 74 / Chrome 80:\n  ${found.join('\n  ')}`);
    failed = true;
  } else console.log(`${file} runs in Safari 13.1, Firefox 74 and Chrome 80 (ES2020, no newer API).`);
}
if (failed) process.exit(1);
