// The collector's embedded store: one append-only JSON-lines file per kind of record in the data
// folder. Appends are synchronous so that an answered request is on disk, and a restart replays
// the files; a torn last line (a crash mid-write) is skipped instead of losing the whole file.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function load(file) {
  let text = '';
  try { text = readFileSync(file, 'utf8'); } catch { return []; }
  const rows = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try { rows.push(JSON.parse(line)); } catch { /* torn line: skip */ }
  }
  return rows;
}

/**
 * `events`: every stored event `{ id, received, site, ...event }` in arrival order.
 * `leases`: every lease grant or renewal `{ at, pool, number, original, visitor, expires, … }`.
 */
export function createStore(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const files = { events: join(dataDir, 'events.jsonl'), leases: join(dataDir, 'leases.jsonl') };
  const events = load(files.events);
  const leases = load(files.leases);
  let lastId = events.reduce((max, e) => Math.max(max, Number(e.id) || 0), 0);

  return {
    events,
    leases,
    /** Stores events received together; returns them with their ids. */
    addEvents(site, list, received = Date.now()) {
      const rows = list.map((e) => ({ id: ++lastId, received, site, ...e }));
      appendFileSync(files.events, rows.map((r) => JSON.stringify(r) + '\n').join(''));
      events.push(...rows);
      return rows;
    },
    addLeases(rows) {
      appendFileSync(files.leases, rows.map((r) => JSON.stringify(r) + '\n').join(''));
      leases.push(...rows);
    },
    /** Events with an id above `since`, oldest first, at most `limit` (the newest ones). */
    eventsSince(since = 0, limit = 500) {
      const found = [];
      for (let i = events.length - 1; i >= 0 && events[i].id > since; i--) found.push(events[i]);
      return found.slice(0, limit).reverse();
    },
  };
}
