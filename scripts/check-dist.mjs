// Fails when the committed dist/ is not exactly what the sources build: a site owner may take
// dist/mgt.js straight from the repository, so it must never lag behind src/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The size budget for the whole product (issue 9): dist/mgt.js gzipped at level 9, as `gzip -9`.
const BUDGET = 12800;
// Not met: the merged work of December 2026 (core redesign, swap integrity, framework hydration)
// measures 14,774 B, and two size passes over every area found about 420 B, taken back by integrity
// fixes and the tracker's split. Until the budget is met or changed (issue 9 stays open), this check
// fails on any growth above CEILING and says by how much the budget is missed; `npm run bench`
// fails on BUDGET itself. CEILING moved from 14,700 to 14,800 B on 2026-12-05 for the tracker's
// split by responsibility (+76 B, issue 9 §4) and the copy rule of issue 14 (+27 B), and back to
// 14,600 B the same evening, after a design pass on every area brought the file to 14,514 B; to
// 14,650 B late that evening for the cold first page's cuts of issue 11 (+60 B: the parser's records
// read by index, 1.9 ms of a 1k page's 24; the storage listener deferred; 12 regex compiles fewer).
const CEILING = 14650;

/** The size `gzip -9 -c file | wc -c` prints; zlib (a few dozen bytes more) where gzip is missing. */
const gzipSize = (file) => {
  try {
    return execFileSync('gzip', ['-9', '-c', file]).length;
  } catch {
    return gzipSync(readFileSync(file), { level: 9 }).length;
  }
};

const scratch = mkdtempSync(join(tmpdir(), 'mgt-dist-'));
try {
  execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'], {
    env: { ...process.env, MGT_OUT_DIR: scratch },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const built = readdirSync(scratch).sort();
  const committed = readdirSync('dist').sort();
  const stale = built.filter((f) => !committed.includes(f) || !readFileSync(join(scratch, f)).equals(readFileSync(join('dist', f))));
  const extra = committed.filter((f) => !built.includes(f));
  if (stale.length || extra.length) {
    console.error(`dist/ is not what the sources build: ${[...stale, ...extra].join(', ')}. Run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log(`dist/ matches the sources (${built.join(', ')}).`);
  const size = gzipSize('dist/mgt.js');
  if (size > CEILING) {
    console.error(`dist/mgt.js is ${size} B gzip -9: it grew above ${CEILING} B, and is over the ${BUDGET} B budget by ${size - BUDGET} B.`);
    process.exit(1);
  }
  if (size > BUDGET) console.warn(`dist/mgt.js: ${size} B gzip -9, OVER THE ${BUDGET} B BUDGET by ${size - BUDGET} B (not met yet: issue 9; no growth allowed above ${CEILING} B).`);
  else console.log(`dist/mgt.js: ${size} B gzip -9 (budget ${BUDGET} B, ${BUDGET - size} B left).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
