/*! mgt 0.1.0 | consent-aware call tracking | MIT */
// The countries whose numbers mgt recognises. Adding a country is a data change: one line below.
//
// Each row holds, separated by spaces:
//   1. the calling code;
//   2. the trunk prefix dialled before national numbers: '-' when there is none (the national form
//      is the NSN itself, as in Spain or Italy), or 'digits?' when it is optional and never written
//      after the calling code (NANP's '1');
//   3. the valid national significant numbers (NSN), as a regular expression — reasonable, not
//      exhaustive: it only decides which configured numbers are accepted;
//   4. how a number is grouped when it must be written fresh (SPEC 10.2): comma-separated rules
//      `prefix:sizes`, the first whose prefix (a regex) matches the start of the NSN wins, a bare
//      `sizes` matching always; sizes are group lengths, the digits left over make one last group;
//   5. optionally the group separator, a space when absent.
const TABLE = {
    FR: '33 0 [1-9]\\d{8} 12222',
    BE: '32 0 4\\d{8}|[1-9]\\d{7} 4:3222,[2349]:1322,2222',
    CH: '41 0 [1-9]\\d{8} 2322',
    LU: '352 - [2-9]\\d{3,10} 6\\d{8}$:333,2222',
    MC: '377 - [4689]\\d{7}|6\\d{8} 6\\d{8}$:12222,2222',
    DE: '49 0 [1-9]\\d{5,12} 30|40|69|89:2,1[5-7]:3,3',
    ES: '34 - [5-9]\\d{8} 3222',
    IT: '39 - 0\\d{5,10}|3\\d{8,9} 0[26]:24,3:334,3',
    NL: '31 0 [1-9]\\d{8} 6:18,[1-7]0:234,33',
    GB: '44 0 [1-9]\\d{8,9} 2:244,1\\d1|11|[389]:334,46',
    US: '1 1? [2-9]\\d\\d[2-9]\\d{6} 334 -',
};
TABLE.CA = TABLE.US;
const parsed = {};
/** The country of an ISO 3166-1 alpha-2 code, or undefined when mgt does not know it. */
function country(iso) {
    const key = String(iso).toUpperCase();
    const row = TABLE[key];
    if (!row || parsed[key])
        return parsed[key];
    const [cc, trunk, nsn, fmt, sep] = row.split(' ');
    return (parsed[key] = {
        _cc: cc,
        _trunk: trunk.replace(/\D/g, ''),
        _opt: trunk.indexOf('?') > 0,
        _nsn: new RegExp(`^(?:${nsn})$`),
        _fmt: fmt.split(','),
        _sep: sep || ' ',
    });
}
/** The country of a calling code ('1' gives the NANP row), or undefined. */
function countryOfCode(cc) {
    for (const iso in TABLE)
        if (!TABLE[iso].indexOf(cc + ' '))
            return country(iso);
    return undefined;
}

// Pure phone number parsing and writing for the countries of countries.ts.
/** Characters people put between the digits of a phone number (SPEC 10.1). */
const SEPARATORS = '\\s.\\-/()\\u2010-\\u2015';
const STRIP = new RegExp(`[${SEPARATORS}]`, 'g');
/**
 * Reads a number written in any usual form, national for `iso` ('01 23 45 67 89') or international
 * for any known country ('+33 (0)1 23 45 67 89', '0033 1 23…'). Undefined when it is not a valid
 * number: config validation relies on this to reject a tracked number that could not be dialled.
 */
function parsePhone(text, iso) {
    // Remembered: config validation compares every tracked number with every original.
    let hit = known.get(text);
    if (!hit || hit[0] !== iso)
        known.set(text, (hit = [iso, parse(String(text), iso)]));
    return hit[1];
}
/** parsePhone's last answer for each text (the numbers of a config, a few dialled ones). */
const known = new Map();
function parse(text, iso) {
    const m = /^(\+|00)?(\d+)$/.exec(text.replace(STRIP, ''));
    if (!m)
        return undefined;
    let d = m[2];
    let k = m[1] ? undefined : country(iso);
    if (m[1]) {
        for (let n = 1; n < 4 && !k; n++)
            k = countryOfCode(d.slice(0, n));
        if (!k)
            return undefined;
        d = d.slice(k._cc.length);
        // '+33 (0)1 23…' and the common mistake '+33 01 23…' both carry the trunk after the code.
        if (k._trunk && !k._opt && !d.indexOf(k._trunk) && !k._nsn.test(d))
            d = d.slice(k._trunk.length);
    }
    else if (k && k._trunk) {
        if (!d.indexOf(k._trunk))
            d = d.slice(k._trunk.length);
        else if (!k._opt)
            return undefined;
    }
    return k && k._nsn.test(d) ? { _cc: k._cc, _nsn: d } : undefined;
}
/** E.164, the form numbers are sent in: '+33970000001'. */
/** Whether two written numbers are the same phone number (whatever their form). */
function samePhone(a, b, iso) {
    const x = parsePhone(a, iso);
    const y = parsePhone(b, iso);
    return !!x && !!y && x._cc === y._cc && x._nsn === y._nsn;
}
function e164(p) {
    return `+${p._cc}${p._nsn}`;
}
/**
 * Writes a number fresh in its country's usual grouping: national '09 70 00 00 01' or
 * international '+33 9 70 00 00 01'. `prefix` replaces '+' ('00'); `compact` leaves out the
 * separators, for tel: links.
 */
function formatPhone(p, intl, prefix = '+', compact) {
    const k = countryOfCode(p._cc);
    const n = p._nsn;
    let sizes = '';
    for (const rule of k._fmt) {
        const [re, s] = rule.split(':');
        if (s === undefined || new RegExp(`^(?:${re})`).test(n)) {
            sizes = s === undefined ? re : s;
            break;
        }
    }
    const groups = [];
    let i = 0;
    for (const size of sizes)
        if (i < n.length)
            groups.push(n.slice(i, (i += +size)));
    if (i < n.length)
        groups.push(n.slice(i));
    const sep = compact ? '' : k._sep;
    return intl ? prefix + p._cc + (compact ? '' : ' ') + groups.join(sep) : (k._opt ? '' : k._trunk) + groups.join(sep);
}

const SOURCES$1 = ['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct'];
const CMPS = ['tcf', 'didomi', 'axeptio', 'tarteaucitron', 'klaro', 'cookieconsent', 'onetrust', 'cookiebot', 'usercentrics', 'piwikpro', 'cookieyes', 'complianz', 'gcm'];
const show = (v) => {
    try {
        return JSON.stringify(v);
    }
    catch {
        return String(v);
    }
};
const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
const expect = (ok, f, what, v) => (ok ? undefined : `${f} must be ${what} (got ${show(v)})`);
const bool = (v, f) => expect(typeof v === 'boolean', f, 'true or false', v);
const text = (v, f) => expect(typeof v === 'string' && v, f, 'a non-empty string', v);
const range = (min, max) => (v, f) => expect(typeof v === 'number' && v >= min && v <= max, f, `a number from ${min} to ${max}`, v);
const list$1 = (item) => (v, f) => {
    if (!Array.isArray(v))
        return expect(0, f, 'a list', v);
    for (let i = 0; i < v.length; i++) {
        const e = check(item, v[i], `${f}[${i}]`);
        if (e)
            return e;
    }
};
const either = (item) => (v, f) => check(Array.isArray(v) ? list$1(item) : item, v, f);
const url = (v, f) => {
    let ok = false;
    try {
        ok = typeof v === 'string' && /^https?:$/.test(new URL(v, location.href).protocol);
    }
    catch {
        /* not a URL */
    }
    return expect(ok, f, 'an http(s) URL', v);
};
const selector = (v, f) => {
    let ok = typeof v === 'string' && !!v;
    try {
        document.createDocumentFragment().querySelector(v);
    }
    catch {
        ok = false;
    }
    return expect(ok, f, 'a valid CSS selector', v);
};
const domain = (v, f) => {
    const d = typeof v === 'string' ? v.replace(/^\./, '').toLowerCase() : '';
    const host = location.hostname;
    return expect(d && (host === d || host.slice(-d.length - 1) === '.' + d), f, "this site's host or a parent domain of it", v);
};
const skip = () => undefined; // checked with the country, in validate()
function check(rule, v, f) {
    if (typeof rule === 'function')
        return rule(v, f);
    if (Array.isArray(rule))
        return expect(rule.indexOf(v) >= 0, f, `one of ${rule.join(', ')}`, v);
    if (!isObject(v))
        return expect(0, f, 'an object', v);
    for (const k in v) {
        if (!rule[k])
            return `${f}.${k} is not a known field`;
        const e = v[k] === undefined ? 0 : check(rule[k], v[k], `${f}.${k}`);
        if (e)
            return e;
    }
}
const consent = { required: bool, cmp: (v, f) => check(Array.isArray(v) ? list$1(CMPS) : ['auto', 'none', ...CMPS], v, f), gpc: bool,
    tcf: { vendorId: range(1, 1e6), purposes: list$1(range(1, 11)) }, gcm: (v, f) => (v === false ? undefined : text(v, f)) };
for (const c of CMPS)
    if (!consent[c])
        consent[c] = text;
const SCHEMA = {
    mode: ['invisible', 'rotation', 'origin', 'traffic', 'journey'],
    site: text,
    endpoint: url,
    // The countries whose numbering plan the swap engine knows (swap/countries.ts).
    country: (v, f) => expect(typeof v === 'string' && country(v.toUpperCase()), f, 'a supported country code (FR, BE, CH, LU, MC, DE, ES, IT, NL, GB, US, CA)', v),
    numbers: skip,
    conditions: list$1({ id: text, source: either(SOURCES$1), referrer: either(text), landing: either(text), page: either(text), numbers: skip, pool: text,
        params: (v, f) => {
            if (!isObject(v))
                return expect(0, f, 'an object', v);
            for (const k in v)
                if (v[k] !== true && typeof v[k] !== 'string')
                    return expect(0, `${f}.${k}`, 'a string or true', v[k]);
        } }),
    entry: ['first_entry', 'last_entry'],
    probabilistic: ['fallback', 'always', 'off'],
    consent,
    cookie: { days: range(1, 395), domain },
    session: { timeout: range(1, 1440) },
    trackingIds: { defaults: bool, custom: list$1({ name: text, from: ['cookie', 'url', 'localStorage', 'window'], key: text }) },
    pool: { timeout: range(0, 30000) },
    urlParams: list$1(text),
    ignore: selector,
    spa: bool,
    debug: bool,
};
/**
 * Validates a config as `mgt('init')` does. Returns '' when it is valid, else one message that
 * names the field (the console shows it after the `[mgt]` prefix).
 */
