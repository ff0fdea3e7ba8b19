import { log } from './log';

/**
 * `f`, guarded: whatever it throws stays here (a CMP, a page's hostile value or a failing listener
 * must never throw into the page nor stop the rest), printed in debug mode after `why` when given.
 */
export const guard = <F extends (...a: any[]) => any>(f: F, why?: string): F =>
  ((...a: any[]) => {
    try {
      return f(...a);
    } catch (x) {
      if (why) log(why, x);
    }
  }) as F;
