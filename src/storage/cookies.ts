// The only code that touches document.cookie, through js-cookie (mgt's one runtime dependency).
import Cookies from 'js-cookie';

/** The value of the cookie called `name`, or undefined. */
export const getCookie = (name: string): string | undefined => Cookies.get(name);

export const cookieNames = (): string[] => Object.keys(Cookies.get());

/**
 * Writes `name=value` on Path=/ (js-cookie's default) with SameSite=Lax, Secure on https, a Domain
 * only when `domain` is given (else host-only), expiring in `days` days (a negative number deletes).
 */
export const setCookie = (name: string, value: string, days: number, domain?: string): void => {
  const attributes: any = { expires: days, sameSite: 'Lax', secure: location.protocol == 'https:', domain };
  // js-cookie walks its attributes with for…in, so a property a page's scripts added to
  // Object.prototype (Prototype.js, MooTools, old jQuery plugins) would become a cookie attribute,
  // or make every write throw when its value is not a string (issue 14 §6). Each such name is given
  // here as an own attribute with no value, which js-cookie skips.
  for (const k in attributes) if (!attributes.hasOwnProperty(k)) attributes[k] = undefined;
  Cookies.set(name, value, attributes);
};
