/*! mgt 0.1.0 | consent-aware call tracking | MIT */
const TABLE = [
    { _iso: 'FR', _cc: '33', _trunk: '0', _nsn: '[1-9]\\d{8}', _fmt: ':12222' },
    { _iso: 'BE', _cc: '32', _trunk: '0', _nsn: '4\\d{8}|[1-9]\\d{7}', _fmt: '4:3222,[2349]:1322,:2222' },
    { _iso: 'CH', _cc: '41', _trunk: '0', _nsn: '[1-9]\\d{8}', _fmt: ':2322' },
    { _iso: 'LU', _cc: '352', _trunk: '', _nsn: '[2-9]\\d{3,10}', _fmt: '6\\d{8}$:333,:2222' },
    { _iso: 'MC', _cc: '377', _trunk: '', _nsn: '[4689]\\d{7}|6\\d{8}', _fmt: '6\\d{8}$:12222,:2222' },
    { _iso: 'DE', _cc: '49', _trunk: '0', _nsn: '[1-9]\\d{5,12}', _fmt: '30|40|69|89:2,1[5-7]:3,:3' },
    { _iso: 'ES', _cc: '34', _trunk: '', _nsn: '[5-9]\\d{8}', _fmt: ':3222' },
    { _iso: 'IT', _cc: '39', _trunk: '', _nsn: '0\\d{5,10}|3\\d{8,9}', _fmt: '0[26]:24,3:334,:3' },
    { _iso: 'NL', _cc: '31', _trunk: '0', _nsn: '[1-9]\\d{8}', _fmt: '6:18,[1-7]0:234,:33' },
    { _iso: 'GB', _cc: '44', _trunk: '0', _nsn: '[1-9]\\d{8,9}', _fmt: '2:244,1\\d1|11|[389]:334,:46' },
    // Canada shares the US row.
    { _iso: 'US', _cc: '1', _trunk: '1', _opt: true, _nsn: '[2-9]\\d\\d[2-9]\\d{6}', _fmt: ':334', _sep: '-' },
];
/** The country of an ISO 3166-1 alpha-2 code, or undefined when mgt does not know it. */
function country(iso) {
    const code = iso.toUpperCase();
    return TABLE.find((row) => row._iso === (code === 'CA' ? 'US' : code));
}
/**
 * The country whose calling code starts `digits` ('33…' gives France, '1' the NANP row), or
 * undefined. Calling codes are a prefix code: no code starts another, so at most one matches.
 */
function countryOf(digits) {
    return TABLE.find((row) => digits.startsWith(row._cc));
}

// Pure phone number parsing and writing for the countries of countries.ts.
/** Characters people put between the digits of a phone number (SPEC 10.1). */
const SEPARATORS = '\\s.\\-/()\\u2010-\\u2015';
const STRIP = new RegExp(`[${SEPARATORS}]`, 'g');
/** Whether `d` is a valid NSN of `k`. */
const valid = (k, d) => new RegExp(`^(?:${k._nsn})$`).test(d);
/**
 * Reads a number written in any usual form, national for `iso` ('01 23 45 67 89') or international
 * for any known country ('+33 (0)1 23 45 67 89', '0033 1 23…'). Undefined when it is not a valid
 * number: config validation relies on this to reject a tracked number that could not be dialled.
 */
function parsePhone(text, iso) {
    // Remembered: the config's check, the matcher, each event's numbers parse the same few texts (a
    // cold page pays each parse).
    const key = iso + text;
    if (!PARSED.has(key))
        PARSED.set(key, parse(text, iso));
    return PARSED.get(key);
}
const PARSED = new Map();
function parse(text, iso) {
    let d = text.replace(STRIP, '');
    // '+' or '00' starts an international form. (Anything but digits left in d fails valid() below,
    // which every path ends with: no regex of its own to compile on a cold page.)
    const intl = d[0] == '+' ? 1 : d.startsWith('00') && 2;
    const k = intl ? countryOf((d = d.slice(intl))) : country(iso);
    if (!k)
        return undefined;
    const t = k._trunk;
    if (intl) {
        d = d.slice(k._cc.length);
        // '+33 (0)1 23…' and the common mistake '+33 01 23…' both carry the trunk after the code.
        if (t && !k._opt && !d.indexOf(t) && !valid(k, d))
            d = d.slice(t.length);
    }
    else if (t && !d.indexOf(t))
        d = d.slice(t.length);
    else if (t && !k._opt)
        return undefined;
    return valid(k, d) ? { _cc: k._cc, _nsn: d } : undefined;
}
/** E.164, the form numbers are sent in: '+33970000001'. */
function e164(p) {
    return `+${p._cc}${p._nsn}`;
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
    const sizes = k._fmt.split(',').map((rule) => rule.split(':')).find(([re]) => new RegExp(`^(?:${re})`).test(n))[1];
    let i = 0;
    const groups = [...sizes].map((size) => n.slice(i, (i += +size)));
    groups.push(n.slice(i));
    return (prefix ? prefix + p._cc + (compact ? '' : ' ') : k._opt ? '' : k._trunk) + groups.filter((g) => g).join(compact ? '' : k._sep || ' ');
}

const CMPS = ['tcf', 'gcm', 'didomi', 'axeptio', 'tarteaucitron', 'klaro', 'cookieconsent', 'onetrust', 'cookiebot', 'usercentrics', 'piwikpro', 'cookieyes', 'complianz'];

/**
 * The traffic sources (SPEC 6.2): what config.conditions[].source may name, and mgt_session.source
 * holds. The first five are also the utm_medium values taken as is (attribution/source.ts).
 */
const SOURCES = ['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct'];

/**
 * The text a tracking ID may be, as captured (attribution/trackingIds.ts) and as read back from
 * mgt_session (storage/session.ts): 1 to 200 characters (SPEC 6.4), no control character and
 * nothing that could start markup or end a quoted attribute. Real IDs (click IDs, `_ga`, `_pk_id.*`
 * values, CRM ids, a dataLayer 'Returning Visitor') never need them.
 */
