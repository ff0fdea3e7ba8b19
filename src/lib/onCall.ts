import { guard } from './guard';

/**
 * Calls `cb` with the number dialled when the visitor clicks a tel: or callto: link (captured, so
 * a page that stops the click's propagation still reports it). Guarded: a hostile href or target
 * never throws into the page.
 */
export function onCall(doc: Document, cb: (dialled: string) => void): void {
  doc.addEventListener(
    'click',
    guard((e: Event) => {
      const a = (e.target as Element).closest('a[href]');
      const m = a && /^\s*(?:tel|callto):([^?]*)/i.exec(a.getAttribute('href')!);
      if (m) cb(decodeURIComponent(m[1]));
    }, 'call not tracked:'),
    true,
  );
}