function validate(config) {
    try {
        const c = config;
        if (!isObject(c) || !c.mode)
            return 'config.mode is required';
        const problem = check(SCHEMA, c, 'config');
        if (problem)
            return problem;
        const country = (c.country || 'FR').toUpperCase();
        const originals = [];
        const tracked = [];
        const numbers = (map, f) => {
            if (!isObject(map))
                return expect(0, f, 'an object mapping original numbers to tracked numbers', map);
            for (const o in map) {
                if (!parsePhone(o, country))
                    return `${f}[${show(o)}] is not a valid ${country} phone number`;
                if (typeof map[o] !== 'string' || !parsePhone(map[o], country))
                    return `${f}[${show(o)}]: the tracked number ${show(map[o])} is not a valid ${country} phone number`;
                originals.push(o);
                tracked.push(map[o]);
            }
        };
        const collecting = /^(origin|traffic|journey)$/.test(c.mode);
        const conditions = c.conditions || [];
        if (c.numbers) {
            const e = numbers(c.numbers, 'config.numbers');
            if (e)
                return e;
        }
        if (c.mode === 'invisible' && conditions.length)
            return 'config.conditions: invisible mode swaps the default numbers only';
        if (collecting && !c.endpoint)
            return `config.endpoint is required in ${c.mode} mode`;
        const ids = [];
        for (let i = 0; i < conditions.length; i++) {
            const cond = conditions[i];
            const f = `config.conditions[${i}]`;
            if (!cond.id)
                return `${f}.id is required`;
            if (ids.indexOf(cond.id) >= 0)
                return `${f}.id ${show(cond.id)} is used twice`;
            ids.push(cond.id);
            const e = cond.numbers && numbers(cond.numbers, `${f}.numbers`);
            if (e)
                return e;
            if (cond.pool && !collecting)
                return `${f}.pool needs mode origin, traffic or journey`;
            if (cond.pool && !cond.numbers && !c.numbers)
                return `${f}.pool needs fallback numbers (its own numbers or the default numbers)`;
        }
        // A tracked number that is also an original would be swapped again on the next scan.
        for (const t of tracked) {
            for (const o of originals) {
                if (samePhone(t, o, country))
                    return `config.numbers: the tracked number ${show(t)} is also an original number, so it would be swapped again`;
            }
        }
        return '';
    }
    catch (x) {
        return `config could not be read (${x})`;
    }
}

// Console output, always prefixed with [mgt]. Debug explanations print only when debug is on
// (config.debug or ?mgt_debug=1); config mistakes and ignored commands print always.
let debugOn = false;
const setDebug = (on) => {
    debugOn = on;
};
/** Explains a decision; silent unless debug is on. */
const log = (...args) => {
    if (debugOn)
        console.info('[mgt]', ...args);
};
const warn = (...args) => {
    console.warn('[mgt]', ...args);
};
const error = (...args) => {
    console.error('[mgt]', ...args);
};

/** Ends the site's optional anti-flicker hiding (SPEC 3): `class="mgt-hide"` on <html>. */
const unhide = (d) => d.documentElement.classList.remove('mgt-hide');

/** Click IDs of the ad platforms, in SPEC 6.2 order: their presence makes a visit paid (fbclid, last, makes it social). */
const CLICK_IDS = 'gclid gbraid wbraid dclid msclkid ttclid fbclid'.split(' ');
/**
 * URL parameters captured by default (SPEC 6.4): five of the click IDs (not dclid/ttclid) and the
 * Google Ads ValueTrack parameters. Written out rather than derived: gzip makes the repeat nearly free.
 */
const URL_IDS = 'gclid gbraid wbraid fbclid msclkid campaignid adgroupid keyword matchtype network device creative placement targetid'.split(' ');
/**
 * Stores what `read` returns when it is a primitive (not null/undefined) whose text is non-empty and
 * at most 200 characters. Objects and functions are skipped. A failing read (a throwing getter, a
 * blocked localStorage, a Proxy trap, a Symbol that cannot become text) is an absent id: it must not
 * cost the others.
 */
const put = (ids, key, read) => {
    try {
        let v = read();
        if (v != null && Object(v) !== v && (v += '') && v.length <= 200)
            ids[key] = v;
    }
    catch {
        /* unreadable: absent */
    }
};
/** The custom ids read from `from` (all of them without it); malformed entries are skipped. */
const customIds = (cfg, from) => (cfg?.custom || []).filter((c) => c && (!from || c.from == from));
/** Tracking IDs in the page URL: the defaults present (unless `defaults: false`) and custom `from: 'url'`. */
function urlTrackingIds(page, cfg) {
    const ids = {};
    const get = (k) => page.searchParams.get(k);
    if (cfg?.defaults !== false)
        URL_IDS.map((k) => put(ids, k, () => get(k)));
    customIds(cfg, 'url').map((c) => put(ids, c.name, () => get(c.key)));
    return ids;
}
/** Tracking IDs on the device (cookies, localStorage, window): read only with consent (SPEC 6.4). */
function deviceTrackingIds(cfg, read) {
    const ids = {};
    // _ga and every _pk_id.* cookie. Listing the cookies may throw too (blocked cookies): inside put,
    // that costs nothing else, and the list itself (an object) is never stored.
    if (cfg?.defaults !== false)
        put(ids, '', () => read._cookieNames().map((n) => /^(_ga$|_pk_id\.)/.test(n) && put(ids, n, () => read._cookie(n))));
    customIds(cfg).map((c) => put(ids, c.name, () => 
    // `from` is validated config; 'url' ids (left to urlTrackingIds) find no reader here, and the
    // failed call makes them absent.
    ({
        cookie: read._cookie,
        localStorage: read._local,
        // A dotted path ('dataLayer.0.userType') followed through own data properties of objects
        // only: a getter or a Proxy trap could run page code with side effects, so accessors are
        // absent, and primitives are not walked ('str'.length is not an id).
        window: (path) => path.split('.').reduce((o, k) => (Object(o) === o ? (Object.getOwnPropertyDescriptor(o, k) || {}).value : undefined), read._window),
    }[c.from](c.key))));
    return ids;
}

/**
 * Cuts at 2,000 characters (SPEC 9.2). A surrogate pair cut in half is left as is: JSON.stringify
 * escapes the lone half, so the payload stays valid.
 */
const clip = (s) => String(s).slice(0, 2000);
/** Parses an http(s) URL (relative to `base` if given); anything else (javascript:, data:, garbage) is undefined. */
const httpUrl = (s, base) => {
    try {
        const u = new URL(s, base);
        if (/^https?:$/.test(u.protocol))
            return u;
    }
    catch {
        /* not a URL: the caller treats it as absent */
    }
};
/**
 * The allow-list of SPEC 9.2 as a predicate on one query parameter (decoded name and value).
 *
 * - Tracking-ID parameters (click IDs, ValueTrack, custom ids read from the URL) are kept only when
 *   `trackingIds` is true, and dropped otherwise even when a condition or `urlParams` names them:
 *   SPEC 6.4 removes them from every stored URL without consent.
 * - The built-in ones are exempt from the name and phone rules: ValueTrack `keyword` contains "key",
 *   and `campaignid=12345678901` is 11 digits; both are ad-platform identifiers that are stored in
 *   `tracking_ids` anyway, so dropping them from the URL would protect nothing.
 */
function urlFilter(cfg, trackingIds) {
    const builtin = CLICK_IDS.concat(URL_IDS);
    const ids = builtin.concat(customIds(cfg.trackingIds, 'url').map((c) => c.key));
    let allow = cfg.urlParams || [];
    for (const c of cfg.conditions || [])
        allow = allow.concat(Object.keys(c?.params || {}));
    return (name, value) => (ids.includes(name) ? trackingIds : name.startsWith('utm_') || allow.includes(name)) &&
        // %40: a value that was encoded twice still carries an address.
        !/@|%40/i.test(value) &&
        (builtin.includes(name) ||
            // A name that suggests a secret or personal data ('mail' covers email, 'pass' password), or a
            // phone-like value: 8 digits, each at most 3 separators from the next ('06 12 34 56 78',
            // '+33 (0)6.12…'); the bounded repetition keeps the scan linear on a 100 KB value.
            !(/mail|token|pass|pwd|secret|auth|key|session|phone|tel|name|address/i.test(name) || /\d([\s.\/()-]{0,3}\d){7}/.test(value)));
}
/**
 * `url` as mgt may store or send it: absolute http(s), no credentials, no fragment, the query reduced
 * to the parameters `keep` accepts (original order, re-encoded), or only the path with `pathOnly`
 * (cookieless events, SPEC 8). At most 2,000 characters; '' for anything unparsable or not http(s).
 */
function cleanUrl(url, keep, pathOnly) {
    try {
        const u = httpUrl(url);
        u.search = '' + new URLSearchParams([...u.searchParams].filter(([k, v]) => keep(k, v)));
        // The origin has no credentials; the fragment is left out.
        // A cut inside '%4', or between the bytes of '%C3%A9', would leave an escape a strict decoder
        // (decodeURIComponent on the collector) rejects: drop the unfinished character.
        return clip(pathOnly ? u.pathname : u.origin + u.pathname + u.search).replace(/(%([cd][\da-f]|e[\da-f](%[89ab][\da-f])?|f[0-7](%[89ab][\da-f]){0,2}))?(%[\da-f]?)?$/i, '');
    }
    catch {
        // Also undefined from httpUrl: anything that is not an http(s) URL.
        return '';
    }
}

/**
 * `host` is `domain` or a subdomain of it, on a label boundary: 'www.google.fr' is under 'google.fr',
 * 'notgoogle.fr' is not. `domain` is config text: case and a leading dot are tolerated.
 */
const isUnder = (host, domain) => !!(domain = String(domain).toLowerCase().replace(/^\./, '')) && ('.' + host).endsWith('.' + domain);
/** The referrer's origin ('https://www.google.fr'), or 'direct' when empty, unparsable or not http(s). */
const referrerOrigin = (referrer) => (httpUrl(referrer) || { origin: 'direct' }).origin;
/**
 * Classifies the visit. `_internal` marks a same-site referrer (same host, or `cookieDomain` and its
 * subdomains) without campaign parameter or click ID: navigation inside the site starts no visit,
 * and its source is reported as 'direct' since the real one was decided on the entry page.
 * `_why` (debug console) names the deciding parameter or referrer host.
 */
