// The mgt_visitor cookie: a random visitor ID, created once on consent and never extended, so its
// lifetime is what the cookie policy says (cookie.days after creation, at most 13 months).
import Cookies from 'js-cookie';

const NAME = 'mgt_visitor';
// What we write: 16 random bytes as base64url (22 characters). Anything else is not ours.
const VALID = /^[\w-]{22}$/;

/** The visitor ID, or undefined when the cookie is absent, expired, blocked or tampered with. */
export function readVisitor(): string | undefined {
  try {
    const id = Cookies.get(NAME);
    return id && VALID.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** 128 bits from crypto.getRandomValues; undefined when the browser has no such source. */
function newId(): string | undefined {
  try {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return btoa(String.fromCharCode.apply(null, bytes as unknown as number[])).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 22);
  } catch {
    return undefined;
  }
}

/**
 * Creates the cookie and returns the new ID, or undefined when cookies are blocked (the write is
 * read back to be sure). `domain` comes from config.cookie.domain; without it the cookie is host-only.
 */
export function createVisitor(days: number, domain?: string): string | undefined {
  const id = newId();
  if (!id) return undefined;
  try {
    Cookies.set(NAME, id, { expires: days, path: '/', sameSite: 'Lax', secure: location.protocol === 'https:', domain });
  } catch {
    return undefined;
  }
  return readVisitor() === id ? id : undefined;
}

/**
 * Deletes the cookie in every form the module may have written: host-only, and with a Domain
 * attribute for this host and each of its parent domains (a site may have changed cookie.domain
 * since the cookie was written).
 */
export function deleteVisitor(): void {
  try {
    Cookies.remove(NAME, { path: '/' });
    const labels = location.hostname.split('.');
    for (let i = 0; i < labels.length - 1; i++) Cookies.remove(NAME, { path: '/', domain: labels.slice(i).join('.') });
  } catch {
    /* cookies blocked: there is nothing to delete */
  }
}
