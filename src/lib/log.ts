// Console output, always prefixed with [mgt]. Debug explanations print only when debug is on
// (config.debug or ?mgt_debug=1); config mistakes and ignored commands print always.

let debugOn = false;

export const setDebug = (on: boolean): void => {
  debugOn = on;
};

export const isDebug = (): boolean => debugOn;

/** Explains a decision; silent unless debug is on. */
export const log = (...args: unknown[]): void => {
  if (debugOn) console.info('[mgt]', ...args);
};

export const warn = (...args: unknown[]): void => {
  console.warn('[mgt]', ...args);
};

export const error = (...args: unknown[]): void => {
  console.error('[mgt]', ...args);
};
