/*! mgt 0.1.0 | consent-aware call tracking | MIT */
// The countries whose numbers mgt recognises. Adding a country is a data change: one line below.
//
// Rows end with ';'. Each holds, separated by spaces:
//   1. the ISO 3166-1 alpha-2 code;
//   2. the calling code;
//   3. the trunk prefix dialled before national numbers: '-' when there is none (the national form
//      is the NSN itself, as in Spain or Italy), or 'digits?' when it is optional and never written
//      after the calling code (NANP's '1');
//   4. the valid national significant numbers (NSN), as a regular expression — reasonable, not
//      exhaustive: it only decides which configured numbers are accepted;
//   5. how a number is grouped when it must be written fresh (SPEC 10.2): comma-separated rules
//      `prefix:sizes`, the first whose prefix (a regex, empty for any number) matches the start of
//      the NSN wins; sizes are group lengths, the digits left over make one last group;
//   6. optionally the group separator, a space when absent.
// Canada shares the US row.
const TABLE = 'FR 33 0 [1-9]\\d{8} :12222;' +
    'BE 32 0 4\\d{8}|[1-9]\\d{7} 4:3222,[2349]:1322,:2222;' +
    'CH 41 0 [1-9]\\d{8} :2322;' +
    'LU 352 - [2-9]\\d{3,10} 6\\d{8}$:333,:2222;' +
    'MC 377 - [4689]\\d{7}|6\\d{8} 6\\d{8}$:12222,:2222;' +
    'DE 49 0 [1-9]\\d{5,12} 30|40|69|89:2,1[5-7]:3,:3;' +
    'ES 34 - [5-9]\\d{8} :3222;' +
    'IT 39 - 0\\d{5,10}|3\\d{8,9} 0[26]:24,3:334,:3;' +
    'NL 31 0 [1-9]\\d{8} 6:18,[1-7]0:234,:33;' +
    'GB 44 0 [1-9]\\d{8,9} 2:244,1\\d1|11|[389]:334,:46;' +
    'US 1 1? [2-9]\\d\\d[2-9]\\d{6} :334 -';
const COUNTRIES = {};
for (const row of TABLE.split(';')) {
    const [iso, cc, trunk, nsn, fmt, sep = ' '] = row.split(' ');
    COUNTRIES[iso] = {
        _cc: cc,
        _trunk: trunk.replace(/\D/g, ''),
        _opt: trunk.indexOf('?') > 0,
        _nsn: new RegExp(`^(?:${nsn})$`),
        _fmt: fmt.split(','),
        _sep: sep,
    };
}
COUNTRIES.CA = COUNTRIES.US;
/**
 * The country of an ISO 3166-1 alpha-2 code, or undefined when mgt does not know it. (Upper-cased,
 * no code can name a property every object has, such as 'constructor'.)
 */
const country = (iso) => COUNTRIES[iso.toUpperCase()];
/**
 * The country whose calling code starts `digits` ('33…' gives France, '1' the NANP row), or
 * undefined. Calling codes are a prefix code: no code starts another, so at most one matches.
 */
function countryOf(digits) {
    for (const iso in COUNTRIES)
        if (!digits.indexOf(COUNTRIES[iso]._cc))
            return COUNTRIES[iso];
    return undefined;
}

// Pure phone number parsing and writing for the countries of countries.ts.
/** Characters people put between the digits of a phone number (SPEC 10.1). */
const SEPARATORS = '\\s.\\-/()\\u2010-\\u2015';
const STRIP = new RegExp(`[${SEPARATORS}]`, 'g');
/** parsePhone's last answer for each text (the numbers of a config, a few dialled ones). */
const known = new Map();
/**
 * Reads a number written in any usual form, national for `iso` ('01 23 45 67 89') or international
 * for any known country ('+33 (0)1 23 45 67 89', '0033 1 23…'). Undefined when it is not a valid
 * number: config validation relies on this to reject a tracked number that could not be dialled.
 * Remembered: config validation compares every tracked number with every original.
 */
function parsePhone(text, iso) {
    let hit = known.get(text);
    if (!hit || hit[0] !== iso)
        known.set(text, (hit = [iso, parse(text, iso)]));
    return hit[1];
}
function parse(text, iso) {
    const m = /^(\+|00)?(\d+)$/.exec(text.replace(STRIP, ''));
    let d = m ? m[2] : '';
    const k = m && (m[1] ? countryOf(d) : country(iso));
    if (!k)
        return undefined;
    const t = k._trunk;
    if (m[1]) {
        d = d.slice(k._cc.length);
        // '+33 (0)1 23…' and the common mistake '+33 01 23…' both carry the trunk after the code.
        if (t && !k._opt && !d.indexOf(t) && !k._nsn.test(d))
            d = d.slice(t.length);
    }
    else if (t && !d.indexOf(t))
        d = d.slice(t.length);
    else if (t && !k._opt)
        return undefined;
    return k._nsn.test(d) ? { _cc: k._cc, _nsn: d } : undefined;
}
/** E.164, the form numbers are sent in: '+33970000001'. */
function e164(p) {
    return `+${p._cc}${p._nsn}`;
}
/** Whether two written numbers are the same phone number (whatever their form). */
function samePhone(a, b, iso) {
    const x = parsePhone(a, iso);
    const y = parsePhone(b, iso);
    return !!x && !!y && x._cc === y._cc && x._nsn === y._nsn;
}
/**
 * Writes a number fresh in its country's usual grouping: national '09 70 00 00 01', or
 * international after `prefix` ('+' or '00'): '+33 9 70 00 00 01'. `compact` leaves out the
 * separators, for tel: links.
 */
function formatPhone(p, prefix = '', compact) {
    const k = countryOf(p._cc);
    const n = p._nsn;
    // Every country's last rule has an empty prefix: one always matches.
    const sizes = k._fmt.map((rule) => rule.split(':')).find(([re]) => new RegExp(`^(?:${re})`).test(n))[1];
    let i = 0;
    const groups = [...sizes].map((size) => n.slice(i, (i += +size)));
    groups.push(n.slice(i));
    return (prefix ? prefix + p._cc + (compact ? '' : ' ') : k._opt ? '' : k._trunk) + groups.filter((g) => g).join(compact ? '' : k._sep);
}

const CMPS = ['tcf', 'gcm', 'didomi', 'axeptio', 'tarteaucitron', 'klaro', 'cookieconsent', 'onetrust', 'cookiebot', 'usercentrics', 'piwikpro', 'cookieyes', 'complianz'];

const show = (v) => {
    try {
        return JSON.stringify(v);
    }
    catch {
        return String(v); // a cyclic object
    }
};
const fail = (f, what, v) => `${f}: ${what} (got ${show(v)})`;
/** A rule from a test of the value: falsy, or throwing, is a mistake. */
const is = (test, what) => (v, f) => {
    try {
        if (test(v))
            return;
    }
    catch {
        /* not even the right type */
    }
    return fail(f, what, v);
};
const bool = is((v) => v === !!v, 'true or false');
const text = is((v) => typeof v === 'string' && v, 'a non-empty string');
const range = (min, max) => is((v) => typeof v === 'number' && v >= min && v <= max, `a number from ${min} to ${max}`);
/**
 * Walks the own entries of a list (`f[0]`), or of an object (`f.key`) when `obj`.
 * `ruleOf(key, value)` is the rule of each entry, none for an unknown field.
 */
