// Strict validation of what the module sends (SPEC 9) and of lease requests (SPEC 9.3). The
// reference collector answers 400 with the first reason found, naming the field, so a module
// or an integration that drifts from the contract is caught at once instead of polluting data.
import { isE164, toE164 } from './phone.mjs';

export const SOURCES = ['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct'];
const COLLECTING_MODES = ['origin', 'traffic', 'journey'];
const TYPES = ['visit', 'pageview', 'call'];
/** SPEC 9.2: every string stored or sent is cut at 2,000 characters. */
const MAX_STRING = 2000;
/** SPEC 6.4: tracking ID values longer than 200 characters are dropped by the module. */
const MAX_TRACKING_ID = 200;
const MAX_EVENTS = 200;
/** SPEC 6.5: at least 96 bits written in [A-Za-z0-9_-], i.e. 16 characters or more. */
const VISITOR = /^[A-Za-z0-9_-]{16,128}$/;

/** Fields each event type may carry besides the common ones, and which of them identify a person. */
const COMMON = ['type', 'mode', 'cookieless', 'ts', 'number', 'source', 'condition'];
const FIELDS = {
  visit: ['landing', 'referrer', 'tracking_ids', 'visitor'],
  pageview: ['count', 'url', 'title', 'visitor'],
  call: ['page', 'visitor'],
};
/** SPEC 8/9.1: absent from cookieless events. */
const IDENTIFYING = ['visitor', 'tracking_ids', 'title'];

class Invalid extends Error {}
const fail = (reason) => { throw new Invalid(reason); };
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v, at, max = MAX_STRING) {
  if (typeof v !== 'string') fail(`${at}: must be a string`);
  if (v.length > max) fail(`${at}: longer than ${max} characters`);
  return v;
}

