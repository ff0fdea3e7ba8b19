// Every function a CMP (or a hostile stub) may call back, and every call we make into a CMP, runs
// through guard: a CMP that throws must never throw into the page nor stop the other adapters.
export const guard = <F extends (...a: any[]) => any>(f: F): F =>
  function (this: unknown) {
    try {
      return f.apply(this, arguments as any);
    } catch {
      // a broken or blocked CMP is the same as no CMP: no signal
    }
  } as F;
