// Entry of dist/mgt.esm.js: the same command function as window.mgt (one instance per page,
// shared with a script tag if the site also has one), and the config validator the
// configurator uses. Importing it on a server (no window) yields a function that does nothing.
import { install } from './install';
import type { Mgt } from './types';

export { validate } from './config';

export const mgt: Mgt = typeof window === 'object' ? install(window) : ((() => undefined) as unknown as Mgt);
