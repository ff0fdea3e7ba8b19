// Shared by the adapter tests: a bare fake window (EventTarget window and document, timers from
// vitest's fake clock), the CMP stand-ins of test/e2e/pages/cmp/ run inside it, and a recorder
// of the signals startAdapters emits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { startAdapters } from '../../../src/consent/adapters/index';
import type { ConsentConfig } from '../../../src/types';

export type Signal = [granted: boolean, source: string];

export function fakeWindow(): any {
  const w: any = new EventTarget();
  w.document = new EventTarget();
  // As in a browser, an event dispatched at the document reaches the window (where the adapters
  // listen, capturing); nothing here listens at the document itself.
  w.document.dispatchEvent = (e: Event) => w.dispatchEvent(e);
  w.setTimeout = (f: () => void, ms?: number) => setTimeout(f, ms);
  return w;
}

const FAKES = join(__dirname, '..', '..', 'e2e', 'pages', 'cmp');

/** Runs test/e2e/pages/cmp/fake-<name>.js in `w`, optionally as a returning visitor (`state`). */
export function loadFake(w: any, name: string, state?: unknown): void {
  if (state !== undefined) w.fakeState = state;
  const src = readFileSync(join(FAKES, `fake-${name}.js`), 'utf8');
  new Function('window', src)(w);
}

export function start(w: any, cfg: ConsentConfig = {}): Signal[] {
  const got: Signal[] = [];
  startAdapters(cfg, (granted, source) => got.push([granted, source]), w);
  return got;
}

/** Lets timers and promise callbacks (Usercentrics, Piwik PRO) run. */
export const settle = (ms = 0): Promise<void> => vi.advanceTimersByTimeAsync(ms).then(() => undefined);

export const last = (got: Signal[]): Signal | undefined => got[got.length - 1];
