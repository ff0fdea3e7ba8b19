// Every function a CMP (or a hostile stub) may call back, and every call we make into a CMP, runs
// through guard: a CMP that throws must never throw into the page nor stop the other adapters.
// A broken or blocked CMP is the same as no CMP: no signal.
export const guard = <F extends (...a: any[]) => any>(f: F): F =>
  ((...a: any[]) => {
    try {
      return f(...a);
    } catch {}
  }) as F;

// '_' built at run time: terser renames every property starting with '_' (rollup.config.mjs), and
// some CMP globals do (`__tcfapi`, `__ucCmp`, `_axcb`).
export const U = '_'.repeat(1);

/** Pushes onto a CMP's documented callback queue, creating it if the CMP has not loaded yet; 1. */
export const queue = (w: any, name: string, item: unknown): 1 => ((w[name] = w[name] || []).push(item), 1);
