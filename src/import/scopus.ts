// PLACEHOLDER: being written; replaced before this lands.
import { fatalResult } from './common';
import type { ParseOptions, ParseResult } from './types';

/** True when the start of a file (BOM stripped) is this format. */
export function looksLikeScopusCsv(_head: string): boolean {
  return false;
}

export function parseScopusCsv(_text: string, _options?: ParseOptions): ParseResult {
  return fatalResult('scopus-csv', 'not yet readable');
}
