import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { parseSnapshot, type Snapshot } from './snapshot';

/** Longest hash (including "#s=") a share link may have; longer links break in chat apps and some browsers. */
export const SHARE_HASH_MAX_CHARS = 8_000;
/** Refuse to inflate more than this (a hash that small cannot honestly hold more). */
export const SHARE_MAX_INFLATED_BYTES = 8_000_000;
/** A link that refers to its data (an embedded dataset by name, a `?file=` link by its URL) stays under this, query included. */
export const SHARE_REF_MAX_CHARS = 2_000;
/** `datasetRef` of a share link whose data is the page's `?file=` link (the URL travels in the query, not in the hash). */
export const FILE_LINK_REF = 'file-link';
const PREFIX = 's=';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = text.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? LOOKUP.get(chunk[k]) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    const bytes = chunk.length - 1;
    for (let k = 0; k < bytes; k++) out[o++] = (n >> (16 - 8 * k)) & 255;
  }
  return out.subarray(0, o);
}

export type EncodeResult = { ok: true; hash: string; size: number } | { ok: false; reason: 'too-large'; size: number; limit: number };

/** "#s=" + base64url(deflate(JSON)). Refuses (does not truncate) when longer than the limit. */
export function encodeShareLink(snapshot: Snapshot, limit = SHARE_HASH_MAX_CHARS): EncodeResult {
  const packed = deflateSync(strToU8(JSON.stringify(snapshot)), { level: 9 });
  const hash = `#${PREFIX}${toBase64Url(packed)}`;
  if (hash.length > limit) return { ok: false, reason: 'too-large', size: hash.length, limit };
  return { ok: true, hash, size: hash.length };
}

/** Positions to two decimals: the same picture, a shorter link. */
export function roundedPositions(positions: Record<string, [number, number]>): Record<string, [number, number]> {
  const round = (v: number) => Math.round(v * 100) / 100;
  return Object.fromEntries(Object.entries(positions).map(([node, [x, y]]) => [node, [round(x), round(y)]]));
}

/**
 * The share hash of a snapshot within `limit`: with its (rounded) positions when they fit, otherwise without them (the
 * seeded layout draws the same picture again, only later). Refuses when even the positions-free link is too long.
 */
export function encodeShareLinkFitting(snapshot: Snapshot, limit = SHARE_HASH_MAX_CHARS): EncodeResult & { positions?: boolean } {
  const withPositions = encodeShareLink({ ...snapshot, positions: roundedPositions(snapshot.positions) }, limit);
  if (withPositions.ok || !Object.keys(snapshot.positions).length) return { ...withPositions, positions: withPositions.ok };
  const without = encodeShareLink({ ...snapshot, positions: {} }, limit);
  return without.ok ? { ...without, positions: false } : without;
}

export type DecodeResult =
  | { ok: true; snapshot: Snapshot }
  | { ok: false; reason: 'no-snapshot' | 'too-large' | 'bad-encoding'; errors: string[] }
  | { ok: false; reason: 'invalid'; errors: string[] };

/** Reads "#s=…" from a hash or full URL, inflates with a size cap, and validates the snapshot. */
export function decodeShareLink(hashOrUrl: string): DecodeResult {
  const hashStart = hashOrUrl.indexOf('#');
  const hash = hashStart >= 0 ? hashOrUrl.slice(hashStart + 1) : hashOrUrl;
  const param = hash.split('&').find((p) => p.startsWith(PREFIX));
  if (!param) return { ok: false, reason: 'no-snapshot', errors: ['the link holds no snapshot'] };
  const data = param.slice(PREFIX.length);
  if (data.length > SHARE_HASH_MAX_CHARS * 4) return { ok: false, reason: 'too-large', errors: ['the link is too long'] };
  const bytes = fromBase64Url(data);
  if (!bytes) return { ok: false, reason: 'bad-encoding', errors: ['the link is not valid base64url'] };

  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > SHARE_MAX_INFLATED_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    for (let i = 0; i < bytes.length && !tooBig; i += 1024) inflater.push(bytes.subarray(i, i + 1024), i + 1024 >= bytes.length);
  } catch (e) {
    return { ok: false, reason: 'bad-encoding', errors: [`the link does not decompress (${(e as Error).message})`] };
  }
  if (tooBig) return { ok: false, reason: 'too-large', errors: [`the link decompresses to more than ${SHARE_MAX_INFLATED_BYTES} bytes`] };
  const all = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  let text: string;
  try {
    text = strFromU8(all);
  } catch {
    return { ok: false, reason: 'bad-encoding', errors: ['the link does not hold UTF-8 text'] };
  }
  const result = parseSnapshot(text);
  return result.ok ? result : { ok: false, reason: 'invalid', errors: result.errors };
}
