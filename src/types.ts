// Public types of mgt. This file holds declarations only: the build ships it as dist/mgt.d.ts.

/** What the module does with visitors, from "swap only" to "record every page" (SPEC 6.1). */
export type Mode = 'invisible' | 'rotation' | 'origin' | 'traffic' | 'journey';

/** How the visitor arrived (SPEC 6.2). */
export type Source = 'paid' | 'organic' | 'social' | 'email' | 'referral' | 'campaign' | 'direct';

export type ConsentState = 'unknown' | 'granted' | 'denied';

export type CmpName = 'tcf' | 'didomi' | 'axeptio' | 'tarteaucitron' | 'klaro' | 'cookieconsent' | 'onetrust'
  | 'cookiebot' | 'usercentrics' | 'piwikpro' | 'cookieyes' | 'complianz' | 'gcm';

export interface Condition {
  /** Stored as `mgt_session.condition` and sent with events. */
  id: string;
  /** Matches when the visit's source is one of these. */
  source?: Source | Source[];
  /** Matches when the referrer host ends with one of these ('google.fr', 'facebook.com'). */
  referrer?: string | string[];
  /** Landing URL parameters: `true` = present; a string = equal, case-insensitive. */
  params?: Record<string, string | true>;
  /** Entry page path pattern; `*` matches any run of characters. */
  landing?: string | string[];
  /** Current page path pattern: the condition applies only on those pages. */
  page?: string | string[];
  /** Source-level mapping original -> tracked. */
  numbers?: Record<string, string>;
  /** Visitor-level numbers leased from `${endpoint}/lease` (SPEC 9.3). */
  pool?: string;
}

export interface CustomId {
  name: string;
  from: 'cookie' | 'url' | 'localStorage' | 'window';
  /** Cookie name, URL parameter, localStorage key, or a window path such as `dataLayer.0.userType`. */
  key: string;
}

export interface ConsentConfig {
  /** rotation only: `false` lets rotation store before consent (until a denial). Default true. */
  required?: boolean;
  /** Which CMP adapters listen. Default 'auto': every adapter whose CMP is on the page. */
  cmp?: 'auto' | 'none' | CmpName | CmpName[];
  /** Honour Global Privacy Control as an initial denial. Default true. */
  gpc?: boolean;
  /** IAB TCF: purposes required (default [1]) and, when set, our vendor id. */
  tcf?: { vendorId?: number; purposes?: number[] };
  /** Didomi custom vendor id, e.g. 'c:mgt-AbCdEf12'. */
  didomi?: string;
  /** Axeptio vendor name, default 'mgt'. */
  axeptio?: string;
  /** tarteaucitron service key, default 'mgt'. */
  tarteaucitron?: string;
  /** Klaro service name, default 'mgt'. */
  klaro?: string;
  /** orestbida cookieconsent v3 category, default 'analytics'. */
  cookieconsent?: string;
  /** OneTrust group id, default 'C0002'. */
  onetrust?: string;
  /** Cookiebot category, default 'statistics'. */
  cookiebot?: string;
  /** Usercentrics service name or id, default 'mgt'. */
  usercentrics?: string;
  /** Piwik PRO consent type, default 'analytics'. */
  piwikpro?: string;
  /** CookieYes category, default 'analytics'. */
  cookieyes?: string;
  /** Complianz category, default 'statistics'. */
  complianz?: string;
  /** Google Consent Mode type to follow, e.g. 'analytics_storage'; default false (not followed). */
  gcm?: string | false;
}

