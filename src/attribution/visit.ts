// Visits and first/last entry attribution (SPEC 6.3).
import type { Source } from '../types';

/** What mgt_session keeps about how the visitor arrived (stored JSON keys, hence public names). */
export interface Attribution {
  landing: string;
  referrer: string;
  source: Source;
  tracking_ids: Record<string, string>;
}

/**
 * A new visit starts on an arrival from outside, when nothing is stored, or after `timeoutMinutes`
 * of inactivity. A last action in the future (clock change, tampered storage) is trusted only within
 * the same window, so a bogus far-future value cannot keep one visit alive forever.
 */
export function isNewVisit(internal: boolean, lastAction: number | undefined, now: number, timeoutMinutes: number): boolean {
  return !internal || !(Math.abs(now - (lastAction as number)) <= timeoutMinutes * 6e4);
}

/**
 * The attribution to keep when a visit starts. first_entry (the default) keeps the first one ever stored;
 * last_entry takes the newest, except that a direct visit never erases a known source
 * (last non-direct click): typing the URL later should not hide the campaign that brought them.
 */
export function keepAttribution(prev: Attribution | undefined, current: Attribution, entry?: 'first_entry' | 'last_entry'): Attribution {
  return prev && (entry != 'last_entry' || (current.source == 'direct' && prev.source != 'direct')) ? prev : current;
}
