// The config resolved once (issue 9): `mgt('init')` validates a copy of the page's config
// (config.ts), then resolves it here into the settings every module reads. Every default is applied
// here and nowhere else, and every field is an own property, so nothing downstream ever falls back
// to a default of its own or reads a name inherited from a polluted Object.prototype.
import type { Condition, Config, ConsentConfig, CustomId, Mode } from './types';
import { e164, parsePhone } from './swap/phone';

export type Numbers = Record<string, string>;

/** The modes (SPEC 6.1), in the order that makes the last three the collecting ones. */
export const MODES: Mode[] = ['invisible', 'rotation', 'origin', 'traffic', 'journey'];

export interface Settings {
  _mode: Mode;
  _site?: string;
  /** Collector base URL; set in the collecting modes only. */
  _endpoint: string;
  /** origin, traffic or journey: the modes that send events (SPEC 6.1). */
  _collecting: boolean;
  /** Upper-case ISO code of the numbers' country. */
  _country: string;
  /** The default numbers, original -> tracked. */
  _numbers: Numbers;
  /** Conditions as validated: objects without prototype, so a field not set is undefined. */
  _conditions: Condition[];
  _entry: 'first_entry' | 'last_entry';
  _probabilistic: 'fallback' | 'always' | 'off';
  /** The consent section as given, for the CMP adapters (they hold their own defaults). */
  _consent: ConsentConfig;
  /** rotation may store before consent (SPEC 7). */
  _consentFree: boolean;
  _gpc: boolean;
  _days: number;
  _domain?: string;
  /** Minutes of inactivity that end a visit. */
  _timeout: number;
  _defaultIds: boolean;
  _customIds: CustomId[];
  _leaseTimeout: number;
  _urlParams: string[];
  _ignore?: string;
  _spa: boolean;
  _debug: boolean;
  /**
   * E.164 of every original of the config: a number from storage or the endpoint that is one of
   * them never reaches the page. Filled by config.ts, which parses every number as it checks it.
   */
  _originals: Record<string, 1>;
}

/**
 * `c` is the copy of the config as config.ts checked it: own data properties only, in objects
 * without prototype, so a section or field not set reads undefined and takes its default here.
 */
export function resolveSettings(c: Config, search: string): Settings {
  const { mode, consent = {} } = c;
  return {
    _mode: mode,
    _site: c.site,
    _collecting: MODES.indexOf(mode) > 1,
    _endpoint: c.endpoint || '',
    _country: (c.country || 'FR').toUpperCase(),
    _numbers: c.numbers || {},
    _conditions: c.conditions || [],
    _entry: c.entry || 'first_entry',
    _probabilistic: c.probabilistic || 'fallback',
    _consent: consent,
    _consentFree: mode == 'rotation' && consent.required === false,
    _gpc: consent.gpc !== false,
    _days: c.cookie?.days || 30,
    _domain: c.cookie?.domain,
    _timeout: c.session?.timeout || 30,
    _defaultIds: c.trackingIds?.defaults !== false,
    _customIds: c.trackingIds?.custom || [],
    _leaseTimeout: c.pool?.timeout ?? 2000,
    _urlParams: c.urlParams || [],
    _ignore: c.ignore,
    _spa: !!c.spa,
    _debug: !!c.debug || new URLSearchParams(search).get('mgt_debug') == '1',
    _originals: {},
  };
}

/** A number from storage or the endpoint reaches the page only if it is a valid phone number of the country that is not an original. */
export function usableNumber(s: Settings, t: unknown): t is string {
  const p = typeof t == 'string' && t.length <= 40 && parsePhone(t, s._country);
  return !!p && !s._originals[e164(p)];
}