export interface Config {
  mode: Mode;
  /** Site key sent with every event and lease. */
  site?: string;
  /** Collector base URL; required by origin, traffic, journey and pools. */
  endpoint?: string;
  /** ISO 3166-1 alpha-2 country of the numbers' national format; default 'FR'. */
  country?: string;
  /** Default mapping original -> tracked, used when no condition matches. */
  numbers?: Record<string, string>;
  /** Ordered; the first that matches wins. */
  conditions?: Condition[];
  /** Which visit's attribution is kept; default 'first_entry'. */
  entry?: 'first_entry' | 'last_entry';
  /** Cookieless mode: 'fallback' (default) without consent, 'always', or 'off'. */
  probabilistic?: 'fallback' | 'always' | 'off';
  consent?: ConsentConfig;
  /** `days` 1..395, default 30; `domain` to share the cookie across subdomains. */
  cookie?: { days?: number; domain?: string };
  /** Minutes of inactivity that end a visit; default 30. */
  session?: { timeout?: number };
  trackingIds?: { defaults?: boolean; custom?: CustomId[] };
  /** Milliseconds to wait for a leased number; default 2000. */
  pool?: { timeout?: number };
  /** Extra URL parameters kept in stored and sent URLs. */
  urlParams?: string[];
  /** CSS selector of subtrees never swapped (besides `[data-mgt-ignore]`). */
  ignore?: string;
  /** Count history.pushState/replaceState/popstate as page views; default false. */
  spa?: boolean;
  /** Explain every decision in the console; also `?mgt_debug=1`. */
  debug?: boolean;
}

/** Read-only snapshot returned by `mgt('state')`. */
export interface State {
  mode: Mode;
  consent: ConsentState;
  /** true when the module may store (cookie + localStorage) on this device now. */
  persistent: boolean;
  source: Source;
  /** Id of the matching condition, or null when the default numbers apply. */
  condition: string | null;
  /** The kept landing URL (redacted as in SPEC 9.2; a path only when cookieless). */
  landing: string;
  /** The kept referrer: the referring site's origin, or 'direct'. */
  referrer: string;
  /** The numbers swapped on this page: original -> tracked. */
  numbers: Record<string, string>;
  /** The visitor ID, only while consent allows storage. */
  visitor?: string;
  /** With debug on: each decision of this page explained in one sentence (the ones the console prints). */
  why?: Why;
}

/** Plain-English explanations of the decisions, for site owners (debug mode). */
export interface Why {
  /** How the traffic source was decided: 'Source: paid — the landing URL has a gclid click ID.' */
  source: string;
  /** Which condition matched, or what each one needed. */
  condition: string;
  /** New visit or same visit, and why. */
  visit: string;
  /** The numbers shown and where they come from. */
  numbers: string;
  /** What is stored on the device, and why (or why not). */
  storage: string;
  /** What is sent, held for the consent decision, or not sent. */
  events: string;
}

export interface SwapEvent {
  /** The number as it was written in the page. */
  original: string;
  /** What it was replaced with. */
  tracked: string;
  /** The text node or element whose text or attribute changed. */
  node: Node;
}

export interface ConsentEvent {
  state: ConsentState;
  source: 'command' | 'gpc' | CmpName;
}

export interface EventMap {
  ready: State;
  swap: SwapEvent;
  consent: ConsentEvent;
  /**
   * The mapping shown now, original -> tracked (as in `state().numbers`): told at once when the
   * first decision was made already, then whenever it changes (a lease answer, a consent change,
   * a page view), `{}` after `restore`, and the mapping again after `swap`.
   */
  numbers: Readonly<Record<string, string>>;
}

/** The one command function, `window.mgt` (SPEC 4). It never throws. */
export interface Mgt {
  (command: 'init', config: Config): void;
  /** `source`: the CMP that reports the choice, named in the `consent` event (anything else: 'command'). */
  (command: 'consent', state: 'granted' | 'denied' | boolean, source?: CmpName): void;
  (command: 'swap', root?: Node): void;
  (command: 'restore'): void;
  (command: 'pageview', url?: string): void;
  <K extends keyof EventMap>(command: 'on', event: K, callback: (payload: EventMap[K]) => void): void;
  (command: 'state'): State | undefined;
  /**
   * `text` as the page shows it now: every configured original in it replaced by its tracked
   * number, written as the swap writes it; `text` itself before the first decision, after
   * `restore`, or when nothing applies. For code that renders a number itself (the helpers).
   */
  (command: 'number', text: string): string;
  /** Calls queued by the snippet before the script loaded. */
  q?: ArrayLike<unknown>[];
}

/** The same command function as `window.mgt`. */
export declare const mgt: Mgt;

/** Validates a config the way `mgt('init')` does: the error message (naming the field), or '' when valid. */
export declare function validate(config: unknown): string;

declare global {
  interface Window {
    mgt: Mgt;
  }
}
