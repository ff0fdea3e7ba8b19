// The only code that touches document.cookie. Written for mgt's one cookie and the tracking-ID
// cookies it reads, instead of js-cookie: js-cookie walks its attribute objects with for…in, so a
// page that adds an enumerable property to Object.prototype (issue 14 §6) made every write throw,
// and the visitor cookie could never be created there.

/** Cookie values as pages write them: percent-encoded or not; a malformed escape is kept as is. */
const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Every cookie of the page as [name, value] pairs, in document order. */
const jar = (): string[][] =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((c) => {
      const i = c.indexOf('=');
      return [decode(c.slice(0, i)), decode(c.slice(i + 1))];
    });

/** The value of the first cookie called `name`, or undefined. */
export const getCookie = (name: string): string | undefined => {
  const c = jar().find((c) => c[0] == name);
  return c && c[1];
};

export const cookieNames = (): string[] => jar().map((c) => c[0]);

/**
 * Writes `name=value` on Path=/ with SameSite=Lax, Secure on https, a Domain only when `domain` is
 * given (else host-only), expiring in `days` days (a negative number deletes). `value` is the
 * caller's URL-safe text.
 */
export const setCookie = (name: string, value: string, days: number, domain?: string): void => {
  const expires = new Date(Date.now() + days * 864e5).toUTCString();
  document.cookie = `${name}=${value}; path=/; expires=${expires}; SameSite=Lax${location.protocol == 'https:' ? '; Secure' : ''}${domain ? '; domain=' + domain : ''}`;
};