function classify(page, referrer, cookieDomain) {
    // Empty parameters (?gclid=) are treated as absent: they identify nothing.
    const get = (name) => page.searchParams.get(name);
    // The first click ID in SPEC order; fbclid, listed last, is found only when no paid one is there.
    const click = CLICK_IDS.find(get);
    const utm = ['utm_source', 'utm_medium', 'utm_campaign'].find(get);
    const medium = (get('utm_medium') || '').trim().toLowerCase();
    // The listed utm_medium values, each rewritten to its source (anchored: linear on a 100 KB value).
    const bymedium = medium
        .replace(/^(cpc|ppc|cpm|display|paid_?search|paid_social)$/, 'paid')
        .replace(/^(e-mail|newsletter)$/, 'email')
        .replace(/^social(-network|_media)$/, 'social');
    const ref = httpUrl(referrer);
    const host = ref ? ref.hostname : '';
    const out = (source, why, internal) => ({ _source: source, _why: why, _internal: !!internal });
    if (click && click != 'fbclid')
        return out('paid', click);
    if (/^(paid|email|social|organic|referral)$/.test(bymedium))
        return out(bymedium, 'utm_medium=' + medium);
    if (utm)
        return out('campaign', utm);
    if (click)
        return out('social', click);
    if (!ref)
        return out('direct', 'no referrer');
    if (host == page.hostname || (cookieDomain && isUnder(host, cookieDomain)))
        return out('direct', 'internal navigation', true);
    return out(
    // Referrer hosts, matched on a label boundary ('(^|\.)'); webmail first, since mail.google.com
    // is also Google. '(com?\.)?[a-z]{2,3}' is any country domain: google.fr, google.co.uk, google.com.br…
    /^(web)?mail\.|(^|\.)(mail\.yahoo|outlook\.(live|office(365)?))\.com$/.test(host)
        ? 'email'
        : /(^|\.)((google|bing|search\.yahoo|yandex)\.(com?\.)?[a-z]{2,3}|(duckduckgo|qwant|baidu|startpage|search\.brave|ask|naver)\.com|(ecosia|lilo)\.org|ya\.ru|seznam\.cz)$/.test(host)
            ? 'organic'
            : /(^|\.)((facebook|instagram|linkedin|x|twitter|youtube|tiktok|reddit|snapchat|threads)\.com|pinterest\.(com?\.)?[a-z]{2,3}|lnkd\.in|t\.co|youtu\.be|threads\.net|bsky\.app)$/.test(host)
                ? 'social'
                : 'referral', 'referrer ' + host);
}

/** `v` as an array: condition fields accept one value or several. */
const list = (v) => [].concat(v);
/**
 * Whole-string match where '*' is any run of characters and everything else is literal. No regex:
 * patterns come from config, the path from the URL, and a backtracking regex over a hostile 100 KB
 * path with several stars could stall the page. The first part must start `s`, the last end it, and
 * leftmost placement of each middle part is optimal, so one indexOf per part suffices.
 */
const glob = (pattern, s) => {
    const parts = pattern.split('*');
    const last = parts.pop();
    const end = s.length - last.length;
    let i = 0;
    return (s.endsWith(last) &&
        // Without a star the last part is the whole pattern: equality.
        (parts.length ? parts.every((p, k) => (k = k ? s.indexOf(p, i) : s.startsWith(p) ? 0 : -1) >= 0 && (i = k + p.length) <= end) : !end));
};
/**
 * Marketers write '/Promo/' for '/promo' and 'été' for '%C3%A9t%C3%A9': paths and patterns compare
 * percent-decoded (as sent when malformed), without case and without one trailing slash.
 */
const norm = (s) => {
    try {
        s = decodeURIComponent(s);
    }
    catch {
        /* malformed escape: compare as sent */
    }
    return s.toLowerCase().replace(/(.)\/$/, '$1');
};
/**
 * The first condition whose every set field matches. `_referrer` is an origin or 'direct';
 * `_landing` may be absolute or a path (resolved against the page). `_why` is for the debug console:
 * each condition tried, with the first field that failed or 'matches' for the winner.
 */
function pickCondition(conditions, ctx) {
    const landing = httpUrl(ctx._landing, ctx._page);
    const ref = httpUrl(ctx._referrer);
    const host = ref ? ref.hostname : '';
    const onPath = (u) => (p) => !!u && glob(norm(String(p)), norm(u.pathname));
    // One test per field, in the order they are explained; a field holds one value or a list, and
    // matches when one of them passes.
    const tests = {
        source: (s) => s == ctx._source,
        referrer: (d) => isUnder(host, d),
        params: (params) => {
            for (const k in params) {
                const got = landing && landing.searchParams.get(k);
                // true = present (even empty); a string = equal, case-insensitive.
                if (got == null || (params[k] !== true && got.toLowerCase() != String(params[k]).toLowerCase()))
                    return false;
            }
            return true;
        },
        landing: onPath(landing),
        page: onPath(ctx._page),
    };
    const tried = [];
    for (const c of conditions || []) {
        if (!c)
            continue;
        let miss = '';
        for (const f in tests)
            if (!miss && c[f] != null && !list(c[f]).some(tests[f]))
                miss = f;
        tried.push(c.id + (miss ? ': ' + miss : ' matches'));
        if (!miss)
            return { _condition: c, _why: tried.join(', ') };
    }
    return { _why: tried.join(', ') || 'no conditions' };
}

/**
 * A new visit starts on an arrival from outside, when nothing is stored, or after `timeoutMinutes`
 * of inactivity. A last action in the future (clock change, tampered storage) is trusted only within
 * the same window, so a bogus far-future value cannot keep one visit alive forever.
 */
function isNewVisit(internal, lastAction, now, timeoutMinutes) {
    return !internal || !(Math.abs(now - lastAction) <= timeoutMinutes * 6e4);
}
/**
 * The attribution to keep when a visit starts. first_entry keeps the first one ever stored;
 * last_entry takes the newest, except that a direct visit never erases a known source
 * (last non-direct click): typing the URL later should not hide the campaign that brought them.
 */
function keepAttribution(prev, current, entry) {
    return prev && (entry != 'last_entry' || (current.source == 'direct' && prev.source != 'direct')) ? prev : current;
}

// Finds the configured original numbers in a string, in every usual written form, and computes
// their replacements (SPEC 10.1, 10.2). Pure: the DOM side lives in swapper.ts.
//
// A small regex finds runs of digits joined by separators; each run is then read as its digit
// string and looked up among the originals' digit strings (national, +cc, 00cc, with or without
// the trunk). One small regex keeps scanning fast however many numbers are configured.
const GAP = `[${SEPARATORS}]{0,3}`;
const RUN = new RegExp(`(?:\\+${GAP})?\\d(?:${GAP}\\d)*`, 'g');
// A number never starts or ends inside a longer token: not next to a letter, digit or '+', and not
// one separator away from another digit (IBANs, SIRET, order numbers, dates, times, prices).
const NEAR_CHARS = '\\s.\\-/,:';
const NEAR = `[${NEAR_CHARS}]`;
const BEFORE = new RegExp(`(?:[\\w+]|\\d${NEAR})$`);
const AFTER = new RegExp(`^(?:[\\w+]|${NEAR}\\d)`);
const TOKEN = /[\d+]/;
const NOT_TOKEN = /[^\d+]/g;
/**
 * Builds the matcher of a mapping original -> tracked (both as written in the config, in the
 * national format of `iso` or international). Undefined when no pair is usable.
 */
function createMatcher(numbers, iso) {
    const forms = new Map();
    for (const written in numbers) {
        const from = parsePhone(written, iso);
        const to = parsePhone(numbers[written], iso);
        const k = from && countryOfCode(from._cc);
        if (!to || !k)
            continue;
        const add = (key, prefix, trunk) => forms.set(key, [from, to, prefix, trunk]);
        const t = k._trunk;
        const n = from._nsn;
        add((k._opt ? '' : t) + n, '', !k._opt && !!t);
        if (k._opt)
            add(t + n, '', true);
        for (const p of ['+', '00']) {
            add(p + k._cc + n, p, false);
            if (t && !k._opt)
                add(p + k._cc + t + n, p, true);
        }
    }
    // Longest first, so that of two originals where one starts the other, the whole one wins.
    const lengths = [...new Set([...forms.keys()].map((key) => key.length))].sort((a, b) => b - a);
    const min = lengths[lengths.length - 1];
    if (!min)
        return undefined;
    const matcher = ((s, compact) => {
        let out;
        const hits = [];
        let m;
        RUN.lastIndex = 0;
        while ((m = RUN.exec(s))) {
            const run = m[0];
            if (run.length < min)
                continue;
            const tokens = run.replace(NOT_TOKEN, '');
            // i walks the run's characters, k its tokens ('+' and digits).
            for (let k = 0, i = m.index; k + min <= tokens.length; k++, i++) {
                while (!TOKEN.test(s[i]))
                    i++;
                // Inside a digit run (the common case) no number starts: skip the regex.
                if (k && TOKEN.test(s[i - 1]))
                    continue;
                if (BEFORE.test(s.slice(i < 2 ? 0 : i - 2, i)))
                    continue;
                for (const len of lengths) {
                    const form = k + len <= tokens.length && forms.get(tokens.substr(k, len));
                    if (!form)
                        continue;
                    // The end: just after the len-th token from i.
                    let e = i;
                    for (let c = 0; c < len; e++)
                        if (TOKEN.test(s[e]))
                            c++;
                    if (AFTER.test(s.slice(e, e + 2)))
                        continue;
                    const w = s.slice(i, e);
                    const [from, to, prefix, trunk] = form;
                    // A national original of another country than the tracked number's can only be
                    // replaced by the international form, written fresh.
                    const intl = prefix || from._cc !== to._cc;
                    const want = (prefix ? (prefix === '00' ? '00' : '') + to._cc : '') + (trunk ? countryOfCode(to._cc)._trunk : '') + to._nsn;
                    let r;
                    if (want.length === len - (prefix === '+' ? 1 : 0) && (prefix || !intl)) {
                        // Same digit count: every separator keeps its place, the digits take the original's places.
                        let j = 0;
                        r = w.replace(/\d/g, () => want[j++]);
                    }
                    else
                        r = formatPhone(to, !!intl, prefix || '+', compact);
                    out = out || s.split('');
                    if (r.length === w.length)
                        for (let x = 0; x < r.length; x++)
                            out[i + x] = r[x];
                    else
                        for (let x = 0; x < w.length; x++)
                            out[i + x] = x ? '' : r;
                    hits.push([i, w, r]);
                    k += len - 1;
                    i = e - 1;
                    break;
                }
            }
        }
        return out && { _out: out, _hits: hits };
    });
    // The pre-filter: where a number may start (the rule of BEFORE), the first three tokens of
    // some form, then enough digits for the shortest form.
    const heads = new Set([...forms.keys()].map((key) => [...key.slice(0, 3)].join(GAP).replace('+', '\\+')));
    const body = `(?:${[...heads].join('|')})(?:${GAP}\\d){${min - 3}}`;
    matcher._long = new RegExp(`(?:^|[^\\w+${NEAR_CHARS}]|(?:^|\\D)${NEAR})${body}`);
    matcher._any = new RegExp(body);
    return matcher;
}

