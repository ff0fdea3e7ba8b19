// The demo's own settings (which mode, entry model and consent banner the site runs with). They
// live on the server, in the data folder, so the demo never writes anything on the visitor's
// device besides what mgt and the banner write: the control panel shows that storage as it is.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const MODES = ['invisible', 'rotation', 'origin', 'traffic', 'journey'];
export const ENTRIES = ['first_entry', 'last_entry'];
export const CMPS = ['cookieconsent', 'klaro', 'tarteaucitron'];
export const DEFAULTS = { mode: 'journey', entry: 'first_entry', cmp: 'cookieconsent' };

/** The settings in `input` that are valid, merged over `base`; `{ error }` for a bad value. */
export function mergeSettings(base, input) {
  if (typeof input !== 'object' || input === null) return { error: 'body: must be a JSON object' };
  const next = { ...base };
  const fields = { mode: MODES, entry: ENTRIES, cmp: CMPS };
  for (const [key, value] of Object.entries(input)) {
    if (!fields[key]) return { error: `${key}: unknown setting` };
    if (!fields[key].includes(value)) return { error: `${key}: must be one of ${fields[key].join(', ')}` };
    next[key] = value;
  }
  return { settings: next };
}

export function createSettings(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'settings.json');
  let current = { ...DEFAULTS };
  try { current = mergeSettings(DEFAULTS, JSON.parse(readFileSync(file, 'utf8'))).settings || current; } catch { /* first run */ }

  return {
    get: () => ({ ...current }),
    /** GET -> the settings; POST { mode?, entry?, cmp? } -> the new settings. */
    handle(req, res) {
      const reply = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET') return reply(200, current);
      if (req.method !== 'POST') return reply(405, { error: 'use GET or POST' });
      const chunks = [];
      let size = 0;
      req.on('data', (c) => { size += c.length; if (size <= 4096) chunks.push(c); });
      req.on('end', () => {
        if (size > 4096) return reply(413, { error: 'body too large' });
        let input;
        try { input = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { return reply(400, { error: 'body: not valid JSON' }); }
        const merged = mergeSettings(current, input);
        if (merged.error) return reply(400, { error: merged.error });
        current = merged.settings;
        writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
        reply(200, current);
      });
    },
  };
}
