/** Text encodings a file may come in (Web of Science saves tab-delimited files as UTF-16 LE on Windows). */
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface SniffedEncoding {
  encoding: FileEncoding;
  bom: boolean;
}
export interface DecodedText {
  text: string;
  encoding: FileEncoding;
  bom: boolean;
}

/** Bytes looked at to tell UTF-16 without a BOM from UTF-8. */
const SNIFF_BYTES = 1024;

/**
 * The encoding of a file from its first bytes: a BOM (UTF-8, UTF-16 LE `FF FE`, UTF-16 BE `FE FF`) first;
 * without one, UTF-16 is told by its NUL bytes (mostly-ASCII UTF-16 has a NUL in every other byte, UTF-8 text
 * none); anything else is read as UTF-8.
 */
export function sniffEncoding(head: Uint8Array): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const n = Math.min(head.length, SNIFF_BYTES) & ~1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i & 1) oddNuls++;
    else evenNuls++;
  }
  const pairs = n / 2;
  // A quarter of the characters ASCII is plenty for text; the other half of the pairs is (almost) never NUL.
  if (pairs >= 2 && oddNuls >= pairs / 4 && evenNuls * 4 <= oddNuls) return { encoding: 'utf-16le', bom: false };
  if (pairs >= 2 && evenNuls >= pairs / 4 && oddNuls * 4 <= evenNuls) return { encoding: 'utf-16be', bom: false };
  return { encoding: 'utf-8', bom: false };
}

/** Decodes a file's bytes in the encoding its head shows; the BOM is dropped. Invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES));
  // TextDecoder drops a leading BOM of its own encoding (ignoreBOM defaults to false).
  const text = new TextDecoder(sniffed.encoding).decode(bytes);
  return { text, ...sniffed };
}