const each = (ruleOf, obj) => (v, f) => {
    if (obj ? !v || typeof v !== 'object' || Array.isArray(v) : !Array.isArray(v))
        return fail(f, obj ? 'an object' : 'a list', v);
    for (const k of Object.keys(v)) {
        const rule = ruleOf(k, v[k]);
        const field = obj ? `${f}.${k}` : `${f}[${k}]`;
        const e = rule ? check(rule, v[k], field) : field + ': unknown field';
        if (e)
            return e;
    }
};
const list$1 = (item) => each(() => item);
const either = (item) => (v, f) => check(Array.isArray(v) ? list$1(item) : item, v, f);
const skip = () => undefined; // numbers: checked with the country, in validate()
const MODES = ['invisible', 'rotation', 'origin', 'traffic', 'journey'];
function check(rule, v, f) {
    if (typeof rule === 'function')
        return rule(v, f);
    if (Array.isArray(rule))
        return rule.includes(v) ? undefined : fail(f, 'one of ' + rule.join(', '), v);
    // A field set to undefined is absent. Own fields only: `constructor` is a typo like any other.
    return each((k, x) => rule.hasOwnProperty(k) && (x === undefined ? skip : rule[k]), 1)(v, f);
}
const consent = {
    required: bool,
    cmp: (v, f) => check(Array.isArray(v) ? list$1(CMPS) : ['auto', 'none', ...CMPS], v, f),
    gpc: bool,
    tcf: { vendorId: range(1, 1e6), purposes: list$1(range(1, 11)) },
    gcm: (v, f) => (v === false ? undefined : text(v, f)), // false: not followed
};
for (const c of CMPS)
    consent[c] = consent[c] || text; // the other CMPs: a name or category
const SCHEMA = {
    mode: MODES,
    site: text,
    endpoint: is((v) => typeof v === 'string' && /^https?:$/.test(new URL(v, location.href).protocol), 'an http(s) URL'),
    // The countries whose numbering plan the swap engine knows (swap/countries.ts).
    country: is((v) => country(v.toUpperCase()), 'one of FR BE CH LU MC DE ES IT NL GB US CA'),
    numbers: skip,
    conditions: list$1({
        id: text,
        source: either(['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct']),
        referrer: either(text),
        landing: either(text),
        page: either(text),
        numbers: skip,
        pool: text,
        params: each(() => is((v) => v === true || typeof v === 'string', 'a string or true'), 1),
    }),
    entry: ['first_entry', 'last_entry'],
    probabilistic: ['fallback', 'always', 'off'],
    consent,
    cookie: {
        days: range(1, 395),
        domain: is((v) => {
            const d = '.' + v.replace(/^\./, '').toLowerCase();
            return d !== '.' && ('.' + location.hostname).endsWith(d);
        }, "this site's host or a parent domain"),
    },
    session: { timeout: range(1, 1440) },
    trackingIds: { defaults: bool, custom: list$1({ name: text, from: ['cookie', 'url', 'localStorage', 'window'], key: text }) },
    pool: { timeout: range(0, 30000) },
    urlParams: list$1(text),
    // An empty fragment matches nothing, and an invalid selector throws.
    ignore: is((v) => typeof v === 'string' && !document.createDocumentFragment().querySelector(v), 'a CSS selector'),
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
        // The mode first: it is required, and what else is allowed depends on it.
        const problem = check(MODES, c?.mode, 'config.mode') || check(SCHEMA, c, 'config');
        if (problem)
            return problem;
        const country = (c.country || 'FR').toUpperCase();
        const collecting = /^(origin|traffic|journey)$/.test(c.mode);
        const conditions = c.conditions || [];
        const ids = [];
        const originals = [];
        const tracked = [];
        const phone = is((v) => typeof v === 'string' && parsePhone(v, country), `a ${country} phone number`);
        // original -> tracked; the value after "got" shows which of the two is wrong
        const pair = (o) => (t, f) => phone(o, f) || phone(t, f) || void (originals.push(o), tracked.push(t));
        const numbers = (map, f) => map ? each(pair, 1)(map, f) : undefined;
        const e = numbers(c.numbers, 'config.numbers');
        if (e)
            return e;
        if (c.mode === 'invisible' && conditions.length)
            return fail('config.conditions', 'none in invisible mode', conditions);
        if (collecting && !c.endpoint)
            return fail('config.endpoint', `an http(s) URL in ${c.mode} mode`, c.endpoint);
        for (let i = 0; i < conditions.length; i++) {
            const { id, numbers: own, pool } = conditions[i];
            const f = `config.conditions[${i}]`;
            if (!id || ids.includes(id))
                return fail(f + '.id', 'a unique name', id);
            ids.push(id);
            const e = numbers(own, f + '.numbers');
            if (e)
                return e;
            // A pool is leased from the endpoint; its fallback is what shows on timeout or error.
            if (pool && !(collecting && (own || c.numbers)))
                return fail(f + '.pool', 'origin, traffic or journey mode, and fallback numbers', pool);
        }
        // A tracked number that is also an original would be swapped again on the next scan.
        const loop = tracked.find((t) => originals.some((o) => samePhone(t, o, country)));
        return loop ? fail('config.numbers', 'no tracked number that is also an original', loop) : '';
    }
    catch (x) {
        return `config: could not be read (${x})`;
    }
}

// Console output, always prefixed with [mgt]. Debug explanations print only when debug is on
// (config.debug or ?mgt_debug=1); config mistakes and ignored commands print always.
// Printing never throws: a missing console, or a page value whose inspection throws, must not
// turn a log line into an error in the page.
let debugOn = false;
const setDebug = (on) => {
    debugOn = on;
};
const print = (level, gated) => (...args) => {
    try {
        if (debugOn || !gated)
            console[level]('[mgt]', ...args);
    }
    catch {
        /* nowhere to print */
    }
};
/** Explains a decision; silent unless debug is on. */
const log = print('info', 1);
const warn = print('warn');
const error = print('error');

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
 * blocked localStorage, a Proxy trap, a Symbol that cannot become text, a place not given) is an
 * absent id: it must not cost the others.
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
/**
 * The tracking IDs found in the page URL, on the device, or both: the defaults (unless
 * `defaults: false`) and the custom ones, from the places given. The device is read only with
 * consent (SPEC 6.4): reading a tracker is access to the device as much as writing one.
 */