const SKIP = 'script,style,noscript,template,textarea,input,select,[contenteditable],[data-mgt-ignore]';
const ATTRS = ['href', 'title', 'alt', 'aria-label'];
const LINK = /^\s*(?:tel|sms|callto):/i;
const DIGIT = /\d/;
const ESCAPE = /^%([\da-f]{2})/i;
const CLASS = 'mgt-number';
/** Milliseconds of scanning per task: longer documents continue in later tasks (no long task). */
const BUDGET = 25;
/** Work units between two looks at the clock: a node, or 1 KB of text read at once. */
const CHECK = 64;
/** NodeFilter.SHOW_ELEMENT. */
const ELEMENT = 1;
function createSwapper(doc, opts) {
    const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
    const texts = new Map();
    const attrs = new Map();
    /** Elements we gave the class, and whether they had a class attribute before. */
    const classed = [];
    /** The document and every open shadow root found, all observed while on. */
    const roots = [doc];
    /** Pending scans; observed additions go first. */
    let jobs = [];
    let match;
    /** The matcher's pre-filters: most texts with digits (prices, dates…) hold no original. */
    let long = /$^/;
    let any = long;
    let mapping = '';
    let on = false;
    let timer = 0;
    let pumping = false;
    /** The last text group handled, so a walk does not handle it again for its next members. */
    let group = [];
    const observer = new MutationObserver((records) => guard(handle, records));
    const now = () => performance.now();
    function guard(f, a) {
        try {
            f(a);
        }
        catch (e) {
            // Never throw into the page: a swap that fails leaves the page as it is.
        }
    }
    /** The text of `n` as the page wrote it, before our edit. */
    function original(v, mem) {
        return !mem || v === mem[1] ? (mem ? mem[0] : v) : mem[1] && !v.indexOf(mem[1]) ? mem[0] + v.slice(mem[1].length) : v;
    }
    function emit(r, nodeAt) {
        for (const [i, o, t] of r._hits)
            guard(opts._onSwap, { original: o, tracked: t, node: nodeAt(i) });
    }
    function mark(el) {
        if (el && !el.classList.contains(CLASS)) {
            classed.push([el, el.hasAttribute('class')]);
            el.classList.add(CLASS);
        }
    }
    /** Handles the run of adjacent text nodes around `t` as one string. */
    function text(t) {
        let a = t;
        let b;
        while ((b = a.previousSibling) && b.nodeType === 3)
            a = b;
        const nodes = [];
        const was = [];
        let s = '';
        let known = false;
        for (b = a; b && b.nodeType === 3; b = b.nextSibling) {
            const mem = texts.size ? texts.get(b) : undefined;
            const o = original(b.data, mem);
            known = known || !!mem;
            nodes.push(b);
            was.push(o);
            s += o;
        }
        group = nodes;
        const r = match && match(s);
        const el = t.parentElement;
        if (r ? el && el.closest(skip) : !known)
            return;
        let at = 0;
        let changed = false;
        nodes.forEach((n, i) => {
            const o = was[i];
            const v = r ? r._out.slice(at, (at += o.length)).join('') : o;
            if (v !== n.data) {
                n.data = v;
                changed = true;
            }
            if (v !== o)
                texts.set(n, [o, v]);
            else
                texts.delete(n);
        });
        if (r) {
            mark(el);
            if (changed)
                emit(r, (i) => {
                    let k = 0;
                    while (i >= was[k].length && k < nodes.length - 1)
                        i -= was[k++].length;
                    return nodes[k];
                });
        }
    }
    /** Handles one attribute; hrefs are read with their percent escapes decoded. */
    function attr(el, name) {
        const v = el.getAttribute(name);
        if (v == null)
            return;
        const all = attrs.get(el);
        const o = original(v, all && all[name]);
        const link = name === 'href';
        let s = o;
        const at = [];
        if (link) {
            if (!LINK.test(o))
                return;
            // Where each decoded character came from, so untouched escapes are written back as they were.
            s = '';
            for (let i = 0; i < o.length;) {
                const h = ESCAPE.exec(o.slice(i, i + 3));
                at.push(i);
                s += h ? String.fromCharCode(parseInt(h[1], 16)) : o[i];
                i += h ? 3 : 1;
            }
            at.push(o.length);
        }
        const r = match && match(s, link);
        if (r && el.closest(skip))
            return;
        const n = r ? r._out.map((c, k) => (link && c === s[k] ? o.slice(at[k], at[k + 1]) : c)).join('') : o;
        if (n !== o)
            (all || (attrs.set(el, {}), attrs.get(el)))[name] = [o, n];
        else if (all)
            delete all[name];
        if (n !== v) {
            el.setAttribute(name, n);
            if (r)
                emit(r, () => el);
        }
        if (r)
            mark(el);
    }
    /** An element's own open shadow root and phone attributes. */
    function element(el) {
        const sr = el.shadowRoot;
        if (sr && roots.indexOf(sr) < 0 && !el.closest(skip)) {
            roots.push(sr);
            if (on)
                observer.observe(sr, OBSERVE);
            queue(sr);
        }
        else if (sr && roots.indexOf(sr) > 0)
            queue(sr);
        if (el.hasAttributes())
            for (const a of ATTRS) {
                const v = el.getAttribute(a);
                // Most hrefs with digits are paths: only links that dial are read further.
                if (v && DIGIT.test(v) && (a !== 'href' || LINK.test(v)))
                    attr(el, a);
            }
    }
    /** Queues the scan of `root` and runs it now, as far as the budget allows. */
    function scan(root) {
        queue(root);
        if (!pumping)
            pump();
    }
    /**
     * Queues the scan of `root` first, so new content is not kept waiting behind a long initial scan.
     * One pass: each element is visited once, for its shadow root, attributes and text children.
     */
    function queue(root) {
        if (root.nodeType === 3)
            return text(root);
        if (root.nodeType === 1)
            element(root);
        // While a job runs it is jobs[0]: new jobs go right after it. A childless element is done.
        if (root.firstChild)
            jobs.splice(pumping ? 1 : 0, 0, [root]);
    }
    /**
     * Runs queued jobs for at most about BUDGET ms, then leaves the rest to a later task. The clock
     * is read every CHECK units of work: nodes visited, and kilobytes of text read by textContent
     * (a subtree's text is read at once, however long). `keep` last jobs are left for later.
     */
    function pump(keep = 0, end = now() + BUDGET) {
        let c = 0;
        let d;
        let b;
        pumping = true;
        try {
            // The first element after a subtree whose texts cannot hold an original (null: the job's
            // end), whose texts are not tested; undefined: none. Not kept across tasks: the page changes.
            let clean;
            let only = null;
            const html = doc.documentElement;
            const body = doc.body;
            for (let job; jobs.length > keep && (job = jobs[0]); jobs.shift(), (clean = undefined)) {
                const root = job[0];
                let x = root;
                group = [];
                const w = job[1] ? ((x = job[1].nextNode()), job[1]) : (job[1] = doc.createTreeWalker(root, ELEMENT));
                for (; x; x = w.nextNode()) {
                    if (x === clean)
                        clean = undefined;
                    if (x !== root)
                        element(x);
                    if (clean !== undefined) {
                        // Texts not tested.
                    }
                    else if (
                    // Not read: the document's text (null), <html>'s and <body>'s (the whole page), a
                    // leaf's (its texts are tested as cheaply), a sole element child's (nearly its parent's).
                    x !== only &&
                        x !== doc &&
                        x !== body &&
                        x !== html &&
                        x.firstElementChild &&
                        ((c += (d = x.textContent).length >> 10), !any.test(d)))
                        for (b = x, clean = null; b && b !== root; b = b.parentNode) {
                            if ((clean = b.nextElementSibling))
                                break;
                        }
                    else {
                        only = x.firstElementChild;
                        if (only !== x.lastElementChild)
                            only = null;
                        for (let t = x.firstChild; t; t = t.nextSibling, c++)
                            if (t.nodeType === 3 &&
                                DIGIT.test((d = t.data)) &&
                                // A whole original, or a text sibling next: a number split by a framework
                                // starts in a node followed by another.
                                (long.test(d) || ((b = t.nextSibling) && b.nodeType === 3)) &&
                                group.indexOf(t) < 0)
                                text(t);
                    }
                    if (++c >= CHECK && ((c = 0), now() > end))
                        return defer();
                }
            }
        }
        finally {
            pumping = false;
        }
    }
    function defer() {
        timer = timer || setTimeout(() => ((timer = 0), guard(pump, 0)), 0);
    }
    /** Observed changes: edits handled at once, additions queued, then one slice for them all. */
    function handle(records) {
        const keep = jobs.length;
        let last;
        for (const r of records) {
            const t = r.target;
            if (r.type === 'attributes')
                attr(t, r.attributeName);
            else if (r.type === 'characterData') {
                const mem = texts.get(t);
                // Our own edit, or a text the walk will not need.
                if (!(mem && mem[1] === t.data) && (mem || DIGIT.test(t.data)))
                    text(t);
            }
            else
                r.addedNodes.forEach((n) => {
                    if (last && last.contains(n))
                        return;
                    if (n.nodeType === 1)
                        last = n;
                    queue(n);
                });
        }
        // New content is swapped before the next paint (SPEC 10.3), whatever it costs: the parser or
        // the page added it in this task, at a similar cost. The scans already queued keep their pace.
        if (!pumping)
            pump(keep, Infinity);
    }
    function start() {
        if (!on) {
            on = true;
            for (const r of roots)
                observer.observe(r, OBSERVE);
        }
        jobs = [];
        // What we swapped, first: a new mapping may restore it or swap it differently.
        texts.forEach((_, n) => n.isConnected && text(n));
        attrs.forEach((all, el) => {
            for (const name in all)
                attr(el, name);
        });
        // Nothing to swap: no need to read the page.
        if (match)
            scan(doc);
    }
    return {
        _set(numbers) {
            const key = JSON.stringify(numbers);
            if (key === mapping && on)
                return;
            mapping = key;
            match = createMatcher(numbers, opts._country);
            long = match ? match._long : /$^/;
            any = match ? match._any : long;
            start();
        },
        _scan(root) {
            if (!on || !root)
                start();
            else
                scan(root);
        },
        _restore() {
            // Texts written by the page since the last callback are the originals to put back.
            guard(handle, observer.takeRecords());
            observer.disconnect();
            on = false;
            jobs = [];
            clearTimeout(timer);
            timer = 0;
            texts.forEach((mem, n) => {
                const o = original(n.data, mem);
                if (n.data !== o)
                    n.data = o;
            });
            attrs.forEach((all, el) => {
                for (const name in all) {
                    const v = el.getAttribute(name);
                    if (v != null) {
                        const o = original(v, all[name]);
                        if (v !== o)
                            el.setAttribute(name, o);
                    }
                }
            });
            for (const [el, had] of classed) {
                el.classList.remove(CLASS);
                if (!had && !el.getAttribute('class'))
                    el.removeAttribute('class');
            }
            texts.clear();
            attrs.clear();
            classed.length = 0;
            roots.length = 1;
        },
    };
}
const OBSERVE = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRS };

function storageAllowed(c, state) {
    return (c.mode !== 'invisible' &&
        c.probabilistic !== 'always' &&
        (state === 'granted' || (c.mode === 'rotation' && !!c.consent && c.consent.required === false && state !== 'denied')));
}

