// STUB — replaced by the swap engine work. Contract in ARCHITECTURE.md.
export interface Phone {
  _cc: string;
  _nsn: string;
}

export function parsePhone(text: string, _country: string): Phone | undefined {
  const d = text.replace(/\D/g, '');
  return d.length === 10 && d[0] === '0' ? { _cc: '33', _nsn: d.slice(1) } : undefined;
}
