// @vitest-environment jsdom
// install(): takes over the snippet's stub once, replays its queue, and is not fooled by a page
// whose scripts add enumerable properties to Object.prototype (issue 14, point 6).
import { afterEach, describe, expect, it } from 'vitest';
import { install } from '../../src/install';

const stub = (w: any) => {
  w.mgt = function () {
    (w.mgt.q = w.mgt.q || []).push(arguments);
  };
  return w.mgt;
};

describe('install', () => {
  afterEach(() => {
    delete (Object.prototype as any).v;
    delete (Object.prototype as any).q;
    delete (window as any).mgt;
  });

  it('replaces the stub and replays its queue', () => {
    const s = stub(window);
    s('init', { mode: 'invisible', numbers: {} });
    const mgt = install(window);
    expect(window.mgt).toBe(mgt);
    expect(mgt).not.toBe(s);
    expect(mgt('state')).toMatchObject({ mode: 'invisible' });
  });

  it('a second copy leaves the running instance alone', () => {
    stub(window);
    const first = install(window);
    expect(install(window)).toBe(first);
  });

  it('an inherited `v` does not make the stub look like a running instance', () => {
    const s = stub(window);
    s('init', { mode: 'invisible', numbers: {} });
    (Object.prototype as any).v = 1;
    const mgt = install(window);
    expect(mgt).not.toBe(s);
    expect(mgt('state')).toMatchObject({ mode: 'invisible' });
  });

  it('an inherited `q`, or garbage in the queue, is not replayed and throws nothing', () => {
    (Object.prototype as any).q = 'p';
    stub(window);
    expect(() => install(window)).not.toThrow();
    delete (Object.prototype as any).q;
    delete (window as any).mgt;
    const s = stub(window);
    s.q = [1, 'x', null];
    expect(() => install(window)).not.toThrow();
  });
});
