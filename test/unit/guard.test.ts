// The one guard (lib/guard.ts): CMP callbacks, click and history listeners run through it, so that
// nothing they throw reaches the page; what it caught is printed in debug mode when it says why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDebug } from '../../src/lib/log';
import { guard } from '../../src/lib/guard';

const boom = () => {
  throw new Error('boom');
};

describe('guard', () => {
  afterEach(() => {
    setDebug(false);
    vi.restoreAllMocks();
  });

  it('passes the arguments and returns the result', () => {
    expect(guard((a: number, b: number) => a + b)(2, 3)).toBe(5);
  });

  it('never throws, and says why in debug mode only when given a reason', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(guard(boom, 'call not tracked:')()).toBeUndefined();
    expect(info).not.toHaveBeenCalled();
    setDebug(true);
    expect(() => guard(boom)()).not.toThrow();
    expect(info).not.toHaveBeenCalled();
    guard(boom, 'call not tracked:')();
    expect(info).toHaveBeenCalledOnce();
    expect(info.mock.calls[0].slice(0, 2)).toEqual(['[mgt]', 'call not tracked:']);
  });
});
