// PLACEHOLDER: being written; replaced before this lands.
import { fatalResult } from './common';
import type { ParseOptions, ParseResult } from './types';

/** True when the start of a file (BOM stripped) is this format. */
export function looksLikePubmed(_head: string): boolean {
  return false;
}

export function parsePubmed(_text: string, _options?: ParseOptions): ParseResult {
  return fatalResult('pubmed', 'not yet readable');
}
