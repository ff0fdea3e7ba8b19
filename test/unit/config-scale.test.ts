// @vitest-environment jsdom
// Config validation grows linearly with the config (issue 14 §7): counted in phone-number
// operations, not in milliseconds, so the result does not depend on the machine's load.
import { describe, expect, it, vi } from 'vitest';

const ops = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/swap/phone', async (importOriginal) => {
  const m: any = await importOriginal();
  const count = (f: (...a: any[]) => any) => (...a: any[]) => {
    ops.n++;
    return f(...a);
  };
  return { ...m, parsePhone: count(m.parsePhone), samePhone: count(m.samePhone) };
});

import { validate } from '../../src/config';

const num = (prefix: string, i: number) => prefix + String(i).padStart(8, '0');

describe('config validation scales linearly', () => {
  it.each([1000, 5000])('%i default numbers: a few phone operations per number', (n) => {
    const numbers: Record<string, string> = {};
    for (let i = 0; i < n; i++) numbers[num('01', i)] = num('09', i);
    ops.n = 0;
    expect(validate({ mode: 'invisible', numbers })).toBe('');
    expect(ops.n).toBeLessThanOrEqual(6 * n);
  });
  it.each([1000, 10000])('%i conditions with numbers: a few phone operations per condition', (n) => {
    const conditions = Array.from({ length: n }, (_, i) => ({ id: 'c' + i, source: 'paid' as const, numbers: { [num('01', i)]: num('09', i) } }));
    ops.n = 0;
    expect(validate({ mode: 'rotation', conditions })).toBe('');
    expect(ops.n).toBeLessThanOrEqual(6 * n);
  });
  it('a tracked number that is also an original is still found', () => {
    expect(validate({ mode: 'invisible', numbers: { [num('01', 1)]: num('09', 1), [num('09', 1)]: num('09', 2) } })).toMatch(/^config\.numbers: no tracked number that is also an original/);
  });
});
