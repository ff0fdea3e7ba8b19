// STUB — replaced by the swap engine work. Contract in ARCHITECTURE.md.
import type { SwapEvent } from '../types';

export interface SwapperOptions {
  _country: string;
  _ignore?: string;
  _onSwap(e: SwapEvent): void;
}

export interface Swapper {
  _set(numbers: Record<string, string>): void;
  _scan(root?: Node): void;
  _restore(): void;
}

export function createSwapper(_doc: Document, _opts: SwapperOptions): Swapper {
  return { _set() {}, _scan() {}, _restore() {} };
}
