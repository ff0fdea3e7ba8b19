// Fails when the committed dist/ is not exactly what the sources build: a site owner may take
// dist/mgt.js straight from the repository, so it must never lag behind src/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
