/** The fast scanner for the well-formed XML of the Anthology's files (saxes reads anything else). */
import type { CollectionReader } from './reader';

/** Character classes of ASCII XML names: 1 may start a name, 2 may follow. */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_CHAR[c] = 1;
  else if (/[0-9.-]/.test(ch)) NAME_CHAR[c] = 2;
}

/**
 * The element and attribute names of the Anthology's files, recognised while a name is read: a trie over
 * ASCII name characters, one row of 128 next states per state, -1 where the name ends. A known name's
 * final state hands out its one string (no string cut per element, and comparisons between names are
 * pointer checks); any other name runs on in OTHER_NAME and is cut from the text.
 */
const NAME_ROOT = 0;
const OTHER_NAME = 1;
const KNOWN_NAMES = [
  'collection',
  'volume',
  'meta',
  'paper',
  'title',
  'author',
  'first',
  'last',
  'abstract',
  'doi',
  'url',
  'year',
  'month',
  'booktitle',
  'fixed-case',
  'pages',
  'editor',
  'frontmatter',
  'attachment',
  'video',
  'address',
  'publisher',
  'note',
  'id',
  'href',
  'tag',
  'type',
];
const nameTrie: number[] = [];
const nameAtState: (string | undefined)[] = [];
const addNameState = (): number => {
  const state = nameAtState.length;
  nameAtState.push(undefined);
  // Any name character continues an unknown name; the first character must be one that may start a name.
  for (let c = 0; c < 128; c++) nameTrie.push(NAME_CHAR[c] === 1 || (NAME_CHAR[c] === 2 && state !== NAME_ROOT) ? OTHER_NAME : -1);
  return state;
};
addNameState(); // NAME_ROOT
addNameState(); // OTHER_NAME
for (const name of KNOWN_NAMES) {
  let state = NAME_ROOT;
  for (let i = 0; i < name.length; i++) {
    const slot = state * 128 + name.charCodeAt(i);
    if (nameTrie[slot] === OTHER_NAME) nameTrie[slot] = addNameState();
    state = nameTrie[slot];
  }
  nameAtState[state] = name;
}
const NAME_TRIE = Int16Array.from(nameTrie);

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const XML_DECL = /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?: standalone=(["'])(?:yes|no)\3)? ?\?>/;
// Characters XML 1.0 forbids, carriage returns (saxes rewrites line ends), lone surrogates and "]]>"
// (forbidden in text): their presence sends the file to saxes. One pass of a character class first.
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const sentToSaxes = (s: string) => (UNUSUAL.test(s) && FORBIDDEN.test(s)) || s.includes(']]>');
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The character a reference names (`amp`, `#38`, `#x26`), or undefined when saxes would call it an error. */
function entity(name: string): string | undefined {
  if (name.charCodeAt(0) !== 35 /* # */) return Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
  const hex = name.charCodeAt(1) === 120; /* x */
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  const ok =
    code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return ok ? String.fromCodePoint(code) : undefined;
}

/**
 * A scanner for the subset of XML the Anthology's files use: an XML declaration, elements with quoted
 * attributes, text with the predefined and numeric character references. It gives up (run() returns
 * false) at anything else or anything saxes would report, so that file is read by saxes instead: the
 * events it produces are then the ones saxes would produce. Text is only cut out and decoded when the
 * reader keeps it.
 */
export class XmlScanner {
  /** Position of the `>` of the last open tag (for the line of a `<paper>`, as saxes gives it). */
  tagEnd = 0;
  private linePos = 0;
  private lineNo = 1;

  constructor(private readonly s: string) {}

  lineAt(pos: number): number {
    const s = this.s;
    if (pos < this.linePos) {
      this.linePos = 0;
      this.lineNo = 1;
    }
    for (let i = s.indexOf('\n', this.linePos); i >= 0 && i < pos; i = s.indexOf('\n', i + 1)) {
      this.lineNo++;
      this.linePos = i + 1;
    }
    if (this.linePos < pos) this.linePos = pos;
    return this.lineNo;
  }

  /** Decoded text of s[from, to) whose first '&' is at amp, or undefined on a reference saxes would reject. */
  private decode(from: number, to: number, amp: number): string | undefined {
    const s = this.s;
    let out = '';
    let last = from;
    while (amp >= 0 && amp < to) {
      const semi = s.indexOf(';', amp);
      if (semi < 0 || semi >= to) return undefined;
      const ch = entity(s.slice(amp + 1, semi));
      if (ch === undefined) return undefined;
      out += s.slice(last, amp) + ch;
      last = semi + 1;
      amp = s.indexOf('&', last);
    }
    return out + s.slice(last, to);
  }

  /** Trie state at the end of the last name read by name(). */
  private nameState = NAME_ROOT;

  /** End of the XML name starting at i (i itself when there is none). */
  private name(i: number): number {
    const s = this.s;
    let state = NAME_ROOT;
    for (;;) {
      const c = s.charCodeAt(i); // NaN past the end
      const next = c < 128 ? NAME_TRIE[(state << 7) | c] : -1;
      if (next < 0) break;
      state = next;
      i++;
    }
    this.nameState = state;
    return i;
  }

  /** The name name() just read, from s[from, to). */
  private nameString(from: number, to: number): string {
    return nameAtState[this.nameState] ?? this.s.slice(from, to);
  }

  run(reader: CollectionReader): boolean {
    const s = this.s;
    const n = s.length;
    if (sentToSaxes(s)) return false;
    let i = 0;
    if (s.startsWith('<?')) {
      const m = XML_DECL.exec(s);
      if (!m) return false;
      i = m[0].length;
    }
    const stack: string[] = [];
    let rootDone = false;
    let nextAmp = -1; // the next '&' at or after i (n when none is left), once looked up
    while (i < n) {
      const lt = s.indexOf('<', i);
      const end = lt < 0 ? n : lt;
      if (end > i) {
        if (stack.length === 0) {
          // Outside the root element: white space only.
          for (let k = i; k < end; k++) if (!isSpace(s.charCodeAt(k))) return false;
        } else {
          if (nextAmp < i) {
            nextAmp = s.indexOf('&', i);
            if (nextAmp < 0) nextAmp = n;
          }
          if (reader.wantsText()) {
            const t = nextAmp < end ? this.decode(i, end, nextAmp) : s.slice(i, end);
            if (t === undefined) return false;
            reader.text(t);
          } else if (nextAmp < end && this.decode(i, end, nextAmp) === undefined) return false;
        }
      }
      if (lt < 0) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        // Must close the innermost open element: the same name (a known one is the same string).
        const name = stack.pop();
        if (name === undefined) return false;
        let k = this.name(lt + 2);
        const known = nameAtState[this.nameState];
        if (known !== undefined ? known !== name : k - (lt + 2) !== name.length || !s.startsWith(name, lt + 2)) return false;
        while (isSpace(s.charCodeAt(k))) k++;
        if (s.charCodeAt(k) !== 62 /* > */) return false;
        reader.close(name);
        if (stack.length === 0) rootDone = true;
        i = k + 1;
        continue;
      }
      // An open tag (anything else, <! and <? included, goes to saxes).
      if (rootDone) return false;
      const nameEnd = this.name(lt + 1);
      if (nameEnd === lt + 1) return false;
      const name = this.nameString(lt + 1, nameEnd);
      let k = nameEnd;
      let id: string | undefined;
      let firstAttr: string | undefined;
      let moreAttrs: Set<string> | undefined; // after the first (most tags have at most one attribute); a Set: linear
      let selfClosing = false;
      for (;;) {
        const before = k;
        while (isSpace(s.charCodeAt(k))) k++;
        const ch = s.charCodeAt(k);
        if (ch === 62 /* > */) break;
        if (ch === 47 /* / */) {
          if (s.charCodeAt(k + 1) !== 62) return false;
          selfClosing = true;
          k++;
          break;
        }
        if (k === before) return false; // attributes need white space before them
        const attrEnd = this.name(k);
        if (attrEnd === k) return false;
        const attr = this.nameString(k, attrEnd);
        k = attrEnd;
        while (isSpace(s.charCodeAt(k))) k++;
        if (s.charCodeAt(k) !== 61 /* = */) return false;
        k++;
        while (isSpace(s.charCodeAt(k))) k++;
        const q = s.charCodeAt(k);
        if (q !== 34 && q !== 39) return false;
        const close = s.indexOf(q === 34 ? '"' : "'", k + 1);
        if (close < 0) return false;
        const value = s.slice(k + 1, close);
        // saxes rewrites white space in values and resolves references: leave those values to it.
        if (/[<&\t\n]/.test(value)) return false;
        if (firstAttr === undefined) firstAttr = attr;
        else if (attr === firstAttr || moreAttrs?.has(attr)) return false;
        else (moreAttrs ??= new Set()).add(attr);
        if (attr === 'id') id = value;
        k = close + 1;
      }
      stack.push(name);
      this.tagEnd = k;
      reader.open(name, id);
      if (selfClosing) {
        stack.pop();
        reader.close(name);
        if (stack.length === 0) rootDone = true;
      }
      i = k + 1;
    }
    return rootDone && stack.length === 0;
  }
}
