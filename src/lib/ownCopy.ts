/**
 * A copy of a page value made of its own enumerable data only, read once. A config comes from the
 * page, which may hand over getters that throw or change between reads, Proxies, cycles, or objects
 * that inherit enumerable properties from a polluted `Object.prototype` (old plugins still add
 * some). The copy's objects have no prototype, so no inherited name is ever seen again; deeper than
 * `depth` levels values are kept as they are (the config has no such depth: validation rejects them).
 * A read that throws throws a message naming the field.
 */
export function ownCopy(v: unknown, field: string, depth = 6): any {
  if (!depth || !v || typeof v != 'object') return v;
  const out: any = Array.isArray(v) ? [] : Object.create(null);
  for (const k of Object.keys(v)) {
    const f = Array.isArray(v) ? `${field}[${k}]` : `${field}.${k}`;
    let x: unknown;
    try {
      x = (v as any)[k];
    } catch (e) {
      throw `${f}: could not be read (${e})`;
    }
    out[k] = ownCopy(x, f, depth - 1);
  }
  return out;
}