// Every function a CMP (or a hostile stub) may call back, and every call we make into a CMP, runs
// through guard: a CMP that throws must never throw into the page nor stop the other adapters.
// A broken or blocked CMP is the same as no CMP: no signal.
const guard = (f) => ((...a) => {
    try {
        return f(...a);
    }
    catch { }
});
// '_' built at run time: terser renames every property starting with '_' (rollup.config.mjs), and
// some CMP globals do (`__tcfapi`, `__ucCmp`, `_axcb`).
const U = '_'.repeat(1);
/** Pushes onto a CMP's documented callback queue, creating it if the CMP has not loaded yet; 1. */
const queue = (w, name, item) => ((w[name] = w[name] || []).push(item), 1);

/**
 * IAB TCF v2.2: `__tcfapi('addEventListener', 2, cb)` calls back now and on every change.
 * A decision is a TC string loaded from the visitor's earlier choice (`tcloaded`) or just made
 * (`useractioncomplete`); at `cmpuishown` every consent is still false, so it is no decision.
 * Granted when every configured purpose (default [1], store/access on a device) has consent, and
 * our vendor too when `tcf.vendorId` is set. `gdprApplies === false`: the CMP says no consent is
 * required for this visitor, which we follow as a grant. The option is `consent.tcf` (an object),
 * or 1 when absent: both read as "no purposes, no vendor".
 */
const tcf = [
    (w, t, s) => {
        // throws (polled again) until a __tcfapi function exists
        w[U + U + 'tcfapi']('addEventListener', 2, guard((d, ok) => ok && /^(tcloaded|useractioncomplete)$/.test(d.eventStatus) &&
            s(d.gdprApplies === false || ((t.purposes?.length ? t.purposes : [1]).every((p) => d.purpose.consents[p]) && (!t.vendorId || d.vendor.consents[t.vendorId])))));
        return 1;
    },
    1,
];

/**
 * Calls `fn` with every entry of `window.dataLayer`, past and future (push is wrapped, the
 * original push is kept so Google Tag Manager and others work as before). `create` makes the
 * array when it is missing, as the gtag snippet itself does. Returns 1 once hooked; throws (the
 * caller polls again) while there is no dataLayer with a push method.
 */
const onDataLayer = (w, fn, create) => {
    const l = w.dataLayer || (create && (w.dataLayer = [])), push = l.push.bind(l), f = guard(fn);
    l.map(f);
    l.push = (...a) => {
        const r = push(...a);
        a.map(f);
        return r;
    };
    return 1;
};

/**
 * Google Consent Mode v2 has no read API: gtag('consent', 'default' | 'update', {...}) pushes an
 * arguments object onto dataLayer. Only 'update' is a decision (a CMP pushes it when the visitor
 * chooses, or with the stored choice on load); 'default' is the site's default and never counts.
 * Followed only when the site names the type (`consent.gcm: 'analytics_storage'`): no default.
 */
const gcm = [
    (w, type, s) => onDataLayer(w, (e) => {
        const v = e[0] == 'consent' && e[1] == 'update' && e[2][type];
        (v == 'granted' || v == 'denied') && s(v == 'granted');
    }, 1),
    '',
];

/**
 * Didomi: `didomiOnReady` runs our callback once the SDK is ready (now if it already is), and
 * `didomiEventListeners` tells us of `consent.changed`. `getCurrentUserStatus()` shows vendors
 * the visitor has not decided on as disabled, so we read it only once Didomi no longer asks
 * (`shouldConsentBeCollected()` false). The vendor is the first whose id starts with the option:
 * the configured id, else the custom vendor `c:mgt-…`. `isConsentRequired()` false (a visitor the
 * site's Didomi configuration exempts) counts as granted, as Didomi's own documentation does.
 */
const didomi = [
    (w, id, s) => {
        const read = guard(() => {
            const D = w.Didomi;
            if (!D.isConsentRequired())
                s(1);
            else if (!D.shouldConsentBeCollected()) {
                const v = D.getCurrentUserStatus().vendors;
                // throws (no signal) when there is no such vendor
                s(v[Object.keys(v).find((k) => !k.indexOf(id))].enabled);
            }
        });
        queue(w, 'didomiOnReady', read);
        return queue(w, 'didomiEventListeners', { event: 'consent.changed', listener: read });
    },
    'c:mgt-',
];

/**
 * Axeptio: `_axcb` runs our callback with the SDK once it is ready. `cookies:complete` carries the
 * visitor's choices (on each load for a returning visitor, and after a choice), so it is a
 * decision: our vendor accepted or not. `hasAcceptedVendor` is only trusted when true, since it
 * is also false before any choice.
 */
const axeptio = [
    (w, vendor, s) => queue(w, U + 'axcb', guard((sdk) => {
        sdk.hasAcceptedVendor?.(vendor) === true && s(1);
        sdk.on('cookies:complete', guard((c) => c.$$completed !== false && s(c[vendor])));
    })),
    'mgt',
];

/**
 * tarteaucitron: `tarteaucitron.state[key]` is true or false once the visitor has answered (and
 * undefined while the banner waits). It runs a service's `fallback` also while unanswered, so the
 * documented service grants in `js()` only and refusals come from here: `${key}_added` (service
 * registered, state known), `${key}_allowed` / `${key}_disallowed` (visitor's answer) and
 * `tac.consent_updated`.
 */
const tarteaucitron = [
    (w, key, s) => {
        // throws (polled again) until tarteaucitron and its state are there
        const v = w.tarteaucitron.state[key];
        return v !== !!v || s(v);
    },
    'mgt',
    '#_added #_allowed #_disallowed tac.consent_updated',
];

/**
 * Klaro: `klaro.getManager()` is the manager its UI uses (it throws until Klaro has its config).
 * `confirmed` is true once the visitor saved a choice (now or on an earlier visit); toggles in the
 * modal are not a decision until saved, so we follow only the `saveConsents` notification of
 * `manager.watch`.
 */
const klaro = [
    (w, name, s) => {
        const m = w.klaro.getManager();
        m.confirmed && s(m.getConsent(name));
        m.watch({ update: guard((_m, type, d) => type == 'saveConsents' && (d = d.consents[name]) === !!d && s(d)) });
        return 1;
    },
    'mgt',
];

/**
 * orestbida cookieconsent v3 (UMD build, `window.CookieConsent`; Cookiebot's alias of the same
 * name has no `validConsent`, so this throws and is polled again). `validConsent()` is true once
 * the visitor chose; `cc:onConsent` fires on every load with a choice and `cc:onChange` on a
 * later change.
 */
const cookieconsent = [
    (w, category, s) => {
        const C = w.CookieConsent;
        return !C.validConsent() || s(C.acceptedCategory(category));
    },
    'analytics',
    'cc:onConsent cc:onChange',
];

/**
 * OneTrust: `window.OneTrust` may be a plain config object before the SDK is ready, so this throws
 * (polled again) until its methods exist. `OnetrustActiveGroups` (",C0001,C0002,") also lists
 * groups active by default, so it is a decision only once the banner was closed
 * (`IsAlertBoxClosed()`). `OneTrustGroupsUpdated` fires on load and on every change.
 */
const onetrust = [
    (w, group, s) => !w.OneTrust.IsAlertBoxClosed() || s((',' + (w.OnetrustActiveGroups || w.OptanonActiveGroups) + ',').includes(',' + group + ',')),
    'C0002',
    'OneTrustGroupsUpdated',
];

/**
 * Cookiebot (`window.Cookiebot`, or its alias `window.CookieConsent` — told apart from orestbida's
 * by its `consent` object; throws, polled again, until there is one). A decision needs
 * `hasResponse`. A grant with `consent.method` 'implied' (given automatically, without the
 * visitor acting) is not followed.
 */
const cookiebot = [
    (w, category, s) => {
        const C = w.Cookiebot?.consent ? w.Cookiebot : w.CookieConsent, c = C.consent, v = !!c[category];
        return !C.hasResponse || (v && c.method == 'implied') || s(v);
    },
    'statistics',
    'CookiebotOnConsentReady CookiebotOnAccept CookiebotOnDecline',
];

/**
 * Usercentrics v3 (`__ucCmp.getConsentDetails()`, a promise) and v2 (`UC_UI.getServicesBaseInfo()`).
 * Usercentrics reports implicit consent (the visitor ignored or closed the banner) like any
 * other: only an explicit one is a decision. The service is matched by id or by name.
 */
const usercentrics = [
    (w, service, s) => {
        const C = w[U + U + 'ucCmp'];
        if (C)
            C.getConsentDetails().then(guard((d) => {
                if (/^explicit$/i.test(d.consent.type))
                    for (const id in d.services) {
                        const x = d.services[id];
                        (id == service || x.name == service) && s(x.consent.given);
                    }
            }), () => 0);
        // v2; throws (polled again) until Usercentrics is there
        else
            for (const x of w.UC_UI.getServicesBaseInfo())
                (x.id == service || x.name == service) && /^explicit$/i.test(x.consent.history.slice(-1)[0].type) && s(x.consent.status);
        return 1;
    },
    'mgt',
    'UC_UI_INITIALIZED UC_UI_CMP_EVENT UC_CONSENT',
];

/**
 * Piwik PRO Consent Manager: `ppms.cm.api('getComplianceSettings', ok, fail)` gives
 * `consents[type].status`: 1 approved, 0 rejected, -1 no decision. It pushes
 * `{ event: 'stg.consentDecisionMade' }` onto dataLayer (which its snippet creates) once a
 * decision is saved. Polled until both the API and the dataLayer are there.
 */
const piwikpro = [
    (w, type, s) => {
        const read = () => w.ppms.cm.api('getComplianceSettings', guard((r) => {
            const st = r.consents[type].status;
            st >= 0 && s(st > 0);
        }), () => 0);
        read();
        return onDataLayer(w, (e) => e.event == 'stg.consentDecisionMade' && read());
    },
    'analytics',
];

/**
 * CookieYes: `getCkyConsent()` has the categories and `isUserActionCompleted` (false until the
 * visitor acted: the categories are then only defaults). `cookieyes_consent_update` on document
 * carries `{ accepted, rejected }` category lists after each choice: those lists are the answer.
 */
const cookieyes = [
    (w, category, s, e) => {
        const d = e?.detail;
        if (d)
            d.accepted.includes(category) ? s(1) : d.rejected.includes(category) && s(0);
        else {
            // throws (polled again) until CookieYes is there
            const c = w.getCkyConsent();
            c.isUserActionCompleted && s(c.categories[category]);
        }
        return 1;
    },
    'analytics',
    'cookieyes_consent_update',
];

/**
 * Complianz: `cmplz_has_consent(category)` is also true by default in opt-out regions, so it says
 * nothing about a decision. The visitor's answer is the category cookie read through
 * `cmplz_get_cookie` ('allow' / 'deny'; throws, polled again, until Complianz is there), once
 * the banner was dismissed ('banner-status'). On accept Complianz sets the categories before
 * 'banner-status', then fires `cmplz_fire_categories`; on deny the other way round, then
 * `cmplz_status_change`: we re-read on both, and on `cmplz_revoke`.
 */
