import { guard } from './guard';

/** addEventListener, guarded, for each of the space-separated event `types`. */
export const on = (target: any, types: string, fn: (e: any) => unknown): void => {
  for (const t of types.split(' ')) target.addEventListener(t, guard(fn));
};

/**
 * Runs `check` now, at DOMContentLoaded, at load, then at a few growing delays (last one 16 s
 * after start), until it returns something truthy. CMPs that document neither a queue nor a
 * ready event are found this way: cheap, bounded, never an endless poll.
 */
export const when = (w: any, check: () => unknown): void => {
  let done: unknown;
  const t = guard(() => done || (done = check()));
  t();
  on(w.document, 'DOMContentLoaded', t);
  on(w, 'load', t);
  for (let i = 1; i < 9; i++) w.setTimeout(t, i * i * 250);
};

/** Pushes onto a CMP's documented callback queue, creating it if the CMP has not loaded yet. */
export const queue = (w: any, name: string, item: unknown): void => {
  (w[name] = w[name] || []).push(item);
};

/** The common shape: look for the CMP with `when`, and read again on each of its events. */
export const follow = (w: any, read: () => unknown, target: any, types: string): void => {
  when(w, read);
  on(target, types, read);
};
