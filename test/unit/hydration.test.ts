// @vitest-environment jsdom
// hydration.ts: a server-rendered root waits until its framework has hydrated it, then is swapped
// once; the anti-flicker class stays while a root waits.
import { describe, expect, it, vi } from 'vitest';
import { watchHydration, WAITING } from '../../src/hydration';

function setup(body: string) {
  document.documentElement.className = 'mgt-hide';
  document.body.innerHTML = body;
  const frames: FrameRequestCallback[] = [];
  const w = { document, requestAnimationFrame: (f: FrameRequestCallback) => frames.push(f) } as unknown as Window;
  const swapped: Element[] = [];
  const debug = vi.fn();
  const unhide = watchHydration(w, (root) => swapped.push(root), debug, () => {});
  const frame = () => frames.splice(0).forEach((f) => f(0));
  return { swapped, unhide, frame, debug };
}

describe('watchHydration', () => {
  it('waits for React: the container key set by hydrateRoot is not enough, a fiber key on its element is', () => {
    const { swapped, unhide, frame } = setup('<div id="__next"><p>01 23 45 67 89</p></div>');
    const root = document.getElementById('__next')!;
    unhide();
    expect(document.documentElement.className).toBe('mgt-hide');
    (root as any).__reactContainer$abc = {};
    frame();
    expect(swapped).toEqual([]);
    expect(root.matches(WAITING)).toBe(true);
    (root.firstElementChild as any).__reactFiber$abc = {};
    frame();
    expect(swapped).toEqual([root]);
    expect(root.matches(WAITING)).toBe(false);
    expect(document.documentElement.className).toBe('');
    frame();
    expect(swapped).toEqual([root]);
  });

  it('waits for Vue: __vue_app__ on the container', () => {
    const { swapped, frame } = setup('<div id="__nuxt"><p>x</p></div><div data-mgt-hydrate><p>y</p></div>');
    const nuxt = document.getElementById('__nuxt')!;
    (nuxt as any)['__vue_app__'] = {};
    frame();
    expect(swapped).toEqual([nuxt]);
    expect(document.querySelectorAll(WAITING).length).toBe(1);
  });

  it('a page without roots: nothing waits, mgt-hide goes at the decision', () => {
    const { swapped, unhide, debug } = setup('<p>01 23 45 67 89</p>');
    expect(document.documentElement.className).toBe('mgt-hide');
    unhide();
    expect(document.documentElement.className).toBe('');
    expect(swapped).toEqual([]);
    expect(debug).not.toHaveBeenCalled();
  });
});