const complianz = [
    (w, category, s) => {
        const v = w.cmplz_get_cookie(category);
        return w.cmplz_get_cookie('banner-status') != 'dismissed' || (v != 'allow' && v != 'deny') || s(v == 'allow');
    },
    'statistics',
    'cmplz_status_change cmplz_fire_categories cmplz_revoke',
];

const ADAPTERS = { tcf, gcm, didomi, axeptio, tarteaucitron, klaro, cookieconsent, onetrust, cookiebot, usercentrics, piwikpro, cookieyes, complianz };
/** addEventListener on the window and its document for each of the space-separated `types`. */
const on = (w, types, fn) => {
    for (const t of types.split(' '))
        w.addEventListener(t, fn), w.document.addEventListener(t, fn);
};
/**
 * Starts the adapters `cfg.cmp` selects: 'auto' (default) every one, each waiting for its CMP;
 * 'none' (no such adapter); one name; or a list. An adapter runs with its option (for tcf the
 * `consent.tcf` object), else its default; Google Consent Mode has none, so it is followed only
 * when `cfg.gcm` names a consent type, because its 'update' entries may come from any script.
 * Each adapter's read is polled (now, at DOMContentLoaded, at load, then at growing delays, the
 * last 16 s after start: CMPs that document neither a queue nor a ready event are found this
 * way, bounded, never an endless poll) until it finds its CMP, and runs again on its events.
 */
function startAdapters(cfg, signal, w) {
    const sel = cfg.cmp || 'auto';
    for (const name of (sel == 'auto' ? Object.keys(ADAPTERS) : [].concat(sel))) {
        const a = ADAPTERS[name];
        const option = a && (cfg[name] || a[1]);
        if (option) {
            // guarded: a CMP (or a signal) that throws never throws into the page nor stops the others
            const read = guard((e) => a[0](w, option, (granted) => (signal(!!granted, name), 1), e));
            let found;
            const poll = () => found || (found = read());
            poll();
            // DOMContentLoaded bubbles from the document to the window
            on(w, 'DOMContentLoaded load', poll);
            for (let i = 1; i < 9; i++)
                w.setTimeout(poll, i * i * 250);
            if (a[2])
                on(w, a[2].replace(/#/g, option), read);
        }
    }
}

/*! js-cookie v3.0.8 | MIT */
function assign (target) {
  for (var i = 1; i < arguments.length; i++) {
    var source = arguments[i];
    for (var key in source) {
      if (key === '__proto__') continue
      target[key] = source[key];
    }
  }
  return target
}

var defaultConverter = {
  read: function (value) {
    if (value[0] === '"') {
      value = value.slice(1, -1);
    }
    return value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent)
  },
  write: function (value) {
    return encodeURIComponent(value).replace(
      /%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g,
      decodeURIComponent
    )
  }
};

function init(converter, defaultAttributes) {
  function set(name, value, attributes) {
    if (typeof document === 'undefined') {
      return
    }

    attributes = assign({}, defaultAttributes, attributes);

    if (typeof attributes.expires === 'number') {
      attributes.expires = new Date(Date.now() + attributes.expires * 864e5);
    }
    if (attributes.expires) {
      attributes.expires = attributes.expires.toUTCString();
    }

    name = encodeURIComponent(name)
      .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
      .replace(/[()]/g, escape);

    var stringifiedAttributes = '';
    for (var attributeName in attributes) {
      if (!attributes[attributeName]) {
        continue
      }

      stringifiedAttributes += '; ' + attributeName;

      if (attributes[attributeName] === true) {
        continue
      }

      // Considers RFC 6265 section 5.2:
      // ...
      // 3.  If the remaining unparsed-attributes contains a %x3B (";")
      //     character:
      // Consume the characters of the unparsed-attributes up to,
      // not including, the first %x3B (";") character.
      // ...
      stringifiedAttributes += '=' + attributes[attributeName].split(';')[0];
    }

    return (document.cookie =
      name + '=' + converter.write(value, name) + stringifiedAttributes)
  }

  function get(name) {
    if (typeof document === 'undefined' || (arguments.length && !name)) {
      return
    }

    // To prevent the for loop in the first place assign an empty array
    // in case there are no cookies at all.
    var cookies = document.cookie ? document.cookie.split('; ') : [];
    var jar = {};
    for (var i = 0; i < cookies.length; i++) {
      var parts = cookies[i].split('=');
      var value = parts.slice(1).join('=');

      try {
        var found = decodeURIComponent(parts[0]);
        if (!(found in jar)) jar[found] = converter.read(value, found);
        if (name === found) {
          break
        }
      } catch (_e) {
        // Do nothing...
      }
    }

    return name ? jar[name] : jar
  }

  return Object.create(
    {
      set: set,
      get: get,
      remove: function (name, attributes) {
        set(
          name,
          '',
          assign({}, attributes, {
            expires: -1
          })
        );
      },
      withAttributes: function (attributes) {
        return init(this.converter, assign({}, this.attributes, attributes))
      },
      withConverter: function (converter) {
        return init(assign({}, this.converter, converter), this.attributes)
      }
    },
    {
      attributes: { value: Object.freeze(defaultAttributes) },
      converter: { value: Object.freeze(converter) }
    }
  )
}

var api = init(defaultConverter, { path: '/' });

// The mgt_visitor cookie: a random visitor ID, created once on consent and never extended, so its
// lifetime is what the cookie policy says (cookie.days after creation, at most 13 months).
const NAME = 'mgt_visitor';
// What we write: 16 random bytes as base64url (22 characters). Anything else is not ours.
const VALID = /^[\w-]{22}$/;
/** The visitor ID, or undefined when the cookie is absent, expired, blocked or tampered with. */
function readVisitor() {
    try {
        const id = api.get(NAME);
        return id && VALID.test(id) ? id : undefined;
    }
    catch {
        return undefined;
    }
}
/** 128 bits from crypto.getRandomValues; undefined when the browser has no such source. */
function newId() {
    try {
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        return btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 22);
    }
    catch {
        return undefined;
    }
}
/**
 * Creates the cookie and returns the new ID, or undefined when cookies are blocked (the write is
 * read back to be sure). `domain` comes from config.cookie.domain; without it the cookie is host-only.
 */
function createVisitor(days, domain) {
    const id = newId();
    if (!id)
        return undefined;
    try {
        api.set(NAME, id, { expires: days, path: '/', sameSite: 'Lax', secure: location.protocol === 'https:', domain });
    }
    catch {
        return undefined;
    }
    return readVisitor() === id ? id : undefined;
}
/**
 * Deletes the cookie in every form the module may have written: host-only, and with a Domain
 * attribute for this host and each of its parent domains (a site may have changed cookie.domain
 * since the cookie was written).
 */
function deleteVisitor() {
    try {
        api.remove(NAME, { path: '/' });
        const labels = location.hostname.split('.');
        for (let i = 0; i < labels.length - 1; i++)
            api.remove(NAME, { path: '/', domain: labels.slice(i).join('.') });
    }
    catch {
        /* cookies blocked: there is nothing to delete */
    }
}

