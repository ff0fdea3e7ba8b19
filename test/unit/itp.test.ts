// The Safari ITP note (lib/itp.ts): printed in debug mode in WebKit only, never otherwise.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDebug } from '../../src/lib/log';
import { itpNote } from '../../src/lib/itp';

const nav = (vendor: string) => ({ vendor }) as Navigator;

describe('itpNote', () => {
  afterEach(() => {
    setDebug(false);
    vi.restoreAllMocks();
  });

  it.each([['Apple Computer, Inc.', 1], ['Google Inc.', 0], ['', 0]])('vendor %j, debug on: %i note', (vendor, n) => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    setDebug(true);
    itpNote(nav(vendor));
    expect(info).toHaveBeenCalledTimes(n);
    if (n) expect(info.mock.calls[0].join(' ')).toMatch(/^\[mgt\] Safari ITP: cookie 7 days max, 24 h after ad clicks$/);
  });

  it('says nothing in Safari without debug', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    itpNote(nav('Apple Computer, Inc.'));
    expect(info).not.toHaveBeenCalled();
  });
});
