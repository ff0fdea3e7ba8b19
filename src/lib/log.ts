// Console output, always prefixed with [mgt]. Debug explanations print only when debug is on
// (config.debug or ?mgt_debug=1); config mistakes and ignored commands print always.
// Printing never throws: a missing console, or a page value whose inspection throws, must not
// turn a log line into an error in the page.

let debugOn = false;

export const setDebug = (on: boolean): void => {
  debugOn = on;
};

const print =
  (level: 'info' | 'warn' | 'error', gated?: 1) =>
  (...args: unknown[]): void => {
    try {
      if (debugOn || !gated) console[level]('[mgt]', ...args);
    } catch {
      /* nowhere to print */
    }
  };

/** Explains a decision; silent unless debug is on. */
export const log = print('info', 1);
export const warn = print('warn');
export const error = print('error');
