/**
 * How many bytes a value takes once structured-cloned into IndexedDB, estimated from above without serialising it:
 * the parts of a big dataset's papers (paperChunks.ts) are sized by it, so that no part reaches Chromium's cap on one
 * value (133,169,152 bytes) whatever its papers hold (a paper of 300 authors is ~13 KB, a typical one ~1 KB).
 *
 * It follows V8's serialisation format (what Chromium's IndexedDB stores, and node's `v8.serialize`): a tag and a
 * length per string, object and array, a string's characters at one byte each when they are all Latin-1 and two
 * otherwise, nine bytes per number, and each property's key as a string. Every length is counted at its largest
 * (five bytes), so the estimate is never below the real size, and for papers within about 1.5 times of it.
 */

/** The target size of one stored part of papers: an eighth of Chromium's cap, small enough to clone in one short task. */
export const PART_BYTES = 16 * 1024 * 1024;

const TAG = 1;
const LENGTH = 5;
const NUMBER = 9;
const NOT_LATIN1 = /[\u0100-\uffff]/;

const stringBytes = (s: string) => TAG + LENGTH + (NOT_LATIN1.test(s) ? 2 * s.length + 1 : s.length);

/** Estimated structured-clone bytes of plain data (strings, numbers, booleans, null, arrays and plain objects). */
export function cloneBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
    case 'bigint':
      return NUMBER;
    case 'object': {
      if (value === null) return TAG;
      if (Array.isArray(value)) {
        // a begin and an end tag, the length twice and the count of extra properties
        let n = 2 * TAG + 3 * LENGTH;
        for (let i = 0; i < value.length; i++) n += cloneBytes(value[i]);
        return n;
      }
      // a begin and an end tag and the count of properties
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o);
      let n = 2 * TAG + LENGTH;
      for (let i = 0; i < keys.length; i++) n += stringBytes(keys[i]) + cloneBytes(o[keys[i]]);
      return n;
    }
    default:
      // booleans, undefined (a function fails the write itself: it cannot be cloned)
      return TAG;
  }
}