const KEY = 'mgt_session';
const SOURCES = /^(paid|organic|social|email|referral|campaign|direct)$/;
const MAX = 2000;
const str = (v) => typeof v === 'string' && v.length <= MAX;
// What the module writes: absolute http(s) URLs, an origin or 'direct', and phone numbers as written
// in the config. Anything else was not written by us.
const href = (v) => str(v) && /^https?:\/\/[^\s<>"'`]*$/.test(v);
const origin = (v) => v === 'direct' || (str(v) && /^https?:\/\/[\w.-]+(:\d+)?$/.test(v));
const phone = (v) => str(v) && /^[+\d][\d\s().\/\u00a0\u202f-]{5,40}$/.test(v);
const num = (v) => typeof v === 'number' && v >= 0 && v < 1e15;
function valid(s) {
    if (!s || typeof s !== 'object' || s.v !== 1)
        return false;
    if (!(s.condition === null || str(s.condition)) || !href(s.landing) || !href(s.last_url) || !origin(s.referrer))
        return false;
    if (!num(s.last_action) || !SOURCES.test(s.source) || (s.pageviews !== undefined && !num(s.pageviews)))
        return false;
    if (!Array.isArray(s.to_swap) || s.to_swap.length > 50)
        return false;
    for (const e of s.to_swap)
        if (!e || !phone(e.original) || !phone(e.tracked) || (e.expires !== undefined && !num(e.expires)))
            return false;
    const ids = s.tracking_ids;
    if (!ids || typeof ids !== 'object' || Array.isArray(ids))
        return false;
    for (const k in ids)
        if (!str(ids[k]))
            return false;
    return true;
}
/** Removes mgt_session; never throws (a localStorage that throws holds nothing of ours). */
function removeSession() {
    try {
        localStorage.removeItem(KEY);
    }
    catch {
        /* storage unavailable */
    }
}
/** The stored session, or undefined when absent; a damaged entry is removed and reported once. */
function readSession(onDamaged) {
    let raw;
    try {
        raw = localStorage.getItem(KEY);
    }
    catch {
        return undefined;
    }
    if (raw === null)
        return undefined;
    let s;
    try {
        s = raw.length <= 32768 ? JSON.parse(raw) : undefined;
    }
    catch {
        s = undefined;
    }
    if (valid(s))
        return s;
    removeSession();
    onDamaged('mgt_session was not valid: discarded and rebuilt');
    return undefined;
}
/** Writes mgt_session with exactly the documented fields; false when storage refused it. */
function writeSession(s) {
    const out = {
        v: 1,
        condition: s.condition,
        landing: s.landing,
        last_action: s.last_action,
        last_url: s.last_url,
        referrer: s.referrer,
        source: s.source,
        to_swap: s.to_swap.map((e) => (e.expires ? { original: e.original, tracked: e.tracked, expires: e.expires } : { original: e.original, tracked: e.tracked })),
        tracking_ids: s.tracking_ids,
    };
    if (s.pageviews !== undefined)
        out.pageviews = s.pageviews;
    try {
        localStorage.setItem(KEY, JSON.stringify(out));
        return true;
    }
    catch {
        return false;
    }
}

// Reads third-party tracking IDs (_ga, _pk_id.*, custom ones) from the device. Only called once
// consent allows storage: reading a tracker is access to the device as much as writing one.
const deviceReader = (w) => ({
    _cookie: (name) => api.get(name),
    _cookieNames: () => Object.keys(api.get()),
    _local: (key) => {
        try {
            return localStorage.getItem(key);
        }
        catch {
            return null;
        }
    },
    _window: w,
});

// Event batches to `${endpoint}/events` (SPEC 9). One batch per page in the common case: events
// are sent a moment after the last one, and whatever is left goes out when the page is hidden.
// A failed send is dropped: nothing is kept on the device to retry later.
const DELAY = 1000;
/**
 * sendBeacon for identified batches. A beacon always carries the collector's cookies and the page
 * URL in its Referer header (click IDs included, to a same-site collector), so anonymous batches
 * go by fetch without credentials and without referrer instead: cookieless means no identifier.
 */
function send(url, body, anonymous) {
    try {
        if (!anonymous && navigator.sendBeacon && navigator.sendBeacon(url, body))
            return;
    }
    catch {
        /* a beacon that throws (blocked, too large) falls back to fetch */
    }
    try {
        fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer', headers: { 'content-type': 'text/plain' } }).catch(() => undefined);
    }
    catch {
        /* no network API left: the event is lost, the page is not */
    }
}
function createBatch(endpoint, site, log) {
    let timer;
    const batch = {
        _queue: [],
        _push(event, now) {
            batch._queue.push(event);
            clearTimeout(timer);
            if (now)
                batch._flush();
            else
                timer = setTimeout(batch._flush, DELAY);
        },
        _flush() {
            clearTimeout(timer);
            if (!batch._queue.length)
                return;
            const events = batch._queue.splice(0);
            log('sent', events.length, 'event(s)', events);
            send(`${endpoint}/events`, JSON.stringify({ v: 1, site, events }), events.some((e) => e.cookieless));
        },
    };
    return batch;
}

// Pool leases (SPEC 9.3): ask the collector for visitor-level numbers, wait at most `timeout` ms.
/** Resolves to the lease, or undefined on timeout, network error, or an answer that is not a lease. */
function lease(endpoint, body, timeout) {
    return new Promise((resolve) => {
        let ctrl;
        const timer = setTimeout(() => {
            resolve(undefined);
            ctrl && ctrl.abort();
        }, timeout);
        try {
            ctrl = new AbortController();
            fetch(`${endpoint}/lease`, {
                method: 'POST',
                // text/plain keeps this a simple CORS request: no preflight, one round trip.
                headers: { 'content-type': 'text/plain' },
                body: JSON.stringify(body),
                credentials: 'omit',
                signal: ctrl.signal,
            })
                .then((r) => (r.ok ? r.json() : undefined))
                .then((j) => {
                const ok = j && typeof j.numbers === 'object' && j.numbers && typeof j.ttl === 'number' && j.ttl > 0;
                resolve(ok ? { numbers: j.numbers, ttl: Math.min(j.ttl, 86400) } : undefined);
            })
                .catch(() => resolve(undefined))
                .then(() => clearTimeout(timer));
        }
        catch {
            clearTimeout(timer);
            resolve(undefined);
        }
    });
}

function createTracker(cfg, w, emit, early) {
    const doc = w.document;
    const loc = w.location;
    const mode = cfg.mode;
    const country = (cfg.country || 'FR').toUpperCase();
    const prob = cfg.probabilistic || 'fallback';
    const cookie = cfg.cookie || {};
    const poolTimeout = cfg.pool && cfg.pool.timeout !== undefined ? cfg.pool.timeout : 2000;
    const batch = /^(origin|traffic|journey)$/.test(mode) ? createBatch(cfg.endpoint, cfg.site, log) : undefined;
    const swapper = createSwapper(doc, { _country: country, _ignore: cfg.ignore, _onSwap: (e) => emit('swap', e) });
    setDebug(!!cfg.debug || /[?&]mgt_debug=1(&|$)/.test(loc.search));
    let consent = 'unknown';
    let visitor; // known only while storage is allowed and our cookie exists
    let created = false; // mgt_visitor was created on this page
    let started = false;
    let swapping = true; // false after mgt('restore'), until mgt('swap')
    let applied = false; // the swapper has been given a first mapping
    let page = new URL(loc.href);
    let referrer = doc.referrer;
    let kept;
    let arrival; // what this page load saw on arrival (see decide)
    let arrivalInternal = false;
    let condition;
    let shown = {};
    let session;
    let views = 0; // page views of this page load, for the cookieless counter
    let counted = false; // this page view is already counted in mgt_session.pageviews
    let reported = false; // this page view's events are queued, or deliberately not sent
    let pending = []; // anonymous page events waiting for the consent decision (SPEC 9)
    let heldCalls = []; // calls made while the decision is pending
    let renewal;
    let leasing = 0; // so that an answer for an older decision is ignored
    const persistent = () => !!visitor && storageAllowed(cfg, consent);
    // Tracking IDs are identifiers: stored and sent only with consent, not on rotation's
    // consent-free storage (SPEC 6.4).
    const withIds = () => persistent() && consent === 'granted';
    const keep = (ids) => urlFilter(cfg, ids);
    const mute = () => !persistent() && prob === 'off'; // SPEC 8: sends nothing
    const waiting = () => !persistent() && consent === 'unknown' && prob === 'fallback';
    const same = (a, b) => samePhone(a, b, country);
    /** Creates mgt_visitor if storage is allowed; a new visitor never inherits an old mgt_session. */
    const ensureVisitor = () => {
        if (visitor || !storageAllowed(cfg, consent))
            return;
        visitor = readVisitor();
        if (!visitor) {
            removeSession();
            visitor = createVisitor(cookie.days || 30, cookie.domain);
            created = true;
        }
        log(visitor ? 'mgt_visitor ready' : 'cookies blocked: cookieless');
    };
    /** Our cookie still there? Another tab's withdrawal (or expiry) is never undone here. */
    const alive = () => {
        if (visitor && readVisitor() !== visitor) {
            log('mgt_visitor gone (withdrawn in another tab, or expired): cookieless');
            visitor = undefined;
            removeSession();
        }
        return !!visitor;
    };
    const show = (numbers, final) => {
        // The observer keeps the page swapped; a new full pass is needed only when the mapping changes.
        const changed = JSON.stringify(numbers) !== JSON.stringify(shown);
        shown = numbers;
        if (swapping && (changed || !applied)) {
            swapper._set(numbers);
            applied = true;
        }
        if (final)
            unhide(doc);
        log('numbers', numbers);
    };
    const save = () => {
        if (session && alive()) {
            writeSession(session);
            log('stored mgt_session', session);
        }
    };
    /** Strips what identifies: visitor, tracking IDs, title, and every URL down to its path. */
    const anonymous = (e) => {
        const out = { ...e, cookieless: true };
        delete out.visitor;
        delete out.tracking_ids;
        delete out.title;
        for (const k of ['landing', 'url', 'page'])
            if (out[k])
                out[k] = cleanUrl(out[k], keep(false), true);
        return out;
    };
    /** An event with the fields every event carries; identified only while storage is allowed. */
    const event = (type, fields) => {
        const first = Object.keys(shown)[0];
        const tracked = first && parsePhone(shown[first], country);
        const e = { type, mode, cookieless: false, ts: Date.now(), source: kept.source, condition: condition ? condition.id : null };
        if (tracked)
            e.number = e164(tracked);
        for (const k in fields)
            e[k] = fields[k];
        e.visitor = visitor;
        return persistent() ? e : anonymous(e);
    };
    /** Queues this page view's events, or holds anonymous ones until the consent decision. */
    const report = (events) => {
        if (!batch || reported)
            return;
        if (waiting()) {
            pending = events; // replaced if consent comes: a visit is reported once, identified
            return log('anonymous events wait for the consent decision');
        }
        reported = true;
        pending = [];
        if (mute())
            return log('nothing sent: no consent and probabilistic is off');
        for (const e of events)
            batch._push(e);
    };
    /** Sends what waited: on a consent decision, or when the page is hidden (`force`). */
    const release = (force) => {
        if (!batch || (waiting() && !force))
            return;
        const events = mute() ? [] : pending;
        const calls = mute() ? [] : heldCalls;
        if (pending.length)
            reported = true;
        pending = [];
        heldCalls = [];
        for (const e of events)
            batch._push(e);
        for (const c of calls)
            batch._push(c(), true);
    };
    function decide(newView) {
        const now = Date.now();
        const p = persistent() && alive();
        const ids = withIds();
        const here = classify(page, referrer, cookie.domain);
        const fresh = {
            landing: page.href,
            referrer: here._internal ? 'direct' : referrerOrigin(referrer),
            source: here._source,
            tracking_ids: urlTrackingIds(page, cfg.trackingIds),
        };
        log('source', here._source, '—', here._why);
        // The arrival is kept in memory: it is the cookieless attribution, and what a later grant
        // saves, even after virtual page views dropped the landing URL's parameters. A reload or a
        // back/forward navigation is not a new arrival.
        const first = !arrival;
        if (first) {
            arrival = fresh;
            let nav = '';
            try {
                nav = performance.getEntriesByType('navigation')[0].type;
            }
            catch {
                /* no Navigation Timing: treat as a normal navigation */
            }
            arrivalInternal = here._internal || nav === 'reload' || nav === 'back_forward';
        }
        const spaView = newView && !first;
        const current = spaView ? fresh : arrival;
        let isNew;
        if (p) {
            session = readSession(log);
            const internal = spaView ? here._internal : arrivalInternal;
            // An existing visitor arriving by internal navigation without a session here comes from a
            // sibling subdomain under cookie.domain (localStorage is per origin): same visit.
            isNew = internal && !session && !created ? false : isNewVisit(internal, session && session.last_action, now, (cfg.session && cfg.session.timeout) || 30);
            const prev = session && { landing: session.landing, referrer: session.referrer, source: session.source, tracking_ids: session.tracking_ids };
            const mine = {
                ...current,
                landing: cleanUrl(current.landing, keep(ids)),
                tracking_ids: ids ? { ...current.tracking_ids, ...deviceTrackingIds(cfg.trackingIds, deviceReader(w)) } : {},
            };
            kept = isNew ? keepAttribution(prev, mine, cfg.entry || 'first_entry') : prev || mine;
            log(isNew ? 'new visit' : 'same visit', kept);
        }
        else {
            isNew = first && !arrivalInternal;
            kept = arrival;
        }
        const pick = pickCondition(cfg.conditions, { _source: kept.source, _referrer: kept.referrer, _landing: kept.landing, _page: page });
        const cond = (condition = pick._condition);
        log('condition', cond ? cond.id : 'none', '—', pick._why);
        // The default numbers, overridden by the condition's; a pool leases visitor-level numbers.
        const numbers = { ...cfg.numbers };
        if (mode !== 'invisible' && !mute() && cond)
            Object.assign(numbers, cond.numbers);
        const pool = batch && p && cond && cond.pool;
        const originals = Object.keys((cond && cond.numbers) || cfg.numbers || {});
        const leased = pool ? storedLease(originals, now) : undefined;
        Object.assign(numbers, leased);
        if (p) {
            session = {
                v: 1,
                condition: cond ? cond.id : null,
                landing: kept.landing,
                last_action: now,
                last_url: cleanUrl(page, keep(ids)),
                referrer: kept.referrer,
                source: kept.source,
                to_swap: Object.keys(numbers).map((o) => (leased && leased[o] ? { original: o, tracked: numbers[o], expires: leasedUntil } : { original: o, tracked: numbers[o] })),
                tracking_ids: kept.tracking_ids,
                pageviews: batch && mode !== 'origin' ? (isNew || !session ? 0 : session.pageviews || 0) + (counted ? 0 : 1) : undefined,
            };
            counted = true;
            save();
        }
        else if (newView)
            views++;
        // Page events are built once the numbers are final, so that they carry the number shown.
        const reportView = () => {
            if (!batch)
                return;
            const events = [];
            if (isNew)
                events.push(event('visit', { landing: kept.landing, referrer: kept.referrer, tracking_ids: kept.tracking_ids }));
            if (mode === 'traffic')
                events.push(event('pageview', { count: session ? session.pageviews : views }));
            if (mode === 'journey')
                events.push(event('pageview', { url: cleanUrl(page, keep(ids)), title: doc.title.slice(0, 2000) }));
            report(events);
        };
        if (pool && !leased) {
            const meanwhile = { ...numbers };
            for (const o of originals)
                delete meanwhile[o];
            show(meanwhile, false);
            requestLease(pool, originals, numbers, reportView);
        }
        else {
            show(numbers, true);
            if (leased)
                scheduleRenewal();
            reportView();
        }
    }
    let leasedUntil = 0;
    /** Leased numbers still valid in mgt_session, checked before they can reach the page. */
    function storedLease(originals, now) {
        const out = {};
        let n = 0;
        for (const e of (session && session.to_swap) || []) {
            if (e.expires && e.expires > now && originals.indexOf(e.original) >= 0 && valid(e.tracked)) {
                out[e.original] = e.tracked;
                leasedUntil = e.expires;
                n++;
            }
        }
        return n && n === originals.length ? out : undefined;
    }
    /** A number from storage or the endpoint reaches the page only if it is a valid phone number that is not an original. */
    const valid = (t) => {
        if (typeof t !== 'string' || t.length > 40 || !parsePhone(t, country))
            return false;
        for (const m of [cfg.numbers, ...(cfg.conditions || []).map((c) => c.numbers)])
            for (const o in m)
                if (same(o, t))
                    return false;
        return true;
    };
    function requestLease(pool, originals, fallback, then) {
        const id = ++leasing;
        log('leasing from pool', pool);
        lease(cfg.endpoint, { site: cfg.site, pool, visitor, source: kept.source, condition: condition.id, numbers: originals }, poolTimeout).then((answer) => {
            if (id !== leasing)
                return;
            const got = {};
            for (const o of originals)
                if (answer && valid(answer.numbers[o]))
                    got[o] = answer.numbers[o];
            const ok = Object.keys(got).length > 0;
            log(ok ? 'leased' : 'no lease (timeout, error or invalid answer): fallback', got);
            show({ ...fallback, ...got }, true);
            if (ok && session && persistent()) {
                leasedUntil = Date.now() + answer.ttl * 1000;
                session.to_swap = Object.keys(shown).map((o) => (got[o] ? { original: o, tracked: got[o], expires: leasedUntil } : { original: o, tracked: shown[o] }));
                save();
                scheduleRenewal();
            }
            if (then)
                then();
        });
    }
    /** Renews leased numbers before they expire, while the page is visible (SPEC 9.3). */
    function scheduleRenewal() {
        clearTimeout(renewal);
        renewal = setTimeout(function renew() {
            if (doc.visibilityState === 'hidden')
                return doc.addEventListener('visibilitychange', renew, { once: true });
            if (persistent() && alive() && condition && condition.pool)
                requestLease(condition.pool, Object.keys(condition.numbers || cfg.numbers || {}), { ...shown });
        }, Math.max(1000, leasedUntil - Date.now() - 30000));
    }
    function setConsent(granted, source) {
        const next = granted ? 'granted' : 'denied';
        if (next === consent)
            return; // repeated signals are no-ops
        const was = persistent();
        consent = next;
        log('consent', next, 'from', source);
        if (granted)
            ensureVisitor();
        else {
            // Withdrawal takes effect now, on this page: erase, forget, and send nothing identifying.
            deleteVisitor();
            removeSession();
            visitor = undefined;
            clearTimeout(renewal);
            if (batch)
                batch._queue = batch._queue.map(anonymous);
            log('erased mgt_visitor and mgt_session');
        }
        emit('consent', { state: next, source });
        if (!started)
            return;
        if (persistent() !== was) {
            if (!was)
                reported = false; // a grant reports the visit, identified (SPEC 7)
            pending = [];
            decide(false);
        }
        release();
    }
    function view(url) {
        referrer = page.href;
        page = new URL(url || loc.href, loc.href);
        reported = counted = false;
        decide(true);
    }
    // --- start -------------------------------------------------------------------------------
    const consentCfg = cfg.consent || {};
    if (consentCfg.gpc !== false && w.navigator.globalPrivacyControl === true)
        setConsent(false, 'gpc');
    for (const g of early)
        setConsent(g, 'command');
    ensureVisitor();
    started = true;
    decide(true);
    // A microtask later, so that code right after init (mgt('on', 'consent', …)) hears a CMP that
    // answers at once; still before the first paint. In every mode: even invisible, which never
    // stores, reports the visitor's choice in its state.
    Promise.resolve().then(() => startAdapters(consentCfg, setConsent, w));
    if (batch) {
        // The page's last chance: what still waits for the consent decision goes out anonymous.
        const leave = () => {
            release(true);
            batch._flush();
        };
        w.addEventListener('pagehide', leave);
        doc.addEventListener('visibilitychange', () => doc.visibilityState === 'hidden' && leave());
        // Calls: a click on a tel:/callto: link that shows one of our tracked numbers.
        doc.addEventListener('click', (e) => {
            try {
                const a = e.target.closest('a[href]');
                const m = a && /^\s*(?:tel|callto):([^?]*)/i.exec(a.getAttribute('href'));
                const dialled = m && decodeURIComponent(m[1]);
                if (!dialled || mute() || !Object.keys(shown).some((o) => same(shown[o], dialled)))
                    return;
                const build = () => event('call', { number: e164(parsePhone(dialled, country)), page: cleanUrl(page, keep(withIds())) });
                if (waiting())
                    heldCalls.push(build);
                else
                    batch._push(build(), true);
                if (session && persistent()) {
                    session.last_action = Date.now();
                    save();
                }
            }
            catch (x) {
                log('call not tracked:', x);
            }
        }, true);
    }
    // Another tab withdrew consent and removed mgt_session: stop storing here too, at once. Only
    // where this page may store at all (the listener has a cost at init).
    if (mode !== 'invisible' && prob !== 'always')
        w.addEventListener('storage', (e) => {
            if (e.key === 'mgt_session' && e.newValue === null && visitor && !alive())
                decide(false);
        });
    if (cfg.spa) {
        const h = w.history;
        const changed = () => {
            try {
                if (loc.href.split('#')[0] !== page.href.split('#')[0])
                    view();
            }
            catch (x) {
                log('page view not counted:', x);
            }
        };
        for (const name of ['pushState', 'replaceState']) {
            const original = h[name];
            h[name] = function () {
                const r = original.apply(this, arguments);
                changed();
                return r;
            };
        }
        w.addEventListener('popstate', changed);
    }
    const state = () => {
        const p = persistent();
        const s = {
            mode,
            consent,
            persistent: p,
            source: kept.source,
            condition: condition ? condition.id : null,
            landing: cleanUrl(kept.landing, keep(withIds()), !p),
            referrer: kept.referrer,
            numbers: { ...shown },
        };
        if (p)
            s.visitor = visitor;
        return Object.freeze(s);
    };
    emit('ready', state());
    return {
        _consent: setConsent,
        _swap(root) {
            if (!swapping) {
                swapping = true;
                swapper._set(shown);
            }
            swapper._scan(root);
        },
        _restore() {
            swapping = false;
            swapper._restore();
        },
        _pageview: view,
        _state: state,
    };
}

/** Kept equal to package.json's version (a unit test checks it). */
const VERSION = '0.1.0';

function createMgt(w) {
    let tracker;
    let started = false;
    let ready;
    const listeners = {};
    // Consent signals given before init (a CMP can answer first) are applied when init runs.
    const early = [];
    const emit = (name, payload) => {
        if (name === 'ready')
            ready = payload;
        for (const cb of (listeners[name] || []).slice()) {
            try {
                cb(payload);
            }
            catch (e) {
                error(`a '${name}' listener threw:`, e);
            }
        }
    };
    const mgt = function (command, a, b) {
        try {
            if (command === 'init') {
                if (started)
                    return warn('init was called again: ignored (one instance per page)');
                started = true;
                const problem = validate(a);
                if (problem) {
                    error(problem);
                    unhide(w.document);
                    return;
                }
                tracker = createTracker(a, w, emit, early);
            }
            else if (command === 'on') {
                if (['ready', 'swap', 'consent'].indexOf(a) < 0 || typeof b !== 'function')
                    return warn('on: unknown event or no callback:', a);
                (listeners[a] = listeners[a] || []).push(b);
                // A late 'ready' subscriber is told at once, like a resolved promise.
                if (a === 'ready' && ready)
                    b(ready);
            }
            else if (command === 'consent') {
                const granted = a === 'granted' || a === true ? true : a === 'denied' || a === false ? false : undefined;
                if (granted === undefined)
                    return warn("consent takes 'granted' or 'denied', got", a);
                if (tracker)
                    tracker._consent(granted, 'command');
                else if (!started)
                    early.push(granted);
            }
            else if (command === 'state') {
                return tracker && tracker._state();
            }
            else if (command === 'swap') {
                if (a !== undefined && !(a && a.nodeType))
                    return warn('swap takes a DOM node or nothing');
                tracker && tracker._swap(a);
            }
            else if (command === 'restore') {
                tracker && tracker._restore();
            }
            else if (command === 'pageview') {
                tracker && tracker._pageview(typeof a === 'string' ? a : undefined);
            }
            else {
                warn('unknown command', command);
            }
        }
        catch (e) {
            // Nothing here may throw again: the command itself can be a hostile object.
            try {
                error('a command failed:', e);
            }
            catch {
                /* console unavailable */
            }
        }
    };
    mgt.v = VERSION;
    return mgt;
}

/**
 * Takes over `window.mgt` once per page: replaces the snippet's queueing stub with the real
 * command function and replays the queued calls in order. A second copy of the script (or the
 * ES module next to the script tag) finds the real function, marked by its version `v`, and
 * leaves it alone, so exactly one instance runs.
 */
function install(w) {
    const current = w.mgt;
    if (current && current.v)
        return current;
    const mgt = createMgt(w);
    w.mgt = mgt;
    // Replay in order, but subscriptions first: a listener queued after init must still hear the
    // first swaps and the consent a returning visitor's CMP reports during init.
    const queue = Array.prototype.map.call((current && current.q) || [], (args) => Array.prototype.slice.call(args));
    for (const on of [true, false])
        for (const args of queue)
            if ((args[0] === 'on') === on)
                mgt.apply(null, args);
    return mgt;
}

// Entry of dist/mgt.esm.js: the same command function as window.mgt (one instance per page,
// shared with a script tag if the site also has one), and the config validator the
// configurator uses. Importing it on a server (no window) yields a function that does nothing.
const mgt = typeof window === 'object' ? install(window) : (() => undefined);

export { mgt, validate };