/** A URL sent by the module: a path only when cookieless, else an http(s) URL or a path; never a fragment. */
function url(v, at, cookieless) {
  str(v, at);
  if (v.includes('#')) fail(`${at}: must not contain a fragment`);
  if (cookieless) {
    if (!/^\/[^?#]*$/.test(v)) fail(`${at}: must be a path only (no host, no query) in a cookieless event`);
    return v;
  }
  if (v.startsWith('/')) return v;
  let parsed;
  try { parsed = new URL(v); } catch { fail(`${at}: must be an http(s) URL or a path`); }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`${at}: must be an http(s) URL or a path`);
  return v;
}

function event(e, at, now) {
  if (!isObject(e)) fail(`${at}: must be an object`);
  if (!TYPES.includes(e.type)) fail(`${at}.type: unknown event type ${JSON.stringify(String(e.type)).slice(0, 60)} (visit, pageview or call)`);
  const allowed = [...COMMON, ...FIELDS[e.type]];
  for (const key of Object.keys(e)) if (!allowed.includes(key)) fail(`${at}.${key}: unknown field for a ${e.type} event`);
  if (!COLLECTING_MODES.includes(e.mode)) fail(`${at}.mode: must be origin, traffic or journey (the other modes send nothing)`);
  if (typeof e.cookieless !== 'boolean') fail(`${at}.cookieless: must be a boolean`);
  if (!Number.isInteger(e.ts) || e.ts < 1e12 || e.ts > now + 86_400_000) fail(`${at}.ts: must be epoch milliseconds`);
  const cookieless = e.cookieless;
  if (cookieless) for (const key of IDENTIFYING) if (key in e) fail(`${at}.${key}: not allowed in a cookieless event`);
  if (!cookieless && !VISITOR.test(typeof e.visitor === 'string' ? e.visitor : '')) {
    fail(`${at}.visitor: required in an identified event, [A-Za-z0-9_-]{16,128}`);
  }
  if ('number' in e && !isE164(e.number)) fail(`${at}.number: must be an E.164 number such as +33970000001`);
  if ('source' in e && !SOURCES.includes(e.source)) fail(`${at}.source: must be one of ${SOURCES.join(', ')}`);
  if ('condition' in e && e.condition !== null) str(e.condition, `${at}.condition`, 200);

  if (e.type === 'visit') {
    if (!('source' in e)) fail(`${at}.source: required in a visit`);
    if (!('landing' in e)) fail(`${at}.landing: required in a visit`);
    url(e.landing, `${at}.landing`, cookieless);
    if (!('referrer' in e)) fail(`${at}.referrer: required in a visit`);
    str(e.referrer, `${at}.referrer`);
    if (e.referrer !== 'direct' && !/^https?:\/\/[^/?#\s]+$/.test(e.referrer)) fail(`${at}.referrer: must be an origin or 'direct'`);
    if ('tracking_ids' in e) {
      if (!isObject(e.tracking_ids)) fail(`${at}.tracking_ids: must be an object`);
      const keys = Object.keys(e.tracking_ids);
      if (keys.length > 50) fail(`${at}.tracking_ids: more than 50 entries`);
      for (const k of keys) {
        str(k, `${at}.tracking_ids key`, 100);
        str(e.tracking_ids[k], `${at}.tracking_ids.${k}`, MAX_TRACKING_ID);
      }
    }
  } else if (e.type === 'pageview') {
    if (e.mode === 'origin') fail(`${at}.type: origin mode sends no pageview`);
    if (e.mode === 'traffic') {
      if (!Number.isInteger(e.count) || e.count < 1) fail(`${at}.count: required in a traffic pageview, an integer from 1`);
      if ('url' in e || 'title' in e) fail(`${at}: a traffic pageview carries a count, not url or title`);
    } else {
      if (!('url' in e)) fail(`${at}.url: required in a journey pageview`);
      url(e.url, `${at}.url`, cookieless);
      if ('title' in e) str(e.title, `${at}.title`);
      if ('count' in e) fail(`${at}.count: a journey pageview carries url and title, not count`);
    }
  } else {
    if (!('number' in e)) fail(`${at}.number: required in a call`);
    if (!('page' in e)) fail(`${at}.page: required in a call`);
    url(e.page, `${at}.page`, cookieless);
  }
  return e;
}

/** `{ events }` for a valid `{ v: 1, site, events }` batch, else `{ error }` naming the field. */
export function validateBatch(body, now = Date.now()) {
  try {
    if (!isObject(body)) fail('body: must be a JSON object');
    for (const key of Object.keys(body)) if (!['v', 'site', 'events'].includes(key)) fail(`${key}: unknown field`);
    if (body.v !== 1) fail('v: must be 1');
    if ('site' in body) str(body.site, 'site', 200);
    if (!Array.isArray(body.events)) fail('events: must be an array');
    if (body.events.length === 0) fail('events: must not be empty');
    if (body.events.length > MAX_EVENTS) fail(`events: more than ${MAX_EVENTS} in one batch`);
    return { site: body.site || '', events: body.events.map((e, i) => event(e, `events[${i}]`, now)) };
  } catch (err) {
    if (err instanceof Invalid) return { error: err.message };
    throw err;
  }
}

/** The lease request, numbers normalised, or `{ error }`. */
export function validateLease(body) {
  try {
    if (!isObject(body)) fail('body: must be a JSON object');
    const allowed = ['site', 'pool', 'visitor', 'source', 'condition', 'numbers'];
    for (const key of Object.keys(body)) if (!allowed.includes(key)) fail(`${key}: unknown field`);
    if ('site' in body) str(body.site, 'site', 200);
    if (!str(body.pool, 'pool', 100)) fail('pool: must not be empty');
    if ('visitor' in body && !VISITOR.test(typeof body.visitor === 'string' ? body.visitor : '')) fail('visitor: must match [A-Za-z0-9_-]{16,128}');
    if (!SOURCES.includes(body.source)) fail(`source: must be one of ${SOURCES.join(', ')}`);
    str(body.condition, 'condition', 200);
    if (!Array.isArray(body.numbers) || body.numbers.length === 0) fail('numbers: must be a non-empty array of the original numbers');
    if (body.numbers.length > 20) fail('numbers: more than 20');
    const originals = body.numbers.map((n, i) => {
      str(n, `numbers[${i}]`, 40);
      if (!toE164(n)) fail(`numbers[${i}]: not a phone number`);
      return n;
    });
    if (new Set(originals.map((n) => toE164(n))).size !== originals.length) fail('numbers: the same number twice');
    return { site: body.site || '', pool: body.pool, visitor: body.visitor, source: body.source, condition: body.condition, numbers: originals };
  } catch (err) {
    if (err instanceof Invalid) return { error: err.message };
    throw err;
  }
}