function trackingIds(cfg, page, device) {
    const ids = {};
    const url = (k) => page.searchParams.get(k);
    if (cfg?.defaults !== false) {
        URL_IDS.map((k) => put(ids, k, () => url(k)));
        // _ga and every _pk_id.* cookie. Listing the cookies may throw too (blocked cookies): inside put,
        // that costs nothing else, and the list itself (an object) is never stored.
        put(ids, '', () => device._cookieNames().map((n) => /^(_ga$|_pk_id\.)/.test(n) && put(ids, n, () => device._cookie(n))));
    }
    // Each place a custom id may come from (`from` is validated config); a place not given throws,
    // inside put: absent.
    const places = {
        url,
        cookie: (k) => device._cookie(k),
        localStorage: (k) => device._local(k),
        // A dotted path ('dataLayer.0.userType') followed through own data properties of objects only:
        // a getter or a Proxy trap could run page code with side effects, so accessors are absent, and
        // primitives are not walked ('str'.length is not an id).
        window: (path) => path.split('.').reduce((o, k) => (Object(o) === o ? (Object.getOwnPropertyDescriptor(o, k) || {}).value : undefined), device._window),
    };
    customIds(cfg).map((c) => put(ids, c.name, () => places[c.from](c.key)));
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
    // Conditions come from validated config: objects.
    const allow = (cfg.urlParams || []).concat(...(cfg.conditions || []).map((c) => Object.keys(c.params || {})));
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
 * to the parameters `keep` accepts (original order, re-encoded), or only the path without `keep`
 * (cookieless, SPEC 8). At most 2,000 characters; '' for anything unparsable or not http(s).
 */
function cleanUrl(url, keep) {
    try {
        const u = httpUrl(url);
        u.search = '' + new URLSearchParams([...u.searchParams].filter(([k, v]) => keep && keep(k, v)));
        // The origin has no credentials; the fragment is left out.
        // A cut inside '%4', or between the bytes of '%C3%A9', would leave an escape a strict decoder
        // (decodeURIComponent on the collector) rejects: drop the unfinished character.
        return clip(keep ? u.origin + u.pathname + u.search : u.pathname).replace(/(%([cd][\da-f]|e[\da-f](%[89ab][\da-f])?|f[0-7](%[89ab][\da-f]){0,2}))?(%[\da-f]?)?$/i, '');
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
/**
 * Classifies the visit: its `source`, and its `referrer` as stored, the referring site's origin
 * ('https://www.google.fr'), or 'direct' when there is none (empty, unparsable, not http(s)) or it
 * is internal. `_internal` marks a same-site referrer (same host, or `cookieDomain` and its
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
    const out = (source, why, internal) => ({
        source: source,
        referrer: ref && !internal ? ref.origin : 'direct',
        _why: why,
        _internal: !!internal,
    });
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
 * The first condition whose every set field matches, for a visit (its source, its referrer: an
 * origin or 'direct', its landing URL: absolute or a path resolved against the page) seen on `page`.
 * Conditions come from validated config: objects with an id. `_why` is for the debug console: each
 * condition tried, with the first field that failed or 'matches' for the winner.
 */
function pickCondition(conditions, visit, page) {
    const landing = httpUrl(visit.landing, page);
    const ref = httpUrl(visit.referrer);
    const host = ref ? ref.hostname : '';
    const onPath = (u) => (p) => !!u && glob(norm(String(p)), norm(u.pathname));
    // One test per field, in the order they are explained; a field holds one value or a list, and
    // matches when one of them passes.
    const tests = {
        source: (s) => s == visit.source,
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
        page: onPath(page),
    };
    const tried = [];
    for (const c of conditions || []) {
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
 * The attribution to keep when a visit starts. first_entry (the default) keeps the first one ever stored;
 * last_entry takes the newest, except that a direct visit never erases a known source
 * (last non-direct click): typing the URL later should not hide the campaign that brought them.
 */
function keepAttribution(prev, current, entry) {
    return prev && (entry != 'last_entry' || (current.source == 'direct' && prev.source != 'direct')) ? prev : current;
}

// Finds the configured original numbers in a string, in every usual written form, and computes
// their replacements (SPEC 10.1, 10.2). Pure: the DOM side lives in swapper.ts.
//
// One regex finds, natively, each place where a number may start and the run of digits joined by
// separators from there; the run's tokens ('+' and digits) are looked up among the originals'
// forms (national, +cc, 00cc, with or without the trunk), longest first. A few small regexes keep
// scanning fast however many numbers are configured.
const GAP = `[${SEPARATORS}]{0,3}`;
// A number never starts or ends inside a longer token: not next to a letter, digit or '+', and not
// one separator away from another digit (IBANs, SIRET, order numbers, dates, times, prices).
const NEAR_CHARS = '\\s.\\-/,:';
const NEAR = `[${NEAR_CHARS}]`;
/** One or two characters a number may come after: none of those, or a separator after a non-digit. */
const BEFORE = `[^\\w+${NEAR_CHARS}]|\\D${NEAR}`;
/** Where a number may start: the text's start (maybe a separator), or after BEFORE. */
const START = `(?:^${NEAR}?|${BEFORE})`;
/**
 * BEFORE, then the run of digits joined by separators (maybe after a '+') from there. It is run on
 * the text after a NUL, which stands for the text's start: BEFORE always reads one character or
 * two, so a search resumed at a run's first token never finds the same run again.
 */
const RUN = new RegExp(`(?:${BEFORE})((?:\\+${GAP})?\\d(?:${GAP}\\d)*)`, 'g');
const ENDS_INSIDE = new RegExp(`^(?:[\\w+]|${NEAR}\\d)`);
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
        const k = from && countryOf(from._cc);
        const kt = to && countryOf(to._cc);
        if (!k || !kt)
            continue;
        const t = k._trunk;
        for (const p of ['', '+', '00'])
            for (const trunk of [false, true])
                // Nationally the trunk is written unless it is optional or absent; internationally it is
                // left out, or written as in '+33 (0)1…' (never NANP's).
                if (trunk ? t && !(p && k._opt) : p || !t || k._opt) {
                    const write = (x, c) => (p && p + c._cc) + (trunk ? c._trunk : '') + x._nsn;
                    const key = write(from, k);
                    const want = write(to, kt);
                    // A national original of another country than the tracked number's can only be
                    // replaced by the international form, written fresh.
                    const fresh = !p && k !== kt;
                    forms.set(key, [to, !fresh && want.length === key.length ? want : '', fresh ? '+' : p]);
                }
    }
    // Longest first, so that of two originals where one starts the other, the whole one wins.
    const keys = [...forms.keys()];
    const lengths = [...new Set(keys.map((key) => key.length))].sort((a, b) => b - a);
    const min = lengths[lengths.length - 1];
    if (!min)
        return undefined;
    const matcher = ((s, compact) => {
        let out;
        const hits = [];
        const t = `\0${s}`;
        RUN.lastIndex = 0;
        for (let m; (m = RUN.exec(t));) {
            const run = m[1];
            // Where the run starts in s; unless a number is found here, the next may start further in.
            const i = (RUN.lastIndex -= run.length) - 1;
            const tokens = run.replace(NOT_TOKEN, '');
            for (const len of lengths) {
                const form = len <= tokens.length && forms.get(tokens.slice(0, len));
                if (!form)
                    continue;
                // The end: just after the len-th token.
                let e = i;
                for (let c = 0; c < len; e++)
                    if (TOKEN.test(s[e]))
                        c++;
                if (ENDS_INSIDE.test(s.slice(e, e + 2)))
                    continue;
                const w = s.slice(i, e);
                const [to, want, prefix] = form;
                let j = 0;
                // Same token count: every separator keeps its place, the tokens take the original's places.
                const r = want ? w.replace(/[\d+]/g, () => want[j++]) : formatPhone(to, prefix, compact);
                out = out || s.split('');
                for (let x = 0; x < w.length; x++)
                    out[i + x] = r.length === w.length ? r[x] : x ? '' : r;
                hits.push([i, w, r]);
                RUN.lastIndex = e + 1;
                break;
            }
        }
        return out && { _out: out, _hits: hits };
    });
    // The pre-filter: where a number may start, the first three tokens of some form, then enough
    // digits for the shortest form.
    const heads = new Set(keys.map((key) => [...key.slice(0, 3)].join(GAP).replace('+', '\\+')));
    const body = `(?:${[...heads].join('|')})(?:${GAP}\\d){${min - 3}}`;
    matcher._long = new RegExp(START + body);
    matcher._any = new RegExp(body);
    return matcher;
}

const SKIP = 'script,style,noscript,template,textarea,input,select,[contenteditable],[data-mgt-ignore]';
const ATTRS = ['href', 'title', 'alt', 'aria-label'];
const LINK = /^\s*(?:tel|sms|callto):/i;
const DIGIT = /\d/;
const CLASS = 'mgt-number';
const NONE = /$^/;
/** Milliseconds of scanning per task: longer documents continue in later tasks (no long task). */
const BUDGET = 25;
/** Work units between two looks at the clock: a node, or 1 KB of text read at once. */
const CHECK = 64;
/** NodeFilter.SHOW_ELEMENT. */
const ELEMENT = 1;
/** An attributeFilter implies attributes: true. */
const OBSERVE = { childList: true, subtree: true, characterData: true, attributeFilter: ATTRS };
function createSwapper(doc, opts) {
    const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
    const memory = new Map();
    /** Elements we gave the class, and whether they had a class attribute before. */
    const classed = [];
    /** Pending scans of roots, each a walker over the root's elements; observed additions go first. */
    let jobs = [];
    let match;
    /** The matcher's pre-filters: most texts with digits (prices, dates…) hold no original. */
    let long = NONE;
    let any = NONE;
    let mapping = '';
    /** Swapping and observing; off, edits write the originals back. */
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
    /**
     * What the page wrote, given the value `v` now and what we remembered: our text, or our text
     * extended (the parser appending to a node), stands for the original; anything else is new.
     */
    function original(v, mem) {
        return mem && (v === mem[1] || (mem[1] && !v.indexOf(mem[1]))) ? mem[0] + v.slice(mem[1].length) : v;
    }
    function mark(el) {
        if (el && !el.classList.contains(CLASS)) {
            classed.push([el, el.hasAttribute('class')]);
            el.classList.add(CLASS);
        }
    }
    /**
     * Swaps `nodes` of `el` — adjacent text nodes read as one string, or one attribute — and
     * remembers what it wrote; off, writes back what the page wrote. A `link` (href) is read with
     * its percent escapes decoded; the escapes of characters not swapped are written back as they were.
     */
    function edit(nodes, el, link) {
        const was = [];
        /** For a link: what the page wrote for each decoded character. */
        const src = [];
        let s = '';
        let known = false;
        for (const n of nodes) {
            const mem = memory.size ? memory.get(n) : undefined;
            const o = original(n.nodeValue, mem);
            known = known || !!mem;
            if (link && !LINK.test(o))
                return;
            was.push(o);
            s += link ? o.replace(/%([\da-f]{2})|[^]/gi, (c, h) => (src.push(c), h ? String.fromCharCode(parseInt(h, 16)) : c)) : o;
        }
        const r = on && match && match(s, link);
        // Nothing to swap here and nothing swapped before: nothing to write (the common case).
        if (r ? el && el.closest(skip) : !known)
            return;
        const out = r && (link ? r._out.map((c, k) => (c === s[k] ? src[k] : c)) : r._out);
        let at = 0;
        let changed = false;
        nodes.forEach((n, i) => {
            const o = was[i];
            // Each text node takes its characters' slice; a link is one node, whose slice is all of out.
            const v = out ? out.slice(at, (at += o.length)).join('') : o;
            if (v !== n.nodeValue) {
                n.nodeValue = v;
                changed = true;
            }
            if (v !== o)
                memory.set(n, [o, v]);
            else
                memory.delete(n);
        });
        if (r) {
            mark(el);
            if (changed)
                for (const [i, o, t] of r._hits) {
                    // The node where the number starts; an attribute's element.
                    let k = 0;
                    for (let j = i; j >= was[k].length && k < nodes.length - 1;)
                        j -= was[k++].length;
                    guard(opts._onSwap, { original: o, tracked: t, node: nodes[k].nodeType === 2 ? el : nodes[k] });
                }
        }
    }
    /** Handles the run of adjacent text nodes around `t` as one string. */
    function text(t) {
        let a = t;
        let b;
        while ((b = a.previousSibling) && b.nodeType === 3)
            a = b;
        const nodes = [];
        for (b = a; b && b.nodeType === 3; b = b.nextSibling)
            nodes.push(b);
        edit((group = nodes), t.parentElement);
    }
    /** Handles one attribute of `el`. */
    function attr(el, name) {
        const a = el && el.getAttributeNode(name);
        if (a)
            edit([a], el, name === 'href');
    }
    /** Re-applies what we wrote in `n` (a text node, with its siblings, or an attribute); off, undoes it. */
    function redo(_, n) {
        // (An attribute no longer on its element has no owner.)
        if (n.nodeType !== 3)
            attr(n.ownerElement, n.name);
        // A text node out of the document is swapped again when it comes back.
        else if (!on || n.isConnected)
            text(n);
    }
    /** An element's own open shadow root and phone attributes. */
    function element(el) {
        const sr = el.shadowRoot;
        if (sr && !el.closest(skip)) {
            observer.observe(sr, OBSERVE);
            queue(sr);
        }
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
            jobs.splice(pumping ? 1 : 0, 0, doc.createTreeWalker(root, ELEMENT));
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
            for (let w; jobs.length > keep && (w = jobs[0]); jobs.shift(), (clean = undefined)) {
                const root = w.root;
                group = [];
                // A walker still on its root starts there; another resumes after the last node handled.
                for (let x = w.currentNode === root ? root : w.nextNode(); x; x = w.nextNode()) {
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
            if (r.attributeName)
                attr(t, r.attributeName);
            else if (t.nodeType === 3) {
                // A text edited. Not ours, and with digits or swapped before?
                const mem = memory.get(t);
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
        on = true;
        // Open shadow roots are observed as the scan finds them.
        observer.observe(doc, OBSERVE);
        jobs = [];
        // What we swapped, first: a new mapping may restore it or swap it differently.
        memory.forEach(redo);
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
            long = match ? match._long : NONE;
            any = match ? match._any : NONE;
            start();
        },
        _scan(root) {
            if (on && root)
                scan(root);
            else
                start();
        },
        _restore() {
            // Texts written by the page since the last callback are the originals to put back.
            guard(handle, observer.takeRecords());
            observer.disconnect();
            on = false;
            // (A slice still scheduled finds no job.)
            jobs = [];
            memory.forEach(redo);
            memory.clear();
            for (const [el, had] of classed) {
                el.classList.remove(CLASS);
                if (!had && !el.getAttribute('class'))
                    el.removeAttribute('class');
            }
            classed.length = 0;
        },
    };
}

/** Ends the site's optional anti-flicker hiding (SPEC 3): `class="mgt-hide"` on <html>. */
const unhide = (d) => d.documentElement.classList.remove('mgt-hide');

// Server-rendered framework roots (issue 12): React and Vue compare the server's text with their
// own render when they hydrate, and a swapped number there is a mismatch. React 19 then throws the
// server DOM away and renders the page again (error #418); Vue logs an error and writes the
// original back. So inside such a root nothing is swapped (text, attributes, our class) until the
// framework has hydrated it; then the root is marked and swapped in the same frame, before the
// paint. ARCHITECTURE.md "Frameworks" has the evidence.
/**
 * The roots still waiting for hydration, never swapped (they join the swapper's ignored subtrees):
 * Next.js (pages router) and Nuxt, recognised by their ids, and any root the site marks with
 * `data-mgt-hydrate` (the one line Next's app router needs, on `<html>`).
 */
const WAITING = '#__next:not([data-mgt-hydrated]),#__nuxt:not([data-mgt-hydrated]),[data-mgt-hydrate]:not([data-mgt-hydrated])';
// Built at run time: terser renames every property that starts with '_' (rollup.config.mjs).
const VUE_APP = '_'.repeat(2) + 'vue_app__';
/** Defined by the inline scripts of every Next.js app-router page. */
const NEXT_APP = '_'.repeat(2) + 'next_f';
/**
 * Hydrated: Vue sets `__vue_app__` on the container once `mount` has hydrated it (synchronously);
 * React sets `__reactFiber$…` on every element it hydrates, and its first hydration renders and
 * commits in one task (a blocking lane, not time-sliced), so a key seen in a frame means done.
 */
const hydrated = (el) => el && (el[VUE_APP] || Object.keys(el).some((k) => /^__reactFiber/.test(k)));
/**
 * Once per frame while the page is parsed or a root waits: a root found hydrated is marked and
 * handed to `swap`, in the frame it hydrated (rAF runs before the paint). Returns `unhide`, which
 * ends the anti-flicker hiding once the page is parsed and no root waits (now or later).
 */
function watchHydration(w, swap, debug) {
    const doc = w.document;
    let decided;
    const done = () => decided && doc.readyState != 'loading' && !doc.querySelector(WAITING) && unhide(doc);
    const tick = () => {
        for (const root of doc.querySelectorAll(WAITING))
            if (hydrated(root) || hydrated(root.firstElementChild)) {
                root.setAttribute('data-mgt-hydrated', '');
                swap(root);
            }
        if (doc.readyState == 'loading' || doc.querySelector(WAITING))
            w.requestAnimationFrame(tick);
        else {
            // Next's app router hydrates the whole document, which has no id to recognise: the site's line.
            if (w[NEXT_APP] && !doc.querySelector('[data-mgt-hydrate]'))
                debug('Next.js app router: add data-mgt-hydrate to <html>, or React renders the page again');
            done();
        }
    };
    tick();
    return () => {
        decided = 1;
        done();
    };
}

function storageAllowed(c, state) {
    return (c.mode !== 'invisible' &&
        c.probabilistic !== 'always' &&
        (state === 'granted' || (c.mode === 'rotation' && c.consent?.required === false && state !== 'denied')));
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
/**
 * Listens for each of the space-separated event `types`, whether dispatched at the window or at
 * the document: an event dispatched at the document passes the window first, in its capture phase.
 */
const on = (w, types, fn) => {
    for (const t of types.split(' '))
        w.addEventListener(t, fn, true);
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
    for (const name of sel == 'auto' ? CMPS : [].concat(sel)) {
        const a = ADAPTERS[name];
        const option = a && (cfg[name] || a[1]);
        if (option) {
            // guarded: a CMP (or a signal) that throws never throws into the page nor stops the others
            const read = guard((e) => a[0](w, option, (granted) => (signal(!!granted, name), 1), e));
            let found;
            const poll = () => found || (found = read());
            poll();
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

// The mgt_visitor cookie, written, read and removed through js-cookie (its default path is '/'):
// a random visitor ID, created once on consent and never extended, so its lifetime is what the
// cookie policy says (cookie.days after creation, at most 13 months).
const NAME = 'mgt_visitor';
/** The visitor ID, or undefined when the cookie is absent, expired, blocked or tampered with. */
function readVisitor() {
    try {
        const id = api.get(NAME);
        // What we write: 16 random bytes as base64url (22 characters). Anything else is not ours.
        if (/^[\w-]{22}$/.test(id))
            return id;
    }
    catch {
        /* cookies blocked */
    }
}
/**
 * Creates the cookie with an ID of 128 bits from crypto.getRandomValues and returns it; undefined
 * when there is no such source (no weak ID instead) or cookies are blocked (the write is read back
 * to be sure). `domain` comes from config.cookie.domain; without it the cookie is host-only.
 */
function createVisitor(days, domain) {
    try {
        const id = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
            .replace(/\+/g, '-')
            .replace(/\//g, '_')
            .slice(0, 22);
        api.set(NAME, id, { expires: days, sameSite: 'Lax', secure: location.protocol == 'https:', domain });
        if (readVisitor() == id)
            return id;
    }
    catch {
        /* no random source, or cookies blocked */
    }
}
/**
 * Deletes the cookie in every form the module may have written: host-only, and with a Domain
 * attribute for this host and each of its parent domains (a site may have changed cookie.domain
 * since the cookie was written; the browser ignores a bare top-level domain).
 */
function deleteVisitor() {
    try {
        const labels = location.hostname.split('.');
        api.remove(NAME);
        labels.map((_, i) => api.remove(NAME, { domain: labels.slice(i).join('.') }));
    }
    catch {
        /* cookies blocked: there is nothing to delete */
    }
}

const str = (v) => typeof v == 'string' && v.length <= 2000;
const num = (v) => typeof v == 'number' && v >= 0 && v < 1e15;
const numOrNone = (v) => v === undefined || num(v);
const object = (v) => v && typeof v == 'object' && !Array.isArray(v);
// What the module writes: absolute http(s) URLs as the URL parser serializes them (it leaves an
// apostrophe in a path, as in /l'offre, but encodes spaces, quotes and angle brackets), an origin
// or 'direct', and phone numbers as written in the config. Anything else was not written by us.
const test = (re) => (v) => str(v) && re.test(v);
const href = test(/^https?:\/\/[^\s<>"`]*$/);
// Phone numbers: digits and the separators parsePhone() accepts (\s covers the non-breaking spaces;
// US numbers start with '('; Luxembourg has 4-digit ones). Numbers reach the page only after
// parsePhone() itself.
const phone = test(/^\+?[\d\s().\/\u2010-\u2015-]{4,40}$/);
/** One check per stored field: every field must pass, and no other may be there. */
const FIELDS = {
    v: (v) => v === 1,
    condition: (v) => v === null || str(v),
    landing: href,
    last_action: num,
    last_url: href,
    // An origin: host (an IPv6 one in brackets) and port, no path.
    referrer: test(/^(direct|https?:\/\/[\w.:[\]-]+)$/),
    source: test(/^(paid|email|social|organic|referral|campaign|direct)$/),
    to_swap: (v) => Array.isArray(v) && v.length <= 50 && v.every((e) => e && phone(e.original) && phone(e.tracked) && numOrNone(e.expires)),
    tracking_ids: (v) => object(v) && Object.values(v).every(str),
    pageviews: numOrNone,
};
const NAMES = Object.keys(FIELDS);
/**
 * The one place that touches localStorage['mgt_session']: `getItem`, `setItem` (with `value`) or
 * `removeItem`. A localStorage that throws (disabled, private mode, quota) holds nothing of ours:
 * undefined.
 */
const store = (op, value) => {
    try {
        return localStorage[op]('mgt_session', value);
    }
    catch {
        /* storage unavailable */
    }
};
const removeSession = () => {
    store('removeItem');
};
/** The stored session, or undefined when absent; a damaged entry is removed and reported. */
function readSession(onDamaged) {
    const raw = store('getItem');
    if (raw == null)
        return;
    let s;
    try {
        s = raw.length <= 32768 && JSON.parse(raw);
    }
    catch {
        /* not JSON: damaged */
    }
    if (object(s) && Object.keys(s).every((k) => NAMES.includes(k)) && NAMES.every((k) => FIELDS[k](s[k])))
        return s;
    removeSession();
    onDamaged('mgt_session invalid: rebuilt');
}
/**
 * Writes the session as it is: the tracker builds it with exactly the documented fields (undefined
 * ones, such as `pageviews` outside traffic and journey, are left out by JSON). A storage that
 * refuses it keeps nothing, and the next page starts from the cookie alone.
 */
const writeSession = (s) => {
    store('setItem', JSON.stringify(s));
};

// Reads third-party tracking IDs (_ga, _pk_id.*, custom ones) from the device. Only called once
// consent allows storage: reading a tracker is access to the device as much as writing one. Every
// read may throw (blocked cookies or storage): trackingIds() guards each one.
const deviceReader = (w) => ({
    _cookie: api.get,
    _cookieNames: () => Object.keys(api.get()),
    _local: (key) => localStorage.getItem(key),
    _window: w,
});

// Event batches to `${endpoint}/events` (SPEC 9). One batch per page in the common case: events
// are sent a moment after the last one, and whatever is left goes out when the page is hidden.
// A failed send is dropped: nothing is kept on the device to retry later.
/**
 * sendBeacon for identified batches. A beacon always carries the collector's cookies and the page
 * URL in its Referer header (click IDs included, to a same-site collector), so anonymous batches
 * go by fetch without credentials and without referrer instead: cookieless means no identifier.
 * A string body is sent as text/plain: a CORS-simple request, no preflight.
 */
function send(url, body, anonymous) {
    try {
        if (!anonymous && navigator.sendBeacon(url, body))
            return;
    }
    catch {
        /* no beacon, or one that throws (blocked, too large): fetch instead */
    }
    try {
        fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer' }).catch(() => 0);
    }
    catch {
        /* no network API left: the event is lost, the page is not */
    }
}
function createBatch(endpoint, site) {
    let timer;
    const batch = {
        _queue: [],
        _push(event, now) {
            batch._queue.push(event);
            clearTimeout(timer);
            if (now)
                batch._flush();
            else
                timer = setTimeout(batch._flush, 1000);
        },
        _flush() {
            const events = batch._queue.splice(0);
            clearTimeout(timer);
            if (events.length) {
                log('sent', events);
                send(endpoint + '/events', JSON.stringify({ v: 1, site, events }), events.some((e) => e.cookieless));
            }
        },
    };
    return batch;
}

// Pool leases (SPEC 9.3): ask the collector for visitor-level numbers, wait at most `timeout` ms.
/**
 * Resolves to the lease, or undefined on timeout, network error, or an answer that is not a lease
 * (the numbers in it are checked by the caller). Never rejects. A late answer is ignored; the
 * request is not aborted, since the collector has received it anyway. The string body goes as
 * text/plain: a CORS-simple request, no preflight, one round trip.
 */
const lease = (endpoint, body, timeout) => new Promise((resolve) => {
    setTimeout(resolve, timeout);
    fetch(endpoint + '/lease', { method: 'POST', body: JSON.stringify(body), credentials: 'omit' })
        .then((r) => r.ok && r.json())
        .then((j) => resolve(j && j.numbers && typeof j.numbers == 'object' && typeof j.ttl == 'number' && j.ttl > 0 ? { numbers: j.numbers, ttl: Math.min(j.ttl, 86400) } : undefined))
        .catch(() => resolve(undefined));
    // A fetch that throws at once (missing, replaced by the page) rejects: no lease.
}).catch(() => undefined);

function createTracker(cfg, w, emit, early) {
    const doc = w.document;
    const loc = w.location;
    const { mode, conditions = [], cookie = {} } = cfg;
    const defaults = cfg.numbers || {};
    const country = (cfg.country || 'FR').toUpperCase();
    const prob = cfg.probabilistic || 'fallback';
    const batch = /^(origin|traffic|journey)$/.test(mode) ? createBatch(cfg.endpoint, cfg.site) : undefined;
    // Framework roots are not swapped until hydrated (hydration.ts): they join the ignored subtrees.
    const swapper = createSwapper(doc, { _country: country, _ignore: (cfg.ignore ? cfg.ignore + ',' : '') + WAITING, _onSwap: (e) => emit('swap', e) });
    // Every original of the config: a number from storage or the endpoint that is one of them would
    // be swapped again, so it never reaches the page.
    const originals = [defaults, ...conditions.map((c) => c.numbers || {})].flatMap(Object.keys);
    const same = (a, b) => samePhone(a, b, country);
    setDebug(!!cfg.debug || /[?&]mgt_debug=1(&|$)/.test(loc.search));
    let consent = 'unknown';
    // The visitor ID, known only while storage is allowed and our cookie exists: set means the page
    // is persistent. It is only set where storageAllowed() holds, and the one consent change that
    // can end storage (a denial) clears it: a grant allows whatever an unknown state allowed.
    let visitor;
    let created = false; // mgt_visitor was created on this page
    let swapping = true; // false after mgt('restore'), until mgt('swap')
    let page = new URL(loc.href);
    let referrer = doc.referrer;
    let kept; // set by the first decision
    let arrival; // what this page load saw on arrival (see decide)
    let cid = null; // the id of the condition that matched
    let pool; // its pool, while persistent
    let wanted = []; // the originals that pool leases numbers for
    let shown; // undefined until the first decision, so that the first one is applied
    let session; // while persistent
    let views = 0; // page views of this page load, for the cookieless counter
    let reported = false; // this page view's events are reported (sent, held, or deliberately not sent)
    let held = []; // anonymous page events waiting for the consent decision (SPEC 9)
    let heldCalls = []; // calls made meanwhile, built when sent
    let renewal;
    let leasing = 0; // so that an answer for an older request is ignored
    let leasedUntil = 0;
    /** Tracking IDs are identifiers: stored and sent only with consent, not on rotation's consent-free storage (SPEC 6.4). */
    const withIds = () => !!visitor && consent == 'granted';
    /** A URL as stored and sent: redacted (SPEC 9.2), or only its path when cookieless (SPEC 8). */
    const clean = (url) => cleanUrl(url, visitor ? urlFilter(cfg, withIds()) : undefined);
    const mute = () => !visitor && prob == 'off'; // SPEC 8: sends nothing
    const waiting = () => !visitor && consent == 'unknown' && prob == 'fallback';
    const forget = () => {
        visitor = session = undefined;
        removeSession();
    };
    /** Creates mgt_visitor if storage is allowed; a new visitor never inherits an old mgt_session. */
    const ensureVisitor = () => {
        if (!visitor && storageAllowed(cfg, consent)) {
            visitor = readVisitor();
            if (!visitor) {
                removeSession();
                visitor = createVisitor(cookie.days || 30, cookie.domain);
                created = true;
            }
            log('mgt_visitor', visitor || 'blocked: cookieless');
        }
    };
    /** Our cookie still there? Another tab's withdrawal (or expiry) is never undone here. */
    const alive = () => {
        if (visitor && readVisitor() != visitor) {
            log('mgt_visitor gone: cookieless');
            forget();
        }
        return !!visitor;
    };
    const show = (numbers, final) => {
        // The observer keeps the page swapped; a new full pass is needed only when the mapping changes.
        if (swapping && JSON.stringify(numbers) != JSON.stringify(shown)) {
            swapper._set(numbers);
            emit('numbers', numbers);
        }
        shown = numbers;
        if (final)
            unhideWhenHydrated();
        log('numbers', numbers);
    };
    const save = () => {
        if (session && alive()) {
            writeSession(session);
            log('stored mgt_session', session);
        }
    };
    /** mgt_session.to_swap: the numbers shown, leased ones with their expiry. */
    const toSwap = (numbers, leased) => Object.keys(numbers).map((original) => ({ original, tracked: numbers[original], expires: leased && leased[original] ? leasedUntil : undefined }));
    /**
     * Completes an event as the current consent allows: identified, with its URLs redacted; or
     * anonymous (SPEC 8, 9.1): no visitor, tracking IDs or title, and URLs cut to their path. Also
     * rewrites the identified events still queued when consent is withdrawn.
     */
    const finish = (e) => {
        if (!visitor) {
            delete e.visitor;
            delete e.tracking_ids;
            delete e.title;
        }
        e.cookieless = !visitor;
        for (const k of ['landing', 'url', 'page'])
            if (e[k])
                e[k] = clean(e[k]);
        return e;
    };
    /** An event with the fields every event carries; the URLs in `fields` are absolute. */
    const event = (type, fields) => {
        const tracked = parsePhone(Object.values(shown)[0] || '', country);
        return finish({ type, mode, ts: Date.now(), source: kept.source, condition: cid, number: tracked && e164(tracked), ...fields, visitor });
    };
    /** Sends what waits (page events, calls) unless the consent decision is pending; `force` on pagehide. */
    const release = (force) => {
        if (batch && (force || !waiting())) {
            if (!mute()) {
                for (const e of held)
                    batch._push(e);
                for (const c of heldCalls)
                    batch._push(c(), true);
            }
            held = [];
            heldCalls = [];
        }
    };
    /** A number from storage or the endpoint reaches the page only if it is a valid phone number that is not an original. */
    const valid = (t) => typeof t == 'string' && t.length <= 40 && !!parsePhone(t, country) && !originals.some((o) => same(o, t));
    function decide(newView) {
        const now = Date.now();
        const p = alive();
        const here = classify(page, referrer, cookie.domain);
        log('source', here.source, here._why);
        const fresh = { ...here, landing: page.href, tracking_ids: trackingIds(cfg.trackingIds, page) };
        // The arrival is kept in memory: it is the cookieless attribution, and what a later grant
        // saves, even after virtual page views dropped the landing URL's parameters. A reload or a
        // back/forward navigation is not a new arrival.
        const first = !arrival;
        if (first) {
            // (Browsers without Navigation Timing 2 list no entry: a normal navigation.)
            const again = performance.getEntriesByType('navigation').some((n) => /^(reload|back_forward)$/.test(n.type));
            arrival = { ...fresh, _internal: here._internal || again };
        }
        const current = newView && !first ? fresh : arrival;
        const internal = current._internal;
        let isNew = first && !internal;
        kept = arrival;
        if (p) {
            const stored = (session = readSession(log));
            // An existing visitor arriving by internal navigation without a session here comes from a
            // sibling subdomain under cookie.domain (localStorage is per origin): same visit.
            isNew = !(internal && !stored && !created) && isNewVisit(internal, stored && stored.last_action, now, cfg.session?.timeout || 30);
            const mine = {
                ...current,
                landing: clean(current.landing),
                tracking_ids: withIds() ? { ...current.tracking_ids, ...trackingIds(cfg.trackingIds, undefined, deviceReader(w)) } : {},
            };
            kept = isNew ? keepAttribution(stored, mine, cfg.entry) : stored || mine;
            log(isNew ? 'new visit' : 'same visit', kept);
        }
        const pick = pickCondition(conditions, kept, page);
        const cond = pick._condition;
        cid = cond?.id ?? null;
        log('condition', cid || 'none', pick._why);
        // The default numbers, overridden by the condition's; a pool leases visitor-level numbers.
        const numbers = { ...defaults, ...(!mute() && cond?.numbers) };
        pool = p && cond?.pool;
        wanted = Object.keys(cond?.numbers || defaults);
        // Leased numbers still valid in mgt_session are reused, when there is one for every original.
        const leased = {};
        for (const e of (pool && session?.to_swap) || []) {
            if (e.expires > now && wanted.includes(e.original) && valid(e.tracked)) {
                leased[e.original] = e.tracked;
                leasedUntil = e.expires;
            }
        }
        const reuse = pool && Object.keys(leased).length == wanted.length ? leased : undefined;
        Object.assign(numbers, reuse);
        if (p) {
            session = {
                v: 1,
                condition: cid,
                landing: kept.landing,
                last_action: now,
                last_url: clean(page),
                referrer: kept.referrer,
                source: kept.source,
                to_swap: toSwap(numbers, reuse),
                tracking_ids: kept.tracking_ids,
                pageviews: batch && mode != 'origin' ? (isNew || !session ? 0 : session.pageviews || 0) + 1 : undefined,
            };
            save();
        }
        else if (newView)
            views++;
        // Page events are built once the numbers are final, so that they carry the number shown.
        const reportView = () => {
            if (batch && !reported) {
                reported = true;
                const events = [
                    isNew && event('visit', { landing: kept.landing, referrer: kept.referrer, tracking_ids: kept.tracking_ids }),
                    mode == 'traffic' && event('pageview', { count: session ? session.pageviews : views }),
                    mode == 'journey' && event('pageview', { url: page.href, title: doc.title.slice(0, 2000) }),
                ].filter(Boolean);
                log(waiting() ? 'events wait for consent' : mute() ? 'not sent: probabilistic off' : 'events', events);
                held.push(...events);
                release();
            }
        };
        if (pool && !reuse) {
            // Until the lease answers, the pooled originals are left as they are (hidden by anti-flicker).
            const meanwhile = { ...numbers };
            for (const o of wanted)
                delete meanwhile[o];
            show(meanwhile);
            requestLease(numbers, reportView);
        }
        else {
            show(numbers, true);
            if (reuse)
                scheduleRenewal();
            reportView();
        }
    }
    /** Leases numbers for the current condition's pool; `fallback` is shown on timeout, error or an invalid answer. */
    function requestLease(fallback, then) {
        const id = ++leasing;
        log('lease', pool);
        lease(cfg.endpoint, { site: cfg.site, pool, visitor, source: kept.source, condition: cid, numbers: wanted }, cfg.pool?.timeout ?? 2000).then((answer) => {
            if (id != leasing)
                return;
            const got = {};
            if (answer)
                for (const o of wanted)
                    if (valid(answer.numbers[o]))
                        got[o] = answer.numbers[o];
            const ok = Object.keys(got).length > 0;
            log(ok ? 'leased' : 'no valid lease in time: fallback', got);
            show({ ...fallback, ...got }, true);
            if (ok && session) {
                leasedUntil = Date.now() + answer.ttl * 1000;
                session.to_swap = toSwap(shown, got);
                save();
                scheduleRenewal();
            }
            then?.();
        });
    }
    /** Renews leased numbers before they expire, while the page is visible (SPEC 9.3). */
    function scheduleRenewal() {
        clearTimeout(renewal);
        renewal = setTimeout(function renew() {
            if (doc.visibilityState == 'hidden')
                return doc.addEventListener('visibilitychange', renew, { once: true });
            if (alive() && pool)
                requestLease({ ...shown });
        }, Math.max(1000, leasedUntil - Date.now() - 30000));
    }
    function setConsent(granted, source) {
        const next = granted ? 'granted' : 'denied';
        if (next == consent)
            return; // repeated signals are no-ops
        const was = !!visitor;
        consent = next;
        log('consent', next, source);
        if (granted)
            ensureVisitor();
        else {
            // Withdrawal takes effect now, on this page: erase, forget, and send nothing identifying.
            deleteVisitor();
            forget();
            clearTimeout(renewal);
            // Identified events still queued go out without identifiers (SPEC 9.1).
            if (batch)
                for (const e of batch._queue)
                    if (!e.cookieless)
                        finish(e);
            log('erased mgt_visitor, mgt_session');
        }
        emit('consent', { state: next, source });
        if (!kept)
            return; // before the first decision: it will see this consent
        if (!was && visitor) {
            // A grant reports this page view again, identified (SPEC 7): what waited, anonymous, is dropped.
            reported = false;
            held = [];
        }
        if (!!visitor != was)
            decide(false);
        release();
    }
    function view(url) {
        referrer = page.href;
        page = new URL(url || loc.href, loc.href);
        reported = false;
        decide(true);
    }
    // --- start -------------------------------------------------------------------------------
    const consentCfg = cfg.consent || {};
    if (consentCfg.gpc !== false && w.navigator.globalPrivacyControl === true)
        setConsent(false, 'gpc');
    for (const g of early)
        setConsent(g, 'command');
    ensureVisitor();
    // A root hydrated before the first decision is swapped by it.
    const unhideWhenHydrated = watchHydration(w, (root) => swapping && shown && swapper._scan(root), log);
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
        doc.addEventListener('visibilitychange', () => doc.visibilityState == 'hidden' && leave());
        // Calls: a click on a tel:/callto: link that shows one of our tracked numbers.
        doc.addEventListener('click', (e) => {
            try {
                const a = e.target.closest('a[href]');
                const m = a && /^\s*(?:tel|callto):([^?]*)/i.exec(a.getAttribute('href'));
                const dialled = m && decodeURIComponent(m[1]);
                if (dialled && !mute() && Object.values(shown).some((t) => same(t, dialled))) {
                    heldCalls.push(() => event('call', { number: e164(parsePhone(dialled, country)), page: page.href }));
                    release();
                    // A call keeps the visit alive.
                    if (session)
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
    if (mode != 'invisible' && prob != 'always')
        w.addEventListener('storage', (e) => {
            if (e.key == 'mgt_session' && e.newValue == null && visitor && !alive())
                decide(false);
        });
    if (cfg.spa) {
        const h = w.history;
        const changed = () => {
            try {
                if (loc.href.split('#')[0] != page.href.split('#')[0])
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
    const state = () => Object.freeze({
        mode,
        consent,
        persistent: !!visitor,
        source: kept.source,
        condition: cid,
        landing: clean(kept.landing),
        referrer: kept.referrer,
        numbers: { ...shown },
        ...(visitor ? { visitor } : {}),
    });
    emit('ready', state());
    return {
        _consent: setConsent,
        _swap(root) {
            if (!swapping) {
                swapping = true;
                swapper._set(shown);
                emit('numbers', shown);
            }
            swapper._scan(root);
        },
        _restore() {
            swapping = false;
            swapper._restore();
            emit('numbers', {});
        },
        _pageview: view,
        _state: state,
    };
}

/** Kept equal to package.json's version (a unit test checks it). */
const VERSION = '0.1.0';

function createMgt(w) {
    let tracker;
    let started;
    let ready;
    const listeners = { ready: [], swap: [], consent: [], numbers: [] };
    // The mapping shown now (undefined before the first decision), for 'number' and late 'numbers' subscribers.
    let numbers;
    let country = 'FR';
    // Consent signals given before init (a CMP can answer first) are applied when init runs.
    const early = [];
    const emit = (name, payload) => {
        if (name == 'ready')
            ready = payload;
        if (name == 'numbers')
            numbers = payload = Object.freeze({ ...payload });
        // a copy: a listener may subscribe others while it runs
        for (const cb of listeners[name].slice()) {
            try {
                cb(payload);
            }
            catch (e) {
                error(name + ' listener threw:', e);
            }
        }
    };
    // One method per command (SPEC 4); the command function below adds the guard.
    const commands = {
        init(config) {
            if (started)
                return warn('init again: ignored');
            started = 1;
            const problem = validate(config);
            if (!problem) {
                country = (config.country || country).toUpperCase();
                tracker = createTracker(config, w, emit, early);
            }
            else {
                error(problem);
                unhide(w.document);
            }
        },
        on(name, cb) {
            if (!listeners.hasOwnProperty(name) || typeof cb != 'function')
                return warn('on: needs ready, swap, consent or numbers, and a function');
            listeners[name].push(cb);
            // A late 'ready' or 'numbers' subscriber is told at once, like a resolved promise.
            if (name == 'ready' && ready)
                cb(ready);
            if (name == 'numbers' && numbers)
                cb(numbers);
        },
        consent(value) {
            const i = ['granted', true, 'denied', false].indexOf(value);
            if (i < 0)
                return warn('consent: needs granted or denied');
            if (tracker)
                tracker._consent(i < 2, 'command');
            else if (!started)
                early.push(i < 2);
        },
        state: () => tracker?._state(),
        // The text as the page shows it now: the same matcher as the swap (SPEC 10.2), for helpers
        // that render a number themselves.
        number(text) {
            const edit = typeof text == 'string' && numbers && createMatcher(numbers, country)?.(text);
            return edit ? edit._out.join('') : text;
        },
        swap(root) {
            if (root !== undefined && !root?.nodeType)
                return warn('swap: needs a DOM node or nothing');
            tracker?._swap(root);
        },
        restore: () => tracker?._restore(),
        pageview: (url) => tracker?._pageview(typeof url == 'string' ? url : undefined),
    };
    const mgt = function (command, a, b) {
        try {
            return commands.hasOwnProperty(command) ? commands[command](a, b) : warn('unknown command', command);
        }
        catch (e) {
            error('command failed:', e); // never throws (lib/log.ts), even on a hostile value
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
    if (current?.v)
        return current;
    const mgt = (w.mgt = createMgt(w));
    // Replay in order, but subscriptions first: a listener queued after init must still hear the
    // first swaps and the consent a returning visitor's CMP reports during init.
    const queue = Array.from(current?.q || []);
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
