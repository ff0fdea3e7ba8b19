// @vitest-environment jsdom
// The consent state (consent/state.ts): where a grant, a denial and another tab's withdrawal are
// decided, and the one place that says whether the page is `persistent` (storage allowed and
// mgt_visitor present), with what follows from it: tracking IDs, muted or waiting events.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/consent/state';
import { why } from '../../src/why';
import { loadConfig } from '../../src/config';
import type { Settings } from '../../src/settings';
import type { Config } from '../../src/types';

const settings = (over: Partial<Config>) => loadConfig({ numbers: { '01 23 45 67 89': '09 70 00 00 01' }, ...over } as Config) as Settings;
const start = (over: Partial<Config>, signals: boolean[] = []) => {
  const lost = vi.fn();
  const c = createConsent(settings(over), window, lost);
  for (const g of signals) c._set(g, 'command');
  c._start();
  return { c, lost };
};
const visitorCookie = () => /(^|; )mgt_visitor=/.test(document.cookie);

afterEach(() => {
  document.cookie = 'mgt_visitor=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  localStorage.clear();
});

describe('createConsent: persistent or not, and what follows', () => {
  it.each([
    // config, signals before start -> persistent, tracking IDs, events muted, events waiting, storage sentence
    ['rotation, consent unknown', { mode: 'rotation' }, [], false, false, false, true, 'Storage: nothing — consent unknown.'],
    ['rotation, granted', { mode: 'rotation' }, [true], true, true, false, false, 'Storage: mgt_visitor and mgt_session — consent granted.'],
    ['rotation without required consent: stores, without tracking IDs', { mode: 'rotation', consent: { required: false } }, [], true, false, false, false, 'Storage: mgt_visitor and mgt_session — consent unknown.'],
    ['rotation without required consent, denied', { mode: 'rotation', consent: { required: false } }, [false], false, false, false, false, 'Storage: nothing — consent denied.'],
    ["probabilistic 'off', consent unknown: muted", { mode: 'rotation', probabilistic: 'off' }, [], false, false, true, false, 'Storage: nothing — consent unknown.'],
    ["probabilistic 'always', granted: never stores", { mode: 'rotation', probabilistic: 'always' }, [true], false, false, false, false, "Storage: nothing — probabilistic 'always'."],
    ['invisible, granted: never stores', { mode: 'invisible' }, [true], false, false, false, false, 'Storage: nothing — invisible mode.'],
  ] as const)('%s', (_name, over, signals, persistent, ids, mute, waiting, sentence) => {
    const { c } = start(over as Partial<Config>, [...signals]);
    expect(c._persistent).toBe(persistent);
    expect(visitorCookie()).toBe(persistent);
    expect(!!c._visitor).toBe(persistent);
    expect(c._withIds()).toBe(ids);
    expect(c._mute()).toBe(mute);
    expect(c._waiting()).toBe(waiting);
    c._explain();
    expect(why.storage).toBe(sentence);
  });

  it('a repeated signal is a no-op; a denial erases the visitor at once', () => {
    const { c } = start({ mode: 'rotation' }, [true]);
    expect(c._set(true, 'command')).toBe(false);
    expect(c._created).toBe(true);
    expect(c._set(false, 'command')).toBe(true);
    expect(c._persistent).toBe(false);
    expect(c._visitor).toBeUndefined();
    expect(visitorCookie()).toBe(false);
  });

  it('another tab withdrew consent (mgt_visitor and mgt_session gone): not persistent any more, and the page decides again', () => {
    const { c, lost } = start({ mode: 'rotation' }, [true]);
    document.cookie = 'mgt_visitor=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    window.dispatchEvent(new StorageEvent('storage', { key: 'mgt_session', newValue: null }));
    expect(lost).toHaveBeenCalledTimes(1);
    expect(c._persistent).toBe(false);
    c._explain();
    expect(why.storage).toBe('Storage: nothing — mgt_visitor gone.');
  });

  it('listens for other tabs only from the first time the page stores (a storage listener opens the origin\'s storage, 1–2.5 ms on a cold page)', () => {
    const add = vi.spyOn(window, 'addEventListener');
    const storage = () => add.mock.calls.filter(([type]) => type == 'storage').length;
    const { c, lost } = start({ mode: 'rotation' });
    expect(storage()).toBe(0);
    // Another tab's withdrawal means nothing to a page that stores nothing.
    window.dispatchEvent(new StorageEvent('storage', { key: 'mgt_session', newValue: null }));
    expect(lost).not.toHaveBeenCalled();
    c._set(true, 'command');
    expect(c._persistent).toBe(true);
    expect(storage()).toBe(1);
    // Withdrawn and granted again: the same listener, still one.
    c._set(false, 'command');
    c._set(true, 'command');
    document.cookie = 'mgt_visitor=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    window.dispatchEvent(new StorageEvent('storage', { key: 'mgt_session', newValue: null }));
    expect(lost).toHaveBeenCalledTimes(1);
    add.mockRestore();
  });
});
