// The mgt_visitor cookie (storage/cookies.ts writes it on Path=/): a random visitor ID, created
// once on consent and never extended, so its lifetime is what the cookie policy says (cookie.days
// after creation, at most 13 months).
import { getCookie, setCookie } from './cookies';

const NAME = 'mgt_visitor';

/** The visitor ID, or undefined when the cookie is absent, expired, blocked or tampered with. */
export function readVisitor(): string | undefined {
  try {
    const id = getCookie(NAME);
    // What we write: 16 random bytes as base64url (22 characters). Anything else is not ours.
    if (/^[\w-]{22}$/.test(id!)) return id;
  } catch {
    /* cookies blocked */
  }
}

/**
 * Creates the cookie with an ID of 128 bits from crypto.getRandomValues and returns it; undefined
 * when there is no such source (no weak ID instead) or cookies are blocked (the write is read back
 * to be sure). `domain` comes from config.cookie.domain; without it the cookie is host-only.
 */
export function createVisitor(days: number, domain?: string): string | undefined {
  try {
    const id = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .slice(0, 22);
    setCookie(NAME, id, days, domain);
    if (readVisitor() == id) return id;
  } catch {
    /* no random source, or cookies blocked */
  }
}

/**
 * Deletes the cookie in every form the module may have written: with a Domain attribute for this
 * host and each of its parent domains (a site may have changed cookie.domain since the cookie was
 * written; the browser ignores a bare top-level domain), and host-only: the last step, past every
 * label, joins nothing and setCookie writes no Domain for ''.
 */
export function deleteVisitor(): void {
  try {
    const labels = location.hostname.split('.');
    for (let i = 0; i <= labels.length; i++) setCookie(NAME, '', -1, labels.slice(i).join('.'));
  } catch {
    /* cookies blocked: there is nothing to delete */
  }
}