const idText = (v) => typeof v == 'string' && /^[^\0-\x1f\x7f<>"'`\\]{1,200}$/.test(v);

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

// The only code that touches document.cookie, through js-cookie (mgt's one runtime dependency).
/** The value of the cookie called `name`, or undefined. */
const getCookie = (name) => api.get(name);
const cookieNames = () => Object.keys(api.get());
/**
 * Writes `name=value` on Path=/ (js-cookie's default) with SameSite=Lax, Secure on https, a Domain
 * only when `domain` is given (else host-only), expiring in `days` days (a negative number deletes).
 */
const setCookie = (name, value, days, domain) => {
    const attributes = { expires: days, sameSite: 'Lax', secure: location.protocol == 'https:', domain };
    // js-cookie walks its attributes with for…in, so a property a page's scripts added to
    // Object.prototype (Prototype.js, MooTools, old jQuery plugins) would become a cookie attribute,
    // or make every write throw when its value is not a string (issue 14 §6). Each such name is given
    // here as an own attribute with no value, which js-cookie skips.
    for (const k in attributes)
        if (!attributes.hasOwnProperty(k))
            attributes[k] = undefined;
    api.set(name, value, attributes);
};

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

const str$1 = (v) => typeof v == 'string' && v.length <= 2000;
const num = (v) => typeof v == 'number' && v >= 0 && v < 1e15;
const numOrNone = (v) => v === undefined || num(v);
const object = (v) => v && typeof v == 'object' && !Array.isArray(v);
// What the module writes: absolute http(s) URLs as the URL parser serializes them (it leaves an
// apostrophe in a path, as in /l'offre, but encodes spaces, quotes and angle brackets), an origin
// or 'direct'. Anything else was not written by us. Phone numbers are checked by readSession's
// caller, with parsePhone() itself.
const test = (re) => (v) => str$1(v) && re.test(v);
const href = test(/^https?:\/\/[^\s<>"`]*$/);
/** One check per stored field: every field must pass, and no other may be there. */
const FIELDS = {
    v: (v) => v === 1,
    condition: (v) => v === null || str$1(v),
    landing: href,
    last_action: num,
    last_url: href,
    // An origin: host (an IPv6 one in brackets) and port, no path.
    referrer: test(/^(direct|https?:\/\/[\w.:[\]-]+)$/),
    source: (v) => SOURCES.includes(v),
    // Each entry is checked by readSession, which knows the numbers.
    to_swap: (v) => Array.isArray(v) && v.length <= 50,
    // Names and values as the module captures them (lib/idText.ts).
    tracking_ids: (v) => object(v) && Object.keys(v).every((k) => idText(k) && idText(v[k])),
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
/** localStorage[key] for the custom tracking ids read from it (attribution/trackingIds.ts); may throw. */
const getLocal = (key) => localStorage.getItem(key);
const removeSession = () => {
    store('removeItem');
};
/**
 * The stored session, or undefined when absent; a damaged entry is removed and reported (debug). `isNumber`
 * tells a valid phone number of the configured country, `isTracked` one that may be shown (valid and
 * not one of the config's originals); both are given strings only. A `to_swap` entry holding
 * anything else, markup included, was not written by the module (SPEC 11).
 */
function readSession(isNumber, isTracked) {
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
    const entry = (e) => !!e && str$1(e.original) && str$1(e.tracked) && numOrNone(e.expires) && isNumber(e.original) && isTracked(e.tracked);
    if (object(s) && Object.keys(s).every((k) => NAMES.includes(k)) && NAMES.every((k) => FIELDS[k](s[k])) && s.to_swap.every(entry))
        return s;
    removeSession();
    log('mgt_session invalid: rebuilt');
}
/**
 * Writes the session as it is: the tracker builds it with exactly the documented fields (undefined
 * ones, such as `pageviews` outside traffic and journey, are left out by JSON). A storage that
 * refuses it keeps nothing, and the next page starts from the cookie alone.
 */
const writeSession = (s) => {
    store('setItem', JSON.stringify(s));
};

/** Click IDs of the ad platforms, in SPEC 6.2 order: their presence makes a visit paid (fbclid, last, makes it social). */
const CLICK_IDS = 'gclid gbraid wbraid dclid msclkid ttclid fbclid'.split(' ');
/**
 * URL parameters captured by default (SPEC 6.4): five of the click IDs (not dclid/ttclid) and the
 * Google Ads ValueTrack parameters. Written out rather than derived: gzip makes the repeat nearly free.
 */
const URL_IDS = 'gclid gbraid wbraid fbclid msclkid campaignid adgroupid keyword matchtype network device creative placement targetid'.split(' ');
/** A dotted path ('dataLayer.0.userType') followed through own data properties of objects only:
 * a getter or a Proxy trap could run page code with side effects, so accessors are absent, and
 * primitives are not walked ('str'.length is not an id). */
const path = (w, keys) => keys.split('.').reduce((o, k) => (Object(o) === o ? Object.getOwnPropertyDescriptor(o, k)?.value : undefined), w);
/**
 * The tracking IDs found in the page URL (`page`), on the device (`device`: the window, its cookies
 * and localStorage), or both: the defaults (unless `defaults: false`) and the custom ones, from the
 * places given. The device is read only with consent (SPEC 6.4): reading a tracker is access to the
 * device as much as writing one; the URL and the device are read in separate calls.
 *
 * The defaults are read as custom ids of their own (from the URL, or a cookie) and first, so that a
 * custom id named like a default one wins.
 */
function trackingIds(cfg, page, device) {
    const ids = {};
    /**
     * Stores the value of `key` in the place `from` under `name`, when it is a primitive (not
     * null/undefined) whose text is an ID as the module writes it (lib/idText.ts: at most 200
     * characters); a place not given reads nothing. Objects and functions are skipped. A failing read
     * (a throwing getter, a blocked localStorage, a Proxy trap, a Symbol that cannot become text) is
     * an absent id: it must not cost the others.
     */
    const put = (name, from, key = name) => {
        try {
            const v = from == 'url'
                ? page?.searchParams.get(key)
                : device && (from == 'cookie' ? getCookie(key) : from == 'localStorage' ? getLocal(key) : path(device, key));
            if (v != null && Object(v) !== v && idText('' + v))
                ids[name] = '' + v;
        }
        catch {
            /* unreadable: absent */
        }
    };
    if (cfg._defaultIds) {
        for (const k of URL_IDS)
            put(k, 'url');
        // _ga and every _pk_id.* cookie. Listing the cookies may throw too (blocked cookies): none.
        try {
            for (const n of device ? cookieNames() : [])
                if (/^(_ga$|_pk_id\.)/.test(n))
                    put(n, 'cookie');
        }
        catch {
            /* cookies blocked */
        }
    }
    for (const c of cfg._customIds)
        put(c.name, c.from, c.key);
    return ids;
}

/**
 * Cuts at 2,000 characters (SPEC 9.2). A surrogate pair cut in half is left as is: JSON.stringify
 * escapes the lone half, so the payload stays valid.
 */
const clip = (s) => String(s).slice(0, 2000);
/** Parses an http(s) URL (relative to `base` if given); anything else (javascript:, data:, garbage) is undefined. */
const httpUrl = (s, base) => {
    // Most referrers are '' or 'direct': no exception on the normal path (issue 11). test() reads a URL
    // as its href, which starts with the protocol: the same regex for both tests (V8 compiles a source
    // once per page, and each compile counts on a cold page).
    if (!base && !/^https?:/i.test(s))
        return;
    try {
        const u = new URL(s, base);
        if (/^https?:/i.test(u.href))
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
function urlFilter(s, trackingIds) {
    const builtin = CLICK_IDS.concat(URL_IDS);
    const ids = builtin.concat(s._customIds.filter((c) => c.from == 'url').map((c) => c.key));
    const allow = s._urlParams.concat(...s._conditions.map((c) => Object.keys(c.params || {})));
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
        // (Such an escape is in the last 12 characters: most URLs, without '%' there, skip the regex's compile.)
        const out = clip(keep ? u.origin + u.pathname + u.search : u.pathname);
        return out.slice(-12).includes('%') ? out.replace(/(%([cd][\da-f]|e[\da-f](%[89ab][\da-f])?|f[0-7](%[89ab][\da-f]){0,2}))?(%[\da-f]?)?$/i, '') : out;
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
const isUnder = (host, domain) => !!(domain = domain.toLowerCase().replace(/^\./, '')) && ('.' + host).endsWith('.' + domain);
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
    // The listed utm_medium values, each read as its source; others as they are.
    const bymedium = ['cpc', 'ppc', 'cpm', 'display', 'paid_search', 'paidsearch', 'paid_social'].includes(medium)
        ? 'paid'
        : ['e-mail', 'newsletter'].includes(medium)
            ? 'email'
            : ['social-network', 'social_media'].includes(medium)
                ? 'social'
                : medium;
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
    // The five sources a utm_medium may also name as is (lib/sources.ts lists them first).
    if (SOURCES.slice(0, 5).includes(bymedium))
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

/** The modes (SPEC 6.1), in the order that makes the last three the collecting ones. */
const MODES = ['invisible', 'rotation', 'origin', 'traffic', 'journey'];
/**
 * `c` is the copy of the config as config.ts checked it: own data properties only, in objects
 * without prototype, so a section or field not set reads undefined and takes its default here.
 */
function resolveSettings(c, search) {
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
function usableNumber(s, t) {
    const p = typeof t == 'string' && t.length <= 40 && parsePhone(t, s._country);
    return !!p && !s._originals[e164(p)];
}

const fail = (f, what, v) => {
    // What JSON cannot show (a cycle, a getter that throws) is named by its type.
    let got = typeof v;
    try {
        got = JSON.stringify(v);
    }
    catch { }
    throw `${f}: ${what} (got ${got})`;
};
/** A rule from a test of the value: falsy, or throwing, is a mistake. */
const is = (test, what) => (v, f) => {
    try {
        if (test(v))
            return v;
    }
    catch {
        /* not even the right type */
    }
    return fail(f, what, v);
};
/** A string that passes `test`: tests never call into an object of the page. */
const str = (test, what) => is((v) => typeof v == 'string' && test(v), what);
const keep = (v) => v; // numbers: checked with the country, in crossCheck()
const bool = is((v) => v === !!v, 'true or false');
const text = str((v) => v, 'a non-empty string');
const range = (min, max) => is((v) => typeof v == 'number' && v >= min && v <= max, `a number from ${min} to ${max}`);
/**
 * Copies the own entries of a list (`f[0]`), or of an object (`f.key`) when `obj`, each read once.
 * `ruleOf(key, value)` is the rule of each entry, none for an unknown field.
 */
const each = (ruleOf, obj) => (v, f) => {
    if (obj ? !v || typeof v != 'object' || Array.isArray(v) : !Array.isArray(v))
        fail(f, obj ? 'an object' : 'a list', v);
    const out = obj ? Object.create(null) : [];
    for (const k of Object.keys(v)) {
        const field = obj ? `${f}.${k}` : `${f}[${k}]`;
        let x;
        try {
            x = v[k];
        }
        catch (e) {
            throw `${field}: could not be read (${e})`;
        }
        const rule = ruleOf(k, x);
        if (!rule)
            throw field + ': unknown field';
        out[k] = check(rule, x, field);
    }
    return out;
};
const list$1 = (item) => each(() => item);
/** One value (`one`, else `item`) or a list of `item`s. */
const either = (item, one = item) => (v, f) => check(Array.isArray(v) ? list$1(item) : one, v, f);
const numbers = each(() => keep, 1);
function check(rule, v, f) {
    if (typeof rule == 'function')
        return rule(v, f);
    if (Array.isArray(rule))
        return rule.includes(v) ? v : fail(f, 'one of ' + rule.join(', '), v);
    // A field set to undefined is absent. Own fields only: `constructor` is a typo like any other.
    return each((k, x) => rule.hasOwnProperty(k) && (x === undefined ? keep : rule[k]), 1)(v, f);
}
const consent = {
    required: bool,
    // One CMP, 'auto' or 'none'; or a list of CMPs.
    cmp: either(CMPS, ['auto', 'none', ...CMPS]),
    gpc: bool,
    tcf: { vendorId: range(1, 1e6), purposes: list$1(range(1, 11)) },
    gcm: (v, f) => (v === false ? v : text(v, f)), // false: not followed
};
for (const c of CMPS)
    consent[c] = consent[c] || text; // the other CMPs: a name or category
const SCHEMA = {
    mode: MODES,
    site: text,
    endpoint: str((v) => httpUrl(v, location.href), 'an http(s) URL'),
    // The countries whose numbering plan the swap engine knows (swap/countries.ts; CA shares the US row).
    country: str(country, `one of ${TABLE.map((k) => k._iso).join(' ')} CA`),
    numbers,
    conditions: list$1({
        id: text,
        source: either(SOURCES),
        referrer: either(text),
        landing: either(text),
        page: either(text),
        numbers,
        pool: text,
        params: each(() => is((v) => v === true || typeof v == 'string', 'a string or true'), 1),
    }),
    entry: ['first_entry', 'last_entry'],
    probabilistic: ['fallback', 'always', 'off'],
    consent,
    cookie: {
        days: range(1, 395),
        // The same rule as a condition's referrer: the host itself or a parent, on a label boundary.
        domain: str((v) => isUnder(location.hostname, v), "this site's host or a parent domain"),
    },
    session: { timeout: range(1, 1440) },
    trackingIds: { defaults: bool, custom: list$1({ name: text, from: ['cookie', 'url', 'localStorage', 'window'], key: text }) },
    pool: { timeout: range(0, 30000) },
    urlParams: list$1(text),
    // An empty fragment matches nothing, and an invalid selector throws.
    ignore: str((v) => !document.createDocumentFragment().querySelector(v), 'a CSS selector'),
    spa: bool,
    debug: bool,
};
/**
 * Validates a config as `mgt('init')` does. Returns '' when it is valid, else one message that
 * names the field (the console shows it after the `[mgt]` prefix).
 */
const validate = (config) => {
    const c = loadConfig(config);
    return typeof c == 'string' ? c : '';
};
/**
 * The config as the module uses it: the settings resolved from the checked copy, when it is valid;
 * else the message naming the first bad field. Every check is linear in the config's size.
 * `search`: the page URL's query (`?mgt_debug=1`).
 */
function loadConfig(config, search = '') {
    try {
        // No config at all reads as a missing mode, the first thing to set.
        const c = check(SCHEMA, config || {}, 'config');
        check(MODES, c.mode, 'config.mode'); // required
        const s = resolveSettings(c, search);
        crossCheck(c, s);
        return s;
    }
    catch (x) {
        return typeof x == 'string' ? x : `config: could not be read (${x})`;
    }
}
/**
 * What depends on several fields: numbers of the country, the mode, condition ids, pools. Fills
 * `s._originals` with the E.164 form of every original as it checks the numbers.
 */
function crossCheck(c, s) {
    const { _country: country, _collecting: collecting, _conditions: conditions, _originals: originals } = s;
    const ids = Object.create(null);
    // E.164 forms of the tracked numbers, to compare them with the originals in one pass.
    const tracked = Object.create(null);
    /** The E.164 form of `v`, a number of the country; the value after "got" shows which of a pair is wrong. */
    const phone = (v, f) => {
        const p = typeof v == 'string' && parsePhone(v, country);
        return p ? e164(p) : fail(f, `a ${country} phone number`, v);
    };
    // original -> tracked, copies without prototype (or undefined): `in` sees own fields only.
    const pairs = (map, f) => {
        for (const o in map) {
            const t = map[o];
            originals[phone(o, `${f}.${o}`)] = 1;
            tracked[phone(t, `${f}.${o}`)] = t;
        }
    };
    pairs(c.numbers, 'config.numbers');
    if (c.mode == 'invisible' && conditions.length)
        fail('config.conditions', 'none in invisible mode', conditions);
    if (collecting && !c.endpoint)
        fail('config.endpoint', `an http(s) URL in ${c.mode} mode`, c.endpoint);
    conditions.forEach(({ id, numbers: own, pool }, i) => {
        const f = `config.conditions[${i}]`;
        if (!id)
            fail(f + '.id', 'a name for the condition', id);
        if (ids[id])
            fail(f + '.id', 'a name no other condition has', id);
        ids[id] = 1;
        pairs(own, f + '.numbers');
        // A pool is leased from the endpoint; its fallback is what shows on timeout or error.
        if (pool && !(collecting && (own || c.numbers)))
            fail(f + '.pool', 'origin, traffic or journey mode, and fallback numbers', pool);
    });
    // A tracked number that is also an original would be swapped again on the next scan.
    for (const t in tracked)
        if (originals[t])
            fail('config.numbers', 'no tracked number that is also an original', tracked[t]);
}

const why = {};
/** Sets and prints the sentence `k`; all but the condition's read 'Numbers: {…} — condition ads.' */
const explain = (k, what, because) => {
    log((why[k] = because == null ? what : `${k[0].toUpperCase() + k.slice(1)}: ${what} — ${because}.`));
};

/**
 * `f`, guarded: whatever it throws stays here (a CMP, a page's hostile value or a failing listener
 * must never throw into the page nor stop the rest), printed in debug mode after `why` when given.
 */
const guard = (f, why) => ((...a) => {
    try {
        return f(...a);
    }
    catch (x) {
        if (why)
            log(why, x);
    }
});

/**
 * Calls `cb` with the number dialled when the visitor clicks a tel: or callto: link (captured, so
 * a page that stops the click's propagation still reports it). Guarded: a hostile href or target
 * never throws into the page.
 */
function onCall(doc, cb) {
    doc.addEventListener('click', guard((e) => {
        const a = e.target.closest('a[href]');
        const m = a && /^\s*(?:tel|callto):([^?]*)/i.exec(a.getAttribute('href'));
        if (m)
            cb(decodeURIComponent(m[1]));
    }, 'call not tracked:'), true);
}

/**
 * Calls `cb` after every history.pushState/replaceState and on popstate: the page views of a
 * single-page app (config.spa). The page's own history methods keep working as before, and `cb`
 * never throws into the page's navigation.
 */
function onNavigation(w, cb) {
    const h = w.history;
    const guarded = guard(cb, 'page view not counted:');
    for (const name of ['pushState', 'replaceState']) {
        const original = h[name];
        h[name] = function () {
            const r = original.apply(this, arguments);
            guarded();
            return r;
        };
    }
    w.addEventListener('popstate', guarded);
}

// Safari's Intelligent Tracking Prevention (WebKit: every browser on iOS too) caps cookies written
// by scripts at 7 days, and at 24 hours on a landing from a known tracker's link with a query string
// (a Google Ads ?gclid= click); it erases script-written storage after 7 days without a visit. So
// in Safari mgt_visitor, the first_entry window and cookie.days are shorter: a site owner testing
// with debug on is told so (docs/privacy.md, "Safari"). The cookie is never extended (SPEC 6.5).
/** In debug mode, in WebKit (navigator.vendor is Apple's there only), says that ITP shortens the cookie. */
const itpNote = (nav) => {
    if (String(nav.vendor).includes('Apple'))
        log('Safari ITP: cookie 7 days max, 24 h after ad clicks');
};

/** Why nothing may be stored now, in the words of the debug sentence; '' when storage is allowed. */
const storageBlocked = (s, state) => s._mode == 'invisible'
    ? 'invisible mode'
    : s._probabilistic == 'always'
        ? "probabilistic 'always'"
        : state == 'granted' || (s._consentFree && state != 'denied')
            ? ''
            : 'consent ' + state;

// The mgt_visitor cookie (storage/cookies.ts writes it on Path=/): a random visitor ID, created
// once on consent and never extended, so its lifetime is what the cookie policy says (cookie.days
// after creation, at most 13 months).
const NAME = 'mgt_visitor';
/** The visitor ID, or undefined when the cookie is absent, expired, blocked or tampered with. */
function readVisitor() {
    try {
        const id = getCookie(NAME);
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
        setCookie(NAME, id, days, domain);
        if (readVisitor() == id)
            return id;
    }
    catch {
        /* no random source, or cookies blocked */
    }
}
/**
 * Deletes the cookie in every form the module may have written: with a Domain attribute for this
 * host and each of its parent domains (a site may have changed cookie.domain since the cookie was
 * written; the browser ignores a bare top-level domain), and host-only: the last step, past every
 * label, joins nothing and setCookie writes no Domain for ''.
 */
function deleteVisitor() {
    try {
        const labels = location.hostname.split('.');
        for (let i = 0; i <= labels.length; i++)
            setCookie(NAME, '', -1, labels.slice(i).join('.'));
    }
    catch {
        /* cookies blocked: there is nothing to delete */
    }
}

/**
 * Sets the storage sentence of state().why; `lost` runs when another tab
 * withdraws consent (it removes mgt_session), so that this page decides again without storage.
 */
function createConsent(s, w, lost) {
    const forget = (why) => {
        c._persistent = false;
        c._visitor = undefined;
        c._blocked = why;
        removeSession();
    };
    /** Becomes persistent where storage is allowed; a new visitor never inherits an old mgt_session. */
    const ensure = () => {
        if (c._persistent || storageBlocked(s, c._state))
            return;
        let id = readVisitor();
        if (!id) {
            removeSession();
            c._created = !!(id = createVisitor(s._days, s._domain));
        }
        if (!id)
            return forget('cookies blocked');
        c._visitor = id;
        c._persistent = true;
        // From the first time this page stores (the same listener is added once): a listener for storage
        // events opens the origin's storage, 1–2.5 ms on a cold page that may never store (issue 11).
        w.addEventListener('storage', onStorage);
    };
    // Another tab withdrew consent and removed mgt_session: this page stops storing too, at once.
    const onStorage = (e) => {
        if (e.key == 'mgt_session' && e.newValue == null && c._persistent && !c._alive())
            lost();
    };
    const c = {
        _state: 'unknown',
        _persistent: false,
        _created: false,
        _blocked: '',
        _set(granted, source) {
            const next = granted ? 'granted' : 'denied';
            if (next == c._state)
                return false;
            c._state = next;
            if (granted)
                ensure();
            else {
                // Withdrawal takes effect now, on this page: erase and forget.
                deleteVisitor();
                forget('');
            }
            log(`Consent: ${next} (${source}).`);
            c._explain();
            return true;
        },
        _withIds: () => c._persistent && c._state == 'granted',
        _start: ensure,
        _explain: () => explain('storage', c._persistent ? 'mgt_visitor and mgt_session' : 'nothing', (!c._persistent && (storageBlocked(s, c._state) || c._blocked)) || 'consent ' + c._state),
        _mute: () => !c._persistent && s._probabilistic == 'off',
        _waiting: () => !c._persistent && c._state == 'unknown' && s._probabilistic == 'fallback',
        _alive() {
            if (c._persistent && readVisitor() != c._visitor)
                forget('mgt_visitor gone');
            return c._persistent;
        },
    };
    return c;
}

// Every function a CMP (or a hostile stub) may call back, and every call we make into a CMP, runs
// through the module's one guard (lib/guard.ts), silent here: a CMP that throws must never throw
// into the page nor stop the other adapters. A broken or blocked CMP is the same as no CMP: no signal.
/**
 * Pushes onto a CMP's documented callback queue (an array the CMP's snippet or SDK drains, or the
 * SDK's own object with a push method), creating the array if the CMP has not loaded yet.
 */
const queue = (w, name, item) => {
    (w[name] = w[name] || []).push(item);
};

/**
 * IAB TCF v2.2: `__tcfapi('addEventListener', 2, cb)` calls back now and on every change; the
 * CMP's stub queues the call until the CMP is ready. A decision is a TC string loaded from the
 * visitor's earlier choice (`tcloaded`) or just made (`useractioncomplete`); at `cmpuishown` every
 * consent is still false, so it is no decision. Granted when every configured purpose (default
 * [1], store/access on a device) has consent, and our vendor too when `tcf.vendorId` is set.
 * `gdprApplies === false`: the CMP says no consent is required for this visitor, which we follow
 * as a grant. The option is `consent.tcf` (an object), or 1 when absent: both read as "no
 * purposes, no vendor". Polled: the stub should come first, but nothing announces a late one.
 */
const tcf = {
    _read(w, t, signal) {
        const api = w.__tcfapi;
        if (!api)
            return;
        const purposes = t.purposes?.length ? t.purposes : [1];
        api('addEventListener', 2, guard((d, ok) => {
            if (ok && (d.eventStatus == 'tcloaded' || d.eventStatus == 'useractioncomplete'))
                signal(d.gdprApplies === false || (purposes.every((p) => d.purpose.consents[p]) && (!t.vendorId || d.vendor.consents[t.vendorId])));
        }));
        return 1;
    },
    _option: 1,
    _poll: 1,
};

/**
 * Calls `fn` with every entry of `window.dataLayer`, past and future (push is wrapped, the
 * original push is kept so Google Tag Manager and others work as before). Creates the array when
 * it is missing, as the gtag and Piwik PRO snippets themselves do. Returns 1 once hooked.
 */
const onDataLayer = (w, fn) => {
    const l = (w.dataLayer = w.dataLayer || []), push = l.push.bind(l), f = guard(fn);
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
const gcm = {
    _read: (w, type, signal) => onDataLayer(w, (e) => {
        const v = e[0] == 'consent' && e[1] == 'update' && e[2][type];
        if (v == 'granted' || v == 'denied')
            signal(v == 'granted');
    }),
    // no default: followed only when consent.gcm names a type
};

/**
 * Didomi: `didomiOnReady` runs our callback once the SDK is ready (now if it already is), and
 * `didomiEventListeners` tells us of `consent.changed`: both queues exist before the SDK does, so
 * no polling. `getCurrentUserStatus()` shows vendors the visitor has not decided on as disabled,
 * so we read it only once Didomi no longer asks (`shouldConsentBeCollected()` false). The vendor
 * is the first whose id starts with the option: the configured id, else the custom vendor
 * `c:mgt-…`. `isConsentRequired()` false (a visitor the site's Didomi configuration exempts)
 * counts as granted, as Didomi's own documentation does.
 */
const didomi = {
    _read(w, id, signal) {
        const read = guard(() => {
            const D = w.Didomi;
            if (!D.isConsentRequired())
                signal(1);
            else if (!D.shouldConsentBeCollected()) {
                const vendors = D.getCurrentUserStatus().vendors;
                const key = Object.keys(vendors).find((k) => k.startsWith(id));
                if (key)
                    signal(vendors[key].enabled);
            }
        });
        queue(w, 'didomiOnReady', read);
        queue(w, 'didomiEventListeners', { event: 'consent.changed', listener: read });
    },
    _option: 'c:mgt-',
};

/**
 * Axeptio: `_axcb` runs our callback with the SDK once it is ready (a queue that exists before
 * the SDK: no polling). `cookies:complete` carries the visitor's choices (on each load for a
 * returning visitor, and after a choice), so it is a decision: our vendor accepted or not.
 * `hasAcceptedVendor` is only trusted when true, since it is also false before any choice.
 */
const axeptio = {
    _read: (w, vendor, signal) => queue(w, '_axcb', guard((sdk) => {
        if (sdk.hasAcceptedVendor?.(vendor) === true)
            signal(1);
        sdk.on('cookies:complete', guard((c) => {
            if (c.$$completed !== false)
                signal(c[vendor]);
        }));
    })),
    _option: 'mgt',
};

/**
 * tarteaucitron: `tarteaucitron.state[key]` is true or false once the visitor has answered (and
 * undefined while the banner waits). It runs a service's `fallback` also while unanswered, so the
 * documented service grants in `js()` only and refusals come from here. tarteaucitron sets the
 * state, then fires `${key}_added` when it registers the service on each load (so no polling),
 * `${key}_allowed` / `${key}_disallowed` on the visitor's answer, and `tac.consent_updated`.
 */
const tarteaucitron = {
    _read(w, key, signal) {
        const v = w.tarteaucitron?.state?.[key];
        if (v === true || v === false)
            signal(v);
    },
    _option: 'mgt',
    _events: '#_added #_allowed #_disallowed tac.consent_updated',
};

/**
 * Klaro: `klaro.getManager()` is the manager its UI uses (it throws until Klaro has its config).
 * `confirmed` is true once the visitor saved a choice (now or on an earlier visit); toggles in the
 * modal are not a decision until saved, so we follow only the `saveConsents` notification of
 * `manager.watch`. Klaro announces itself by no event: polled.
 */
const klaro = {
    _read(w, name, signal) {
        const m = w.klaro?.getManager?.();
        if (!m)
            return;
        if (m.confirmed)
            signal(m.getConsent(name));
        m.watch({
            update: guard((_m, type, d) => {
                if (type == 'saveConsents') {
                    const v = d.consents[name];
                    if (v === true || v === false)
                        signal(v);
                }
            }),
        });
        return 1;
    },
    _option: 'mgt',
    _poll: 1,
};

/**
 * orestbida cookieconsent v3 (UMD build, `window.CookieConsent`; Cookiebot's alias of the same
 * name has no `validConsent`). `validConsent()` is true once the visitor chose; `cc:onConsent`
 * fires on every load with a choice and after the first one, `cc:onChange` on a later change, so
 * no polling.
 */
const cookieconsent = {
    _read(w, category, signal) {
        if (w.CookieConsent?.validConsent?.())
            signal(w.CookieConsent.acceptedCategory(category));
    },
    _option: 'analytics',
    _events: 'cc:onConsent cc:onChange',
};

/**
 * OneTrust: `window.OneTrust` may be a plain config object before the SDK is ready, so it counts
 * only once its methods exist. `OnetrustActiveGroups` (",C0001,C0002,", whole ids only) also lists groups active
 * by default, so it is a decision only once the banner was closed (`IsAlertBoxClosed()`).
 * `OneTrustGroupsUpdated` fires when the SDK loads and on every change, so no polling.
 */
const onetrust = {
    _read(w, group, signal) {
        const closed = w.OneTrust?.IsAlertBoxClosed?.();
        if (closed)
            signal(String(w.OnetrustActiveGroups || w.OptanonActiveGroups).split(',').includes(group));
    },
    _option: 'C0002',
    _events: 'OneTrustGroupsUpdated',
};

/**
 * Cookiebot (`window.Cookiebot`, or its alias `window.CookieConsent` — told apart from orestbida's
 * by its `consent` object). A decision needs `hasResponse`. A grant with `consent.method`
 * 'implied' (given automatically, without the visitor acting) is not followed.
 * `CookiebotOnAccept` / `CookiebotOnDecline` fire on each load for a visitor who answered and on
 * every choice, so no polling.
 */
const cookiebot = {
    _read(w, category, signal) {
        const C = w.Cookiebot?.consent ? w.Cookiebot : w.CookieConsent;
        const c = C?.consent;
        const v = !!c?.[category];
        if (c && C.hasResponse && !(v && c.method == 'implied'))
            signal(v);
    },
    _option: 'statistics',
    _events: 'CookiebotOnAccept CookiebotOnDecline',
};

/**
 * Usercentrics v3 (`__ucCmp.getConsentDetails()`, a promise) and v2 (`UC_UI.getServicesBaseInfo()`).
 * Usercentrics reports implicit consent (the visitor ignored or closed the banner) like any
 * other: only an explicit one is a decision. The service is matched by id or by name.
 * `UC_UI_INITIALIZED` fires when it is ready, `UC_CONSENT` / `UC_UI_CMP_EVENT` on changes, so no
 * polling.
 */
const usercentrics = {
    _read(w, service, signal) {
        // Both versions list services with an id and a name; v3 gives one consent type for all, v2
        // one per service (its latest history entry).
        const pick = (id, x, type, given) => {
            if ((id == service || x.name == service) && /^explicit$/i.test(type))
                signal(given);
        };
        const details = w.__ucCmp?.getConsentDetails?.();
        if (details) {
            details.then(guard((d) => {
                for (const id in d.services)
                    pick(id, d.services[id], d.consent.type, d.services[id].consent.given);
            }), () => 0);
            return;
        }
        for (const x of w.UC_UI?.getServicesBaseInfo?.() || []) {
            const history = x.consent.history;
            pick(x.id, x, history[history.length - 1]?.type, x.consent.status);
        }
    },
    _option: 'mgt',
    _events: 'UC_UI_INITIALIZED UC_UI_CMP_EVENT UC_CONSENT',
};

/**
 * Piwik PRO Consent Manager: `ppms.cm.api('getComplianceSettings', ok, fail)` gives
 * `consents[type].status`: 1 approved, 0 rejected, -1 no decision. It pushes
 * `{ event: 'stg.consentDecisionMade' }` onto dataLayer once a decision is saved. The API
 * arrives with its tag manager and announces itself by no event: polled.
 */
const piwikpro = {
    _read(w, type, signal) {
        if (!w.ppms?.cm?.api)
            return;
        const read = () => w.ppms.cm.api('getComplianceSettings', guard((r) => {
            const st = r.consents[type]?.status;
            if (st >= 0)
                signal(st > 0);
        }), () => 0);
        read();
        return onDataLayer(w, (e) => e.event == 'stg.consentDecisionMade' && read());
    },
    _option: 'analytics',
    _poll: 1,
};

/**
 * CookieYes: `getCkyConsent()` has the categories and `isUserActionCompleted` (false until the
 * visitor acted: the categories are then only defaults). `cookieyes_banner_load` fires when it
 * loads (so no polling); `cookieyes_consent_update` on document carries `{ accepted, rejected }`
 * category lists after each choice: those lists are the answer.
 */
const cookieyes = {
    _read(w, category, signal, e) {
        // cookieyes_consent_update's detail has the lists; cookieyes_banner_load's is the consent
        const d = e?.detail;
        if (d?.accepted) {
            if (d.accepted.includes(category))
                signal(1);
            else if (d.rejected.includes(category))
                signal(0);
            return;
        }
        const c = w.getCkyConsent?.();
        if (c?.isUserActionCompleted)
            signal(c.categories[category]);
    },
    _option: 'analytics',
    _events: 'cookieyes_banner_load cookieyes_consent_update',
};

/**
 * Complianz: `cmplz_has_consent(category)` is also true by default in opt-out regions, so it says
 * nothing about a decision. The visitor's answer is the category cookie read through
 * `cmplz_get_cookie` ('allow' / 'deny'), once the banner was dismissed ('banner-status'). On
 * accept Complianz sets the categories before 'banner-status', then fires
 * `cmplz_fire_categories`; on deny the other way round, then `cmplz_status_change`: we re-read on
 * both, and on `cmplz_revoke`. No event is documented for every load: polled.
 */
const complianz = {
    _read(w, category, signal) {
        // '' for a cookie that is not set; undefined while Complianz is not there
        const v = w.cmplz_get_cookie?.(category);
        if ((v == 'allow' || v == 'deny') && w.cmplz_get_cookie('banner-status') == 'dismissed')
            signal(v == 'allow');
        return v != null;
    },
    _option: 'statistics',
    _events: 'cmplz_status_change cmplz_fire_categories cmplz_revoke',
    _poll: 1,
};

// In the order of CMPS (cmps.ts), which names them: a unit test checks each name against its adapter.
const ADAPTERS = [tcf, gcm, didomi, axeptio, tarteaucitron, klaro, cookieconsent, onetrust, cookiebot, usercentrics, piwikpro, cookieyes, complianz];
/**
 * Listens for each of the space-separated event `types`, whether dispatched at the window or at
 * the document: an event dispatched at the document passes the window first, in its capture phase.
 */
const on = (w, types, fn) => {
    for (const t of types.split(' '))
        w.addEventListener(t, fn, true);
};
/**
 * Starts the adapters `cfg.cmp` selects: 'auto' (default) every one; 'none' (no such adapter,
 * so nothing at all runs); one name; or a list. An adapter runs with its option (for tcf the
 * `consent.tcf` object), else its default; Google Consent Mode has none, so it is followed only
 * when `cfg.gcm` names a consent type, because its 'update' entries may come from any script.
 * Each adapter looks for its CMP now, and again on the CMP's events. The few CMPs that announce
 * neither through a queue nor through an event (adapter `_poll`) are looked for by one shared
 * poll: at DOMContentLoaded, at load, then at growing delays, the last 16 s after start; it stops
 * as soon as every one was found, and is never endless.
 */
function startAdapters(cfg, signal, w) {
    const sel = cfg.cmp || 'auto';
    let waiting = [];
    for (const name of sel == 'auto' ? CMPS : [].concat(sel)) {
        const a = ADAPTERS[CMPS.indexOf(name)];
        const option = a && (cfg[name] || a._option);
        if (option) {
            // guarded: a CMP (or a signal) that throws never throws into the page nor stops the others
            const read = guard((e) => a._read(w, option, (granted) => signal(!!granted, name), e));
            if (a._events)
                on(w, a._events.split('#').join(option), read);
            if (!read() && a._poll)
                waiting.push(read);
        }
    }
    if (waiting.length) {
        // read() is truthy once its CMP is there: the adapter leaves the poll then.
        const poll = () => (waiting = waiting.filter((read) => !read())).length;
        on(w, 'DOMContentLoaded load', poll);
        let i = 1;
        // at i² × 250 ms from start (0.25, 1, 2.25 … 16 s), while something is still missing
        const tick = () => poll() && ++i < 9 && w.setTimeout(tick, (2 * i - 1) * 250);
        w.setTimeout(tick, 250);
    }
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
    const last = parts.length - 1;
    if (!last)
        return pattern == s;
    let i = 0;
    return parts.every((part, j) => {
        // Where this part must sit: the first at the start, the last at the end, a middle one leftmost
        // after the previous; never before the end of the previous part.
        const k = j == last ? s.length - part.length : j ? s.indexOf(part, i) : 0;
        const ok = k >= i && s.startsWith(part, k);
        i = k + part.length;
        return ok;
    });
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
 * Conditions come from resolved settings: every field an own property. `_why` is the debug sentence:
 * the winner and what it matched, or for each condition the first field that failed.
 */
function pickCondition(conditions, visit, page) {
    const landing = httpUrl(visit.landing, page);
    const host = httpUrl(visit.referrer)?.hostname || '';
    const onPath = (u) => (p) => !!u && glob(norm(p), norm(u.pathname));
    // true = present (even empty); a string = equal, case-insensitive.
    const params = (want) => Object.keys(want).every((k) => {
        const got = landing?.searchParams.get(k);
        return got != null && (want[k] === true || got.toLowerCase() == want[k].toLowerCase());
    });
    // Per field a condition may set, in the order they are tested and explained: its test (a field
    // holds one value or a list, and matches when one of them passes), and what this visit shows.
    const fields = {
        source: [(s) => s == visit.source, visit.source],
        referrer: [(d) => isUnder(host, d), host || 'direct'],
        params: [params, landing?.search || 'none'],
        landing: [onPath(landing), landing?.pathname || 'none'],
        page: [onPath(page), page.pathname],
    };
    const misses = [];
    for (const c of conditions) {
        const miss = Object.keys(fields).find((f) => c[f] != null && !list(c[f]).some(fields[f][0]));
        if (!miss)
            return { _condition: c, _why: `Condition: ${c.id} — every field it sets matches.` };
        misses.push(`${c.id} needs another ${miss} (this visit: ${fields[miss][1]})`);
    }
    return { _why: `No condition matched${misses.length ? ': ' + misses.join('; ') : ' (none configured)'}.` };
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

/** A URL as stored and sent: redacted (SPEC 9.2), or only its path when cookieless (SPEC 8). */
const cleanFor = (s, persistent, withIds) => (url) => cleanUrl(url, persistent ? urlFilter(s, withIds) : undefined);
/** mgt_session.to_swap: the numbers shown, leased ones with their expiry. */
const toSwap = (numbers, leased, until) => Object.keys(numbers).map((original) => ({ original, tracked: numbers[original], expires: leased && leased[original] ? until : undefined }));
function decideVisit(s, v, explain) {
    const { _view: a, _stored: stored, _persistent: p, _now: now } = v;
    const clean = cleanFor(s, p, v._withIds);
    let isNew = v._first && !a._internal;
    let kept = a;
    if (p) {
        // An existing visitor arriving by internal navigation without a session here comes from a
        // sibling subdomain under cookie.domain (localStorage is per origin): same visit.
        const sibling = a._internal && !stored && !v._created;
        isNew = !sibling && isNewVisit(a._internal, stored?.last_action, now, s._timeout);
        const mine = { ...a, landing: clean(a.landing), tracking_ids: v._withIds ? { ...a.tracking_ids, ...v._deviceIds } : {} };
        kept = isNew ? keepAttribution(stored, mine, s._entry) : stored || mine;
    }
    const from = a._internal ? 'internal navigation' : a.referrer == 'direct' ? 'no referrer' : 'from ' + a.referrer;
    const last = stored ? `, last activity ${Math.round((now - stored.last_action) / 6e4)} min ago` : '';
    const pick = pickCondition(s._conditions, kept, v._page);
    const cond = pick._condition;
    const id = cond ? cond.id : null;
    // The condition's own numbers: none with probabilistic 'off' without storage, which swaps the
    // default numbers only (SPEC 8).
    const own = (p || s._probabilistic != 'off') && cond?.numbers;
    const numbers = { ...s._numbers, ...own };
    const pool = p ? cond?.pool : undefined;
    const wanted = Object.keys(cond?.numbers || s._numbers);
    // Leased numbers still valid in mgt_session are reused, when there is one for every original.
    const leased = {};
    let until = 0;
    for (const e of (pool && stored?.to_swap) || []) {
        if (e.expires > now && wanted.includes(e.original) && usableNumber(s, e.tracked)) {
            leased[e.original] = e.tracked;
            until = e.expires;
        }
    }
    const reuse = pool && Object.keys(leased).length == wanted.length ? leased : undefined;
    Object.assign(numbers, reuse);
    const session = p
        ? {
            v: 1,
            condition: id,
            landing: kept.landing,
            last_action: now,
            last_url: clean(v._page),
            referrer: kept.referrer,
            source: kept.source,
            to_swap: toSwap(numbers, reuse, until),
            tracking_ids: kept.tracking_ids,
            pageviews: s._collecting && s._mode != 'origin' ? (isNew || !stored ? 0 : stored.pageviews || 0) + 1 : undefined,
        }
        : undefined;
    // The source's reason from classify()'s terse one ('gclid', 'utm_medium=cpc', 'referrer www.google.fr', 'no referrer').
    explain('source', kept.source, kept == stored ? 'stored with the visit' : a._why.includes(' ') ? a._why : 'the landing URL has ' + a._why);
    explain('condition', pick._why);
    explain('visit', p ? (isNew ? 'new' : 'same') + ' visit' : 'cookieless', from + last);
    return {
        _kept: kept,
        _new: isNew,
        _id: id,
        _from: reuse ? 'leased from pool ' + pool : own ? 'condition ' + id : 'defaults',
        _numbers: numbers,
        _pool: pool,
        _wanted: wanted,
        _leasedUntil: reuse ? until : 0,
        _session: session,
    };
}

/** Sets the debug sentences of the decision (source, condition, visit), and the storage one, at each decision. */
function createVisits(s, w, consent) {
    let arrival; // this page load's arrival (see decide.ts)
    let session; // the latest one stored
    let before = false; // mgt_session as found when the page became persistent (false: not read)
    const save = () => {
        if (session && consent._alive()) {
            writeSession(session);
            log('stored mgt_session', session);
        }
    };
    return {
        _decide(page, referrer, newView, grant) {
            const here = classify(page, referrer, s._domain);
            const first = !arrival;
            // A reload or a back/forward navigation is not a new arrival. (Browsers without Navigation
            // Timing 2 list no entry: a normal navigation.)
            if (first)
                here._internal || (here._internal = performance.getEntriesByType('navigation').some((n) => ['reload', 'back_forward'].includes(n.type)));
            const fresh = { ...here, landing: page.href, tracking_ids: trackingIds(s, page) };
            if (first)
                arrival = fresh;
            const p = consent._alive();
            let stored = p ? readSession((n) => !!parsePhone(n, s._country), (t) => usableNumber(s, t)) : undefined;
            if (!p || before === false)
                before = p && stored;
            // A grant saves what this page computed before consent (SPEC 7), tracking IDs included, as if
            // the consent-free session this page wrote (rotation) had not been there.
            if (grant && before !== false)
                stored = before;
            const ids = consent._withIds();
            const v = decideVisit(s, {
                _page: page, _view: p && newView ? fresh : arrival, _first: first, _persistent: p, _withIds: ids,
                _created: consent._created, _stored: stored, _deviceIds: ids ? trackingIds(s, undefined, w) : {}, _now: Date.now(),
            }, explain);
            consent._explain();
            session = v._session;
            save();
            return v;
        },
        _update(fields) {
            if (session)
                Object.assign(session, fields);
            save();
        },
    };
}

const CLASS = 'mgt-number';
/** The element (or shadow root) a text node or attribute is in. */
const owner = (n) => (n.nodeType === 2 ? n.ownerElement : n.parentNode);
/** A class attribute with ours added after it as it is (null: we create it). */
const withClass = (was) => (was === null ? CLASS : `${was} ${CLASS}`);
/** Class writes are observed on every element we marked (see _place). */
const WATCH = { attributeFilter: ['class'], attributeOldValue: true };
/** The class bookkeeping of one swapper; `observer` delivers the class records of the elements it watches. */
function createClasses(observer) {
    const classed = [];
    /** The elements marked as ours (a copy carries our class, written by cloneNode, and is not, until read). */
    const ours = new WeakSet();
    return {
        _mark(el, copy) {
            if (!el || el.nodeType !== 1)
                return;
            const e = el;
            let was = e.getAttribute('class');
            /** We create the attribute, or a copy carries one we created that the page never wrote. */
            let created = was === null;
            if (!copy)
                ours.add(e);
            if (!e.classList.contains(CLASS))
                e.setAttribute('class', withClass(was));
            else if (copy) {
                created = was === CLASS;
                // (A class attribute we created and the page wrote since: none without us, or the page's.)
                was = was.endsWith(' ' + CLASS) ? was.slice(0, -CLASS.length - 1) : null;
            }
            else
                return;
            classed.push({ _el: e, _was: was, _new: created });
            observer.observe(e, WATCH);
        },
        _unmark(drop) {
            // Last first: an element marked again after the page rewrote its class gets that class back.
            for (let i = classed.length; i--;) {
                const { _el: e, _was: was } = classed[i];
                if (drop && !drop(e))
                    continue;
                classed.splice(i, 1);
                // (Exactly ours where we created it: the page never wrote it, see _place.)
                if (e.getAttribute('class') === withClass(was)) {
                    if (was === null)
                        e.removeAttribute('class');
                    else
                        e.setAttribute('class', was);
                }
                else if (e.classList.contains(CLASS))
                    e.classList.remove(CLASS);
            }
        },
        _place(el, old) {
            const v = el.getAttribute('class');
            const mine = classed.filter((c) => c._el === el);
            // A write that leaves a class attribute we created as we wrote it (classList.remove of a class
            // it lacks; our own) creates nothing without us: it stays ours.
            if (v === null || (v === CLASS && (old === null || old === CLASS) && mine.some((c) => c._new)))
                return;
            let first = false;
            for (const c of mine)
                if (c._new) {
                    c._new = false;
                    first = true;
                }
            // Without us, the page would have created the attribute at its first write, after the
            // attributes the element has by now: it is moved there, so that restore gives the page's order.
            if (first)
                el.removeAttribute('class');
            if (mine.length && (first || v === CLASS))
                el.setAttribute('class', v === CLASS ? withClass('') : v);
        },
        _follow(memory) {
            const shows = new Set();
            memory.forEach((p, n) => p._text !== p._orig && shows.add(owner(n)));
            this._unmark((e) => !shows.has(e));
            // (A page write of the class attribute that dropped ours gets it back; a copy read is ours now.)
            shows.forEach((e) => this._mark(e));
        },
        _copy: (el) => el?.nodeType === 1 && el.classList.contains(CLASS) && !ours.has(el),
    };
}

// The memory of originals: what the page wrote in each text node and attribute we changed, and how
// to read it back after the page edited, split, merged or moved what we wrote.
//
// The invariant it serves: a visitor only ever sees a number as the page wrote it or as its tracked
// number, never a mix, and restore gives the page as it would be without mgt. The page edits what it
// sees (our text), so every edit is read as the page's operation on our text and carried over to
// the page's own text (derive()): a node cut in two takes the two halves of its original, nodes
// merged take their originals joined, a node moved away takes its own original with it. The run of
// text nodes around it is then swapped again as a whole, so a part of a number is never left alone.
/**
 * How many characters of `p._orig` the first `k` characters of what we wrote stand for. Exact where
 * characters were replaced one for one; a cut inside a number written fresh keeps the whole number
 * on its left.
 */
function cut(p, k) {
    let j = 0;
    for (let w = 0; j < p._out.length && (w < k || !p._out[j]);)
        w += p._out[j++].length;
    return j;
}
/**
 * The page's text of each node of a run (adjacent text nodes of one element, or one attribute),
 * from what they hold now and what we remembered. Each node's value is read as what the page did
 * to our text:
 * - unchanged: its original;
 * - cut short (splitText(), or text deleted at its end): the head of its original; the nodes right
 *   after it that hold the text cut off (splitText's new nodes) take the rest, part by part;
 * - extended (the parser or appendData() adding text, normalize() merging the next nodes: not a
 *   value set as a whole that happens to start with ours, see _end): its original, then the
 *   originals of the nodes of its old run merged into it (no longer in the run), then what the
 *   page added;
 * - a node we never wrote whose whole value is a text we wrote elsewhere (a copy of swapped
 *   content, found in `copies`): that text's original, when `copies` is given (edit.ts gives it
 *   only for a copy of an element we marked);
 * - anything else was written by the page, and is the original.
 * `_copied` tells whether a copy was taken for its original (the caller checks it swaps back to
 * what is shown).
 */
function derive(nodes, memory, copies) {
    const was = [];
    let copied = false;
    /** The piece whose text was cut off by a split, and where the part not yet found starts. */
    let split;
    let at = 0;
    for (const n of nodes) {
        const v = n.nodeValue;
        const p = memory.get(n);
        /** The piece whose text a split cut off, for the next node. */
        let cutOff;
        let o;
        if (p && v === p._text)
            o = p._orig;
        else if (p && n.nodeType === 3 && p._text.startsWith(v)) {
            // Cut short: the nodes right after it may hold the rest.
            o = p._orig.slice(0, cut(p, (at = v.length)));
            cutOff = p;
        }
        else if (!p && split && v && split._text.startsWith(v, at)) {
            // The next part of a node split before it.
            o = split._orig.slice(cut(split, at), cut(split, (at += v.length)));
            cutOff = split;
        }
        else if (p && v.startsWith(p._text) && (!p._end || p._end.startOffset === p._text.length)) {
            let rest = v.slice(p._text.length);
            o = p._orig;
            // normalize(): the next nodes of its old run, gone from the run, whose text was ours.
            for (let i = p._run.indexOf(n) + 1, q; i > 0 && i < p._run.length; i++) {
                if (nodes.indexOf(p._run[i]) >= 0 || !(q = memory.get(p._run[i])) || !rest.startsWith(q._text))
                    break;
                o += q._orig;
                rest = rest.slice(q._text.length);
            }
            o += rest;
        }
        else if (!p && copies && (o = copies.get(v)) !== undefined)
            copied = true;
        else
            o = v;
        split = cutOff;
        was.push(o);
    }
    return { _was: was, _copied: copied };
}

/** A digit: a text without one holds no number (the first test of every text read). */
const DIGIT = /\d/;
/** A link that dials: the only hrefs read. */
const LINK = /^\s*(?:tel|sms|callto):/i;
/** A text or comment node: comments (frameworks' markers) do not end a run of text. */
const inRun = (n) => !!n && (n.nodeType === 3 || n.nodeType === 8);
/** Whether `n` is in a zone never swapped (`skip`), in its tree or around the shadow hosts above it. */
function ignored(n, skip) {
    for (; n; n = n.getRootNode().host)
        if (n.nodeType === 1 && n.closest(skip))
            return true;
    return false;
}
/**
 * The swap of a run's originals `was`, or undefined when nothing is to be swapped there. A link
 * (href) is read with its percent escapes decoded; the escapes of characters not swapped are
 * written back as they were.
 */
function apply(was, match, link) {
    /** For a link: what the page wrote for each decoded character. */
    const src = [];
    let s = '';
    for (const o of was) {
        if (link && !LINK.test(o))
            return undefined;
        // (unescape decodes one %XX escape to its character, and leaves any other character as it is.)
        s += link ? o.replace(/%[\da-f]{2}|[^]/gi, (c) => (src.push(c), unescape(c))) : o;
    }
    const r = match && match(s, link);
    if (r && link)
        r._out = r._out.map((c, k) => (c === s[k] ? src[k] : c));
    return r;
}
/**
 * The edits of one swapper: `live()` gives the numbers to show now (undefined: none; false: restored,
 * the originals are written back); nothing is swapped in the zones `skip` selects.
 */
function createEditor(classes, skip, onSwap, live) {
    const memory = new Map();
    const copies = new Map();
    /**
     * Swaps `nodes` of `el` with the numbers of the moment and remembers what it wrote; restored, in an
     * ignored zone, or where nothing is to be swapped, writes back what the page wrote.
     */
    function edit(nodes, el, link) {
        const match = live();
        const shown = nodes.map((n) => n.nodeValue);
        // No digit and nothing of ours: no number, nor a copy of one (the parser's whitespace between blocks).
        if (!DIGIT.test(shown.join('')) && !nodes.some((n) => memory.has(n)))
            return;
        // A text we wrote, found in a node we never wrote, is a copy of swapped content only inside a
        // copy of an element we marked (our class, where we never wrote it: cloneNode copied it). Written
        // by the page anywhere else (an attribute set, a new element rendered), it is the page's own
        // tracked number, left alone (SPEC 10.3).
        let d = derive(nodes, memory, classes._copy(el) && copies);
        let r = apply(d._was, match, link);
        // A text we wrote, found where we did not write it (a copy of swapped content), stands for its
        // original only when that original swaps to exactly what is shown; otherwise the page wrote it.
        if (d._copied && !(r && r._out.join('') === shown.join('')))
            r = apply((d = derive(nodes, memory))._was, match, link);
        const was = d._was;
        // Nothing to swap here and nothing swapped before: nothing to write (the common case).
        if (!r && !d._copied && !nodes.some((n) => memory.has(n)))
            return;
        if (match && ignored(el, skip)) {
            // An ignored zone shows the page's text, a copy of swapped content put there too (like a
            // swapped node moved there); our class, copied with it, comes off at once.
            if (r && d._copied)
                classes._mark(el, true);
            classes._unmark((e) => e === el);
            r = undefined;
        }
        let at = 0;
        let changed = false;
        let mine = false;
        /** The swaps made, each with the node where its number starts (an attribute: its element). */
        const events = [];
        const pieces = nodes.map((n, i) => {
            const o = was[i];
            const from = at;
            // Each text node takes its characters' slice; a link is one node, whose slice is all of out.
            const out = r ? (link ? r._out : r._out.slice(at, (at += o.length))) : o.split('');
            if (r)
                for (const [h, w, t] of r._hits)
                    if (h >= from && (link || h < at))
                        events.push({ original: w, tracked: t, node: n.nodeType === 2 ? el : n });
            const v = out.join('');
            if (v !== shown[i]) {
                n.nodeValue = v;
                changed = true;
            }
            if (v !== o) {
                mine = true;
                copies.set(v, o);
            }
            let end;
            if (n.nodeType === 3)
                (end = new Range()).setStart(n, v.length);
            return { _orig: o, _out: out, _text: v, _run: nodes, _end: end };
        });
        // The whole run is remembered while any of it is ours: its other nodes may be split or merged.
        nodes.forEach((n, i) => (mine ? memory.set(n, pieces[i]) : memory.delete(n)));
        if (r) {
            classes._mark(el, d._copied);
            if (changed)
                events.forEach(onSwap);
        }
    }
    return {
        _memory: memory,
        _copies: copies,
        _read(n) {
            const nodes = [];
            if (n?.nodeType === 2) {
                const el = n.ownerElement;
                // (An attribute no longer on its element has no owner.)
                if (el)
                    edit([n], el, n.name === 'href');
            }
            else if (n) {
                let a = n;
                let b;
                while (inRun((b = a.previousSibling)))
                    a = b;
                for (b = a; inRun(b); b = b.nextSibling)
                    if (b.nodeType === 3)
                        nodes.push(b);
                if (nodes.length)
                    edit(nodes, n.parentNode);
            }
            return nodes;
        },
    };
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
/**
 * BEFORE, then the run of digits joined by separators (maybe after a '+') from there. It is run on
 * the text after a NUL, which stands for the text's start: BEFORE always reads one character or
 * two, so a search resumed at a run's first token never finds the same run again.
 */
const RUN = new RegExp(`(?:${BEFORE})((?:\\+${GAP})?\\d(?:${GAP}\\d)*)`, 'g');
const ENDS_INSIDE = new RegExp(`^(?:[\\w+]|${NEAR}\\d)`);
/** A token of a run: a digit or '+' (a character test, not a regex: each regex compiles on its first run, on a cold page). */
const isToken = (c) => c == '+' || (c >= '0' && c <= '9');
/**
 * Builds the matcher of a mapping original -> tracked (both as written in the config, in the
 * national format of `iso` or international). Undefined when no pair is usable.
 */
function createMatcher(numbers, iso) {
    const forms = new Map();
    const wants = [];
    // (Own keys only: a page may have added enumerable properties to Object.prototype.)
    for (const written of Object.keys(numbers)) {
        const from = parsePhone(written, iso);
        const to = parsePhone(numbers[written], iso);
        if (!from || !to)
            continue;
        // (A parsed number's country is known.)
        const k = countryOf(from._cc);
        const kt = countryOf(to._cc);
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
                    const same = !fresh && want.length === key.length;
                    forms.set(key, [to, same ? want : '', fresh ? '+' : p]);
                    if (same)
                        wants.push(want);
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
            const tokens = run.split('').filter(isToken).join('');
            for (const len of lengths) {
                const form = len <= tokens.length && forms.get(tokens.slice(0, len));
                if (!form)
                    continue;
                // The end: just after the len-th token.
                let e = i;
                for (let c = 0; c < len; e++)
                    if (isToken(s[e]))
                        c++;
                if (ENDS_INSIDE.test(s.slice(e, e + 2)))
                    continue;
                const w = s.slice(i, e);
                const [to, want, prefix] = form;
                let j = 0;
                // Same token count: every separator keeps its place, the tokens take the original's places.
                const r = want ? w.split('').map((c) => (isToken(c) ? want[j++] : c)).join('') : formatPhone(to, prefix, compact);
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
    // The pre-filter: the first four digits of some form, an original's or a tracked number's, then
    // enough digits for the shortest form. (Three let through ten times as many texts with digit runs,
    // IBANs, dates, each then read by the matcher, and its subtree scanned element by element.) Between
    // digits, non-word characters ('+' among them): a superset of the separators whose class is far
    // smaller than theirs (`\s` alone is a dozen Unicode ranges). The regex's first runs on the page
    // are its compile, and a bounded gap is compiled unrolled: with `{0,3}` in every head too, that
    // cost 1–2 ms on a cold page, more than reading all the texts of a 1k page; the heads take any
    // gap (a superset again), the tail keeps `{0,3}` (docs/performance.md).
    // (The heads are told apart before their gaps are written: 7 heads for the 500 forms of 50 pairs.)
    const heads = new Set(keys.concat(wants).map((key) => key.replace('+', '').slice(0, 4)));
    matcher._any = new RegExp(`(?:${[...heads].map((head) => [...head].join('\\W*')).join('|')})(?:\\W{0,3}\\d){${min - 4}}`);
    return matcher;
}

// The scan of a document: one pass over each root's elements, each visited once (its shadow root,
// attributes and text children), in slices of about BUDGET ms, so that a long document never makes a
// long task. Observed additions are queued first: new content is not kept waiting behind a long
// initial scan. What a visit does is the swapper's (swapper.ts).
/** Milliseconds of scanning per task: longer documents continue in later tasks (no long task). */
const BUDGET = 25;
/** Work units between two looks at the clock: a node, or 1 KB of text read at once. */
const CHECK = 64;
/** NodeFilter.SHOW_ELEMENT. */
const ELEMENT = 1;
/**
 * The scans of `doc`, visiting each element with `element` (its own shadow root and attributes)
 * and `texts` (its text children), unless `may` says that a subtree's whole text (textContent)
 * cannot hold a number: its texts are then not read.
 */
function createScan(doc, element, texts, may) {
    /** Pending scans of roots, each a walker over the root's elements. */
    let jobs = [];
    let pumping = false;
    let timer = 0;
    const now = () => performance.now();
    function queue(root) {
        if (root.nodeType === 1)
            element(root);
        // While a job runs it is jobs[0]: new jobs go right after it. A childless element is done.
        if (root.firstChild)
            jobs.splice(pumping ? 1 : 0, 0, doc.createTreeWalker(root, ELEMENT));
    }
    /**
     * Runs queued jobs for at most about BUDGET ms, then leaves the rest to a later task. The clock
     * is read every CHECK units of work: elements visited, and kilobytes of text read by textContent
     * (a subtree's text is read at once, however long). `keep` last jobs are left for later.
     */
    function pump(keep = 0, end = now() + BUDGET) {
        if (pumping)
            return;
        let c = 0;
        let d;
        let b;
        pumping = true;
        try {
            // The first element after a subtree whose texts cannot hold a number (null: the job's end),
            // whose texts are not read; undefined: none. Not kept across tasks: the page changes.
            let clean;
            let only = null;
            const html = doc.documentElement;
            const body = doc.body;
            for (let w; jobs.length > keep && (w = jobs[0]); jobs.shift(), (clean = undefined)) {
                const root = w.root;
                // A walker still on its root starts there; another resumes after the last node handled.
                for (let x = w.currentNode === root ? root : w.nextNode(); x; x = w.nextNode()) {
                    if (x === clean)
                        clean = undefined;
                    if (x !== root)
                        element(x);
                    if (clean !== undefined) {
                        // Texts not read.
                    }
                    else if (
                    // Not tested: the document's text (null), <html>'s and <body>'s (the whole page), a
                    // leaf's (its texts are tested as cheaply), a sole element child's (nearly its parent's).
                    x !== only &&
                        x !== doc &&
                        x !== body &&
                        x !== html &&
                        x.firstElementChild &&
                        ((c += (d = x.textContent).length >> 10), !may(d)))
                        for (b = x, clean = null; b && b !== root; b = b.parentNode) {
                            if ((clean = b.nextElementSibling))
                                break;
                        }
                    else {
                        only = x.firstElementChild;
                        if (only !== x.lastElementChild)
                            only = null;
                        texts(x);
                    }
                    if (++c >= CHECK && ((c = 0), now() > end)) {
                        timer = timer || setTimeout(() => ((timer = 0), pump()), 0);
                        return;
                    }
                }
            }
        }
        catch {
            // Never throw into the page: a scan that fails leaves the page as it is.
        }
        finally {
            pumping = false;
        }
    }
    return {
        _queue: queue,
        _run(root, since) {
            queue(root);
            pump(0, since && since + BUDGET);
        },
        _now(f) {
            const keep = jobs.length;
            f();
            // New content is swapped before the next paint (SPEC 10.3), whatever it costs: the parser or
            // the page added it in this task, at a similar cost.
            pump(keep, Infinity);
        },
        _clear() {
            jobs = [];
        },
    };
}

// What a scan reads in each element it visits (scan.ts walks): its text children worth reading, its
// phone attributes, and its open shadow root, observed and scanned in turn (a custom element's once
// it is defined). Each place is handed to the editor (edit.ts).
const IGNORE = 'data-mgt-ignore';
const ATTRS = ['href', 'title', 'alt', 'aria-label'];
/** An attributeFilter implies attributes: true. The ignore attribute is watched to follow it. */
const OBSERVE = { childList: true, subtree: true, characterData: true, attributeFilter: [...ATTRS, IGNORE] };
/**
 * The scans of `doc` and of the roots found in it: `live()` gives the numbers to show now
 * (undefined: none; false: restored), `observer` is given the open shadow roots outside the zones
 * `skip` selects.
 */
function createVisit(doc, editor, observer, skip, live) {
    // (The matcher's pre-filter: most texts with digits, prices, dates…, hold no number. False has no _any.)
    const any = (d) => live()?._any.test(d);
    const scan = createScan(doc, element, texts, any);
    /** Handles the text children of `el` worth reading: with digits, and an original, a copy, or a run going on. */
    function texts(el) {
        for (let t = el.firstChild, d; t; t = t.nextSibling)
            if (t.nodeType === 3 &&
                DIGIT.test((d = t.data)) &&
                // A number, a text we wrote (a copy?), or a text or comment next: a number split by a
                // framework starts in a node followed by another, or after one without digits ('+').
                (any(d) || editor._copies.has(d) || inRun(t.nextSibling) || inRun(t.previousSibling))) {
                editor._read(t);
                // The rest of its run is handled.
                while (inRun(t.nextSibling))
                    t = t.nextSibling;
            }
    }
    /**
     * An element's own open shadow root and phone attributes. A custom element not defined yet gets
     * its shadow root when it is (as Lit's do): it is scanned then.
     */
    function element(el) {
        const sr = el.shadowRoot;
        if (sr) {
            if (!el.closest(skip)) {
                observer.observe(sr, OBSERVE);
                scan._queue(sr);
            }
        }
        else if (el.localName.indexOf('-') > 0 && !customElements.get(el.localName))
            // (A name that is not a valid custom element name rejects: nothing to wait for.)
            customElements.whenDefined(el.localName).then(() => live() !== false && scan._run(el), () => 0);
        if (el.hasAttributes())
            for (const a of ATTRS) {
                const v = el.getAttribute(a);
                // Most hrefs with digits are paths: only links that dial are read further.
                if (v && DIGIT.test(v) && (a !== 'href' || LINK.test(v)))
                    editor._read(el.getAttributeNode(a));
            }
    }
    return scan;
}

// What a batch of the observer's records means for the page: the runs, attributes and class
// attributes read again at once, the added nodes to scan, and the swapped nodes that are now in an
// ignored zone (SPEC 10.3). The runs around what the
// page inserted or removed are read again: either part may now hold a number, or a fragment of ours
// (ARCHITECTURE.md, "Runs that change shape").
/**
 * Handles `records`: edits read again at once, additions queued on `scan` (its caller runs them),
 * swapped nodes now in an ignored zone (`skip`) given their original.
 */
function readRecords(records, scan, editor, classes, skip) {
    const memory = editor._memory;
    let last;
    /** The last run handled, so that the records of one batch do not handle it again. */
    let group = [];
    /** Nodes removed or moved, or an ignore attribute changed: swapped nodes may now be in an ignored zone. */
    let moved = false;
    for (const r of records) {
        const t = r.target;
        const name = r.attributeName;
        if (name === IGNORE) {
            moved = true;
            // No longer ignored: swapped now (ignored: restored below).
            scan._queue(t);
        }
        else if (name === 'class')
            classes._place(t, r.oldValue);
        else if (name || t.nodeType === 3) {
            // An attribute set or a text edited, not to what we wrote (our writes come back as records
            // too): read again, a text with its run (even without digits, its old text may have kept the
            // run's number from being one).
            const n = name ? t.getAttributeNode(name) : t;
            if (n && memory.get(n)?._text !== n.nodeValue)
                group = editor._read(n);
        }
        else if (r.removedNodes.length || !last?.contains(t)) {
            // (Else nodes were only added inside an element this batch queued, which its pending scan
            // reads whole: nearly every record while the page parses, the parser appending each node to
            // the element it opened last. Told apart without reading the record's nodes.)
            if (r.removedNodes.length)
                moved = true;
            // The runs around what left or came: a run that lost part of a number, two runs now one,
            // or (a node inserted inside a run) one run now two, either of which may now hold a
            // number or a fragment of ours. (The parser's appends, at a parent's end, split nothing:
            // with no next sibling and nothing removed, they read nothing more here.)
            const split = inRun(r.nextSibling) && inRun(r.previousSibling);
            if (moved || split)
                for (const n of [r.previousSibling, r.nextSibling])
                    if (inRun(n) && group.indexOf(n) < 0)
                        group = editor._read(n);
            // (An indexed loop: NodeList's forEach calls back into script once per node, and costs several
            // times as much over the parser's records, about two thousand on a 1k page: docs/performance.md.)
            const added = r.addedNodes;
            for (let i = 0, n; (n = added[i]); i++)
                if (!last?.contains(n)) {
                    if (n.nodeType === 1)
                        last = n;
                    if (n.nodeType === 3)
                        group = editor._read(n);
                    else
                        scan._queue(n);
                }
        }
    }
    if (moved)
        memory.forEach((_, n) => {
            const e = owner(n);
            // (Its edit gives it its original and takes our class off; a node in a connected element is connected.)
            if (e?.isConnected && ignored(e, skip))
                editor._read(n);
        });
}

const SKIP = `script,style,noscript,template,textarea,input,select,[contenteditable],[${IGNORE}]`;
function createSwapper(doc, opts) {
    const skip = SKIP + (opts._ignore ? `,${opts._ignore}` : '');
    const observer = new MutationObserver(handle);
    const classes = createClasses(observer);
    // (The listeners of the swap event are guarded by the emitter.)
    const live = () => on && match;
    const editor = createEditor(classes, skip, opts._onSwap, live);
    const memory = editor._memory;
    const scan = createVisit(doc, editor, observer, skip, live);
    let match;
    /** Swapping and observing; off, edits write the originals back. */
    let on = false;
    /**
     * When init began (the swapper is made at its start), until the first scan: that scan's first
     * slice shares its task with init (the settings, the decision, the matcher; after the slice, the
     * adapters' start), so its budget counts from here: init does not make the task a long one.
     */
    let born = performance.now();
    /** Re-applies what we wrote in `n` (a text node, with its run, or an attribute); off, undoes it. */
    function redo(_, n) {
        // A text node out of the document is swapped again when it comes back.
        if (n.nodeType !== 3 || !on || n.isConnected)
            editor._read(n);
    }
    /** Observed changes: edits handled at once, additions queued, then scanned at once. */
    function handle(records) {
        try {
            scan._now(() => readRecords(records, scan, editor, classes, skip));
            // (After the scans of what came, so that a copy in it is read whole first.)
            classes._follow(memory);
        }
        catch {
            // Never throw into the page: a swap that fails leaves the page as it is.
        }
    }
    function start() {
        on = true;
        // Open shadow roots are observed as the scan finds them.
        observer.observe(doc, OBSERVE);
        scan._clear();
        // What we swapped, first: a new mapping may restore it or swap it differently.
        memory.forEach(redo);
        classes._follow(memory);
        // Nothing to swap: no need to read the page.
        if (match)
            scan._run(doc, born);
        born = undefined;
    }
    /** Handles the observer's pending records now, if any (called every frame while a root waits: no reclass per frame). */
    const flush = () => {
        const pending = observer.takeRecords();
        if (pending.length)
            handle(pending);
    };
    return {
        // (The tracker calls it only when the mapping changed, or to start again after a restore.)
        _set(numbers) {
            match = createMatcher(numbers, opts._country);
            start();
        },
        _scan(root) {
            if (on && root)
                scan._run(root);
            else
                start();
        },
        _flush: flush,
        _restore() {
            // Texts written by the page since the last callback are the originals to put back.
            flush();
            observer.disconnect();
            on = false;
            // (A slice still scheduled finds no job.)
            scan._clear();
            memory.forEach(redo);
            memory.clear();
            editor._copies.clear();
            classes._unmark();
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
/**
 * Hydrated: Vue sets `__vue_app__` on the container once `mount` has hydrated it (synchronously);
 * React sets `__reactFiber$…` on every element it hydrates, and its first hydration renders and
 * commits in one task (a blocking lane, not time-sliced), so a key seen in a frame means done.
 */
const hydrated = (el) => el && (el.__vue_app__ || Object.keys(el).some((k) => /^__reactFiber/.test(k)));
/**
 * Once per frame while the page is parsed or a root waits: `frame` first (the swapper takes its
 * pending records: an engine may paint before the observer delivers them, as WebKit does while the
 * parser streams a long page in), then a root found hydrated is marked and handed to `swap`, in the
 * frame it hydrated (rAF runs before the paint). Returns `unhide`, which
 * ends the anti-flicker hiding once the page is parsed and no root waits (now or later).
 */
function watchHydration(w, swap, debug, frame) {
    const doc = w.document;
    // Each look for the roots reads the whole document (a selector list with attributes has no
    // shortcut): one per frame, and one when the numbers are first final (issue 11).
    let decided;
    const done = () => decided && doc.readyState != 'loading' && !doc.querySelector(WAITING) && unhide(doc);
    const tick = () => {
        let waiting;
        frame();
        for (const root of doc.querySelectorAll(WAITING))
            if (hydrated(root) || hydrated(root.firstElementChild)) {
                root.setAttribute('data-mgt-hydrated', '');
                swap(root);
            }
            else
                waiting = 1;
        if (doc.readyState == 'loading' || waiting)
            w.requestAnimationFrame(tick);
        else {
            // Next's app router hydrates the whole document, which has no id to recognise: the site's line
            // (without it React renders the page again, docs/frameworks.md).
            if (w.__next_f /* defined by the inline scripts of every Next.js app-router page */ && !doc.querySelector('[data-mgt-hydrate]'))
                debug('Next.js app router: add data-mgt-hydrate to <html>');
            done();
        }
    };
    tick();
    return () => {
        // Once: the page is shown now, or by the last frame of the loop above.
        if (!decided) {
            decided = 1;
            done();
        }
    };
}

/** Sets the numbers sentence of state().why; `emit` tells the page's listeners. */
function createDisplay(s, w, emit) {
    // Framework roots are not swapped until hydrated (hydration.ts): they join the ignored subtrees.
    const swapper = createSwapper(w.document, { _country: s._country, _ignore: (s._ignore ? s._ignore + ',' : '') + WAITING, _onSwap: (e) => emit('swap', e) });
    let swapping = true; // false after mgt('restore'), until mgt('swap')
    let shown; // undefined until the first decision, so that the first one is applied
    // The numbers to the swap engine (its matcher reads own keys only: a polluted Object.prototype
    // adds nothing) and to the 'numbers' listeners.
    const paint = (numbers) => {
        swapper._set(numbers);
        emit('numbers', numbers);
    };
    // A root hydrated before the first decision is swapped by it.
    const unhide = watchHydration(w, (root) => swapping && shown && swapper._scan(root), log, swapper._flush);
    return {
        _show(numbers, final, reason) {
            const json = JSON.stringify(numbers);
            // The observer keeps the page swapped; a new full pass is needed only when the mapping changes.
            if (swapping && json != JSON.stringify(shown))
                paint(numbers);
            shown = numbers;
            if (final)
                unhide();
            explain('numbers', json, reason);
        },
        // What is shown is valid numbers of the country only (config.ts, usableNumber).
        _tracked: () => Object.values(shown).map((t) => e164(parsePhone(t, s._country))),
        _numbers: () => ({ ...shown }),
        _swap(root) {
            if (!swapping) {
                swapping = true;
                paint(shown);
            }
            swapper._scan(root);
        },
        _restore() {
            swapping = false;
            swapper._restore();
            emit('numbers', {});
        },
    };
}

// The one fetch of the module: both event batches and pool leases POST a string without
// credentials, and neither may throw into the page nor leave a rejection unhandled.
/**
 * POSTs `body` to `url` with `init` added. A string body is sent as text/plain: a CORS-simple
 * request, no preflight. Resolves to the response, or undefined when fetch is missing, throws at
 * once (replaced by the page) or fails; never rejects.
 */
const post = (url, body, init) => new Promise((resolve) => resolve(fetch(url, { method: 'POST', body, credentials: 'omit', ...init }))).catch(() => { });

// Pool leases (SPEC 9.3): ask the collector for visitor-level numbers, wait at most `timeout` ms.
/**
 * Resolves to the lease, or undefined on timeout, network error, or an answer that is not a lease
 * (the numbers in it are checked by the caller). Never rejects. A late answer is ignored; the
 * request is not aborted, since the collector has received it anyway.
 */
const lease = (endpoint, body, timeout) => new Promise((resolve) => {
    const timer = setTimeout(resolve, timeout);
    post(endpoint + '/lease', JSON.stringify(body))
        .then((r) => r && r.ok && r.json())
        // Each number in it is checked by the caller (usableNumber): numbers only needs to be there.
        .then((j) => (j && j.numbers && typeof j.ttl == 'number' && j.ttl > 0 ? { numbers: j.numbers, ttl: Math.min(j.ttl, 86400) } : undefined), () => undefined)
        .then((answer) => {
        clearTimeout(timer);
        resolve(answer);
    });
});

// The numbers of a decision (SPEC 10, 9.3): shown at once, or, for a condition with a pool, once
// its lease answers (leased per visitor from `${endpoint}/lease`), then renewed while the page is
// visible. Only the newest decision counts: a lease or a renewal of an older one is dropped.
/** A condition's pool is leased while `consent` is persistent; the leased numbers are stored with the session (`visits`). */
function createPools(s, doc, consent, display, visits) {
    let latest = 0; // the newest decision
    return {
        _show(v, report) {
            const id = ++latest;
            /** Leases numbers; `fallback` is what shows on timeout, error or an invalid answer. */
            const leaseNow = (fallback) => {
                if (!consent._alive())
                    return;
                const body = { site: s._site, pool: v._pool, visitor: consent._visitor, source: v._kept.source, condition: v._id, numbers: v._wanted };
                lease(s._endpoint, body, s._leaseTimeout).then((answer) => {
                    if (id != latest)
                        return;
                    const got = {};
                    if (answer)
                        for (const o of body.numbers)
                            if (usableNumber(s, answer.numbers[o]))
                                got[o] = answer.numbers[o];
                    const until = answer && Object.keys(got).length ? Date.now() + answer.ttl * 1000 : 0;
                    // The fallback with the valid leased numbers over it.
                    const numbers = { ...fallback, ...got };
                    display._show(numbers, true, (until ? 'leased from pool ' : 'no lease from pool ') + v._pool);
                    if (until) {
                        visits._update({ to_swap: toSwap(numbers, got, until) });
                        renew(until, numbers);
                    }
                    report();
                });
            };
            /** Renews the lease 30 s before `until` (at the earliest in 1 s), once the page is visible; `numbers` (shown now) are the fallback. */
            const renew = (until, numbers) => {
                setTimeout(function again() {
                    if (id != latest)
                        return;
                    if (doc.visibilityState == 'hidden')
                        doc.addEventListener('visibilitychange', again, { once: true });
                    else
                        leaseNow(numbers);
                }, Math.max(1000, until - Date.now() - 30000));
            };
            if (v._pool && !v._leasedUntil) {
                // Until the lease answers, the pooled originals are left as they are (hidden by anti-flicker).
                const meanwhile = { ...v._numbers };
                for (const o of v._wanted)
                    delete meanwhile[o];
                display._show(meanwhile, false, 'waiting for pool ' + v._pool);
                leaseNow(v._numbers);
            }
            else {
                display._show(v._numbers, true, v._from);
                if (v._leasedUntil)
                    renew(v._leasedUntil, v._numbers);
                report();
            }
        },
    };
}

// Event batches to `${endpoint}/events` (SPEC 9). One batch per page in the common case: events
// are sent a moment after the last one, and whatever is left goes out when the page is hidden.
// A failed send is dropped: nothing is kept on the device to retry later.
/**
 * sendBeacon for identified batches. A beacon always carries the collector's cookies and the page
 * URL in its Referer header (click IDs included, to a same-site collector), so anonymous batches
 * go by fetch without credentials and without referrer instead: cookieless means no identifier.
 * A beacon that is missing, throws (blocked, too large) or is refused goes by fetch as well.
 */
function send(url, body, anonymous) {
    try {
        if (!anonymous && navigator.sendBeacon(url, body))
            return;
    }
    catch { }
    post(url, body, { keepalive: true, mode: 'no-cors', referrerPolicy: 'no-referrer' });
}
function createBatch(endpoint, site) {
    let timer;
    let queue = [];
    const flush = () => {
        const events = queue;
        queue = [];
        clearTimeout(timer);
        if (events.length) {
            log('sent', events);
            send(endpoint + '/events', JSON.stringify({ v: 1, site, events }), events.some((e) => e.cookieless));
        }
    };
    return {
        _push(event, now) {
            queue.push(event);
            clearTimeout(timer);
            if (now)
                flush();
            else
                timer = setTimeout(flush, 1000);
        },
        _flush: flush,
        _rewrite(fn) {
            queue = queue.map(fn);
        },
    };
}

/**
 * Sets the debug sentence about events; `base()`: the fields every event
 * carries from the decision of the moment (source, condition, number shown). Created in every
 * mode, so that the tracker needs no checks: only the collecting modes ever queue an event.
 */
function createReporter(s, consent, w, base) {
    const doc = w.document;
    const batch = createBatch(s._endpoint, s._site);
    let reported = false;
    let held = [];
    let calls = []; // built when sent: with the consent and the decision of that moment
    /** Completes an event as consent allows now: identified, or anonymous (SPEC 8, 9.1). */
    const finish = (e) => {
        const p = consent._persistent;
        const clean = cleanFor(s, p, consent._withIds());
        if (!p) {
            delete e.visitor;
            delete e.tracking_ids;
            delete e.title;
        }
        e.cookieless = !p;
        for (const k of ['landing', 'url', 'page'])
            if (e[k])
                e[k] = clean(e[k]);
        return e;
    };
    /** An event with the fields every event carries; the URLs in `fields` are absolute. */
    const event = (type, fields) => finish({ type, mode: s._mode, ts: Date.now(), ...base(), ...fields, visitor: consent._visitor });
    const r = {
        _view(visit, count, url) {
            // Only the collecting modes report (the others keep their 'none in … mode' sentence).
            if (reported || !s._collecting)
                return;
            reported = true;
            const types = [];
            const add = (type, fields) => {
                types.push(type);
                held.push(event(type, fields));
            };
            if (visit)
                add('visit', { landing: visit.landing, referrer: visit.referrer, tracking_ids: visit.tracking_ids });
            // origin reports visits only; traffic counts page views, journey names them.
            if (s._mode != 'origin')
                add('pageview', s._mode == 'traffic' ? { count } : { url, title: doc.title.slice(0, 2000) });
            explain('events', types.join(', ') || 'none', consent._waiting() ? 'wait for the consent decision' : consent._mute() ? "not sent (probabilistic 'off')" : 'sent');
            r._release();
        },
        _again(grant) {
            reported = false;
            if (grant)
                held = [];
        },
        _call(number, page) {
            calls.push({ number, page });
            r._release();
        },
        _release(force) {
            if (!force && consent._waiting())
                return;
            if (!consent._mute()) {
                for (const e of held)
                    batch._push(e);
                for (const c of calls)
                    batch._push(event('call', c), true);
            }
            held = [];
            calls = [];
            if (force)
                batch._flush();
        },
        _anonymise() {
            batch._rewrite((e) => (e.cookieless ? e : finish(e)));
        },
    };
    if (s._collecting) {
        // The page's last chance: what still waits for the consent decision goes out anonymous.
        const leave = () => r._release(true);
        w.addEventListener('pagehide', leave);
        doc.addEventListener('visibilitychange', () => doc.visibilityState == 'hidden' && leave());
    }
    return r;
}

/**
 * Starts the tracker of this page: init's work, in order. Invisible needs no attribution for its
 * numbers: it swaps first (issue 11). GPC and the consent signals given before init are applied
 * before the first decision, which sees them. The CMP adapters start a microtask later, so that
 * code right after init (mgt('on', 'consent', …)) hears a CMP that answers at once, still before
 * the first paint; in every mode (even invisible, which never stores, reports the visitor's choice
 * in its state).
 */
function createTracker(s, w, emit, early) {
    setDebug(s._debug);
    itpNote(w.navigator); // Safari caps the cookie: said in debug (lib/itp.ts)
    const loc = w.location;
    let page = new URL(loc.href);
    let referrer = w.document.referrer;
    let visit; // the latest decision
    let views = 0; // page views of this page load, for the cookieless counter
    explain('events', 'none', s._mode + ' mode'); // until the first report, in the collecting modes
    const consent = createConsent(s, w, () => decide(false));
    const visits = createVisits(s, w, consent);
    const display = createDisplay(s, w, emit);
    const reporter = createReporter(s, consent, w, () => ({ source: visit._kept.source, condition: visit._id, number: display._tracked()[0] }));
    const pools = createPools(s, w.document, consent, display, visits);
    function decide(newView, grant) {
        const v = (visit = visits._decide(page, referrer, newView, grant));
        const stored = v._session;
        if (!stored && newView)
            views++;
        // The view is reported once its numbers are final, so that its events carry the number shown.
        pools._show(v, () => reporter._view(v._new && v._kept, stored ? stored.pageviews : views, page.href));
    }
    function setConsent(granted, source) {
        const was = consent._persistent;
        // Repeated signals are no-ops; the storage sentence is set before the event, for a listener reading state().why.
        if (!consent._set(granted, source))
            return;
        // Withdrawal takes effect now: queued events lose their identifiers (and the decision below drops any lease).
        if (!granted)
            reporter._anonymise();
        emit('consent', { state: consent._state, source });
        if (!visit)
            return; // before the first decision: it will see this consent
        // A grant reports this page view again, identified (SPEC 7): what waited, anonymous, is dropped.
        if (!was && consent._persistent)
            reporter._again(true);
        decide(false, granted);
        reporter._release();
    }
    function view(url) {
        referrer = page.href;
        page = new URL(url || loc.href, loc.href);
        reporter._again();
        decide(true);
    }
    if (s._mode == 'invisible')
        display._show(s._numbers, true, 'defaults');
    if (s._gpc && w.navigator.globalPrivacyControl === true)
        setConsent(false, 'gpc');
    for (const g of early)
        setConsent(g, 'command');
    consent._start();
    decide(true);
    Promise.resolve().then(() => startAdapters(s._consent, setConsent, w));
    // Calls: a click on a tel:/callto: link that shows one of our tracked numbers (with probabilistic
    // 'off' without storage, the reporter drops it).
    if (s._collecting)
        onCall(w.document, (dialled) => {
            const p = parsePhone(dialled, s._country);
            const number = p && e164(p);
            if (display._tracked().includes(number)) {
                reporter._call(number, page.href);
                visits._update({ last_action: Date.now() });
            }
        });
    // A virtual page view: the URL changed other than by its fragment.
    if (s._spa)
        onNavigation(w, () => { if (loc.href.split('#')[0] != page.href.split('#')[0])
            view(); });
    const state = () => {
        const st = {
            mode: s._mode, consent: consent._state, persistent: consent._persistent, source: visit._kept.source, condition: visit._id,
            landing: cleanFor(s, consent._persistent, consent._withIds())(visit._kept.landing), referrer: visit._kept.referrer, numbers: display._numbers(),
        };
        if (consent._visitor)
            st.visitor = consent._visitor;
        if (s._debug)
            st.why = { ...why };
        return Object.freeze(st);
    };
    emit('ready', state());
    return { _consent: setConsent, _swap: display._swap, _restore: display._restore, _pageview: view, _state: state };
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
            const c = loadConfig(config, w.location.search);
            if (typeof c != 'string') {
                country = c._country;
                tracker = createTracker(c, w, emit, early);
            }
            else {
                error(c);
                unhide(w.document);
            }
        },
        on(name, cb) {
            if (!listeners.hasOwnProperty(name) || typeof cb != 'function')
                return warn('on: needs a function and one of', Object.keys(listeners));
            listeners[name].push(cb);
            // A late 'ready' or 'numbers' subscriber is told at once, like a resolved promise.
            if (name == 'ready' && ready)
                cb(ready);
            if (name == 'numbers' && numbers)
                cb(numbers);
        },
        // `source`: the CMP reporting the choice from its own callback (tarteaucitron's service js()),
        // so that its consent events name it whichever way the visitor answers.
        consent(value, source) {
            const granted = value === true || value === 'granted';
            if (!granted && value !== false && value !== 'denied')
                return warn('consent: needs granted or denied');
            if (tracker)
                tracker._consent(granted, CMPS.includes(source) ? source : 'command');
            else if (!started)
                early.push(granted);
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
    // Own fields only: a page whose scripts add `v` or `q` to Object.prototype (old plugins do) must
    // not make the stub look like a running instance, or its queue like something else.
    const own = (k) => current && Object.prototype.hasOwnProperty.call(current, k) && current[k];
    if (own('v'))
        return current;
    const mgt = (w.mgt = createMgt(w));
    // Replay in order, but subscriptions first: a listener queued after init must still hear the
    // first swaps and the consent a returning visitor's CMP reports during init. A queued entry that
    // is not a list of arguments is skipped (apply() would throw into the page).
    const queue = Array.from(own('q') || []).filter((args) => args && typeof args == 'object');
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
