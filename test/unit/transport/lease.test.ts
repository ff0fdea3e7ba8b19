// Pool leases (transport/lease.ts): the timeout timer is cleared once the collector answers, so
// nothing is left pending on the page (issue 9 §4).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lease } from '../../../src/transport/lease';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const answer = (body: unknown, ok = true) => vi.fn(async () => ({ ok, json: async () => body }));

describe('lease', () => {
  it('resolves to the lease and leaves no timer behind', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', answer({ numbers: { a: '09 70 00 00 01' }, ttl: 90000 }));
    const got = await lease('https://c.example', { pool: 'p' }, 2000);
    expect(got).toEqual({ numbers: { a: '09 70 00 00 01' }, ttl: 86400 });
    expect(vi.getTimerCount()).toBe(0);
  });
  it('resolves to undefined on an answer that is not a lease, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', answer({ numbers: 'x' }));
    expect(await lease('https://c.example', {}, 2000)).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
  it.each([['a missing ttl', undefined], ['a ttl of 0', 0], ['a negative ttl', -5], ['a ttl that is text', 'soon'], ['a ttl that is a number written as text', '60'], ['a ttl that is an object', {}], ['a null ttl', null]])(
    'resolves to undefined on %s',
    async (_, ttl) => {
      vi.stubGlobal('fetch', answer({ numbers: { a: '09 70 00 00 01' }, ttl }));
      expect(await lease('https://c.example', {}, 2000)).toBeUndefined();
    },
  );
  it('resolves to undefined after the timeout when the collector hangs', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
    const p = lease('https://c.example', {}, 2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await p).toBeUndefined();
  });
  it('never rejects, even when fetch throws at once', async () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('blocked');
    });
    expect(await lease('https://c.example', {}, 10)).toBeUndefined();
  });
});
