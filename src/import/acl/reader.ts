/** What one Anthology collection file holds, gathered from XML events (fed by the scanner or by saxes). */

import { collapseSpace, plausibleYear } from '../common';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Year from an Anthology collection id: "P18" → 2018, "W99" → 1999. */
export function yearFromCollectionId(id: string | undefined): number | undefined {
  const m = id?.match(/^[A-Za-z](\d{2})$/);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

/** "First Last" as the Anthology writes it; either part may be missing. */
export function aclName(first: string | undefined, last: string | undefined): string {
  return collapseSpace(`${first ?? ''} ${last ?? ''}`);
}

/** An author's name parts as the XML splits them: also the paper's entry of `authorParts`. */
export interface AuthorBuf {
  first: string;
  last: string;
}
export interface PaperBuf {
  num: string;
  line: number;
  title: string;
  abstract: string;
  doi: string;
  url: string;
  authors: AuthorBuf[];
  /** The authors' `id` attributes by position, when any has one. */
  authorIds?: (string | undefined)[];
}
/** `droppedYear`: a <year> outside YEAR_RANGE, as written (its papers are kept without a year). */
export interface VolumeBuf {
  id: string;
  year: number | undefined;
  month: number | undefined;
  booktitle: string;
  droppedYear?: string;
}

/**
 * What a collection file means, fed by XML events (open tag, text, close tag) from either reader below:
 * the fast scanner for the well-formed files of the Anthology, or saxes for anything else.
 */
export class CollectionReader {
  readonly stack: string[] = [];
  collection: string | undefined;
  volume: VolumeBuf = { id: '', year: undefined, month: undefined, booktitle: '' };
  paper: PaperBuf | null = null;
  author: AuthorBuf | null = null;
  authorId: string | undefined;
  /** Set when a paper queued for later refers to `volume`: it is copied before it changes. */
  volumeShared = false;
  /** The field whose text is being read, and the depth of its element (one allocation less per element). */
  capture: 'title' | 'abstract' | 'doi' | 'url' | 'first' | 'last' | null = null;
  captureDepth = 0;
  metaCapture: string | null = null;

  constructor(
    fileName: string | undefined,
    private readonly line: () => number,
    private readonly onPaper: (p: PaperBuf, volume: VolumeBuf, collection: string | undefined) => void,
  ) {
    this.collection = fileName?.replace(/^.*[\\/]/, '').replace(/\.xml$/i, '');
  }

  /** Whether text now would be kept (the scanner skips decoding it otherwise). */
  wantsText(): boolean {
    return (this.capture !== null && this.paper !== null) || this.metaCapture !== null;
  }

  open(name: string, id: string | undefined): void {
    const stack = this.stack;
    stack.push(name);
    const depth = stack.length;
    if (name === 'collection' && typeof id === 'string') this.collection = id;
    else if (name === 'volume') {
      this.volume = { id: id ?? '', year: undefined, month: undefined, booktitle: '' };
      this.volumeShared = false;
    } else if (name === 'paper' && stack[depth - 2] === 'volume') {
      this.paper = { num: id ?? '', line: this.line(), title: '', abstract: '', doi: '', url: '', authors: [] };
    } else if (this.paper && !this.capture) {
      const parent = stack[depth - 2];
      if (parent === 'paper' && (name === 'title' || name === 'abstract' || name === 'doi' || name === 'url')) {
        this.capture = name;
        this.captureDepth = depth;
      } else if (parent === 'paper' && name === 'author') {
        this.author = { first: '', last: '' };
        this.authorId = id;
      } else if (this.author && parent === 'author' && (name === 'first' || name === 'last')) {
        this.capture = name;
        this.captureDepth = depth;
      }
    } else if (!this.paper && stack[depth - 2] === 'meta' && (name === 'year' || name === 'month' || name === 'booktitle')) {
      this.metaCapture = '';
    }
  }

  text(t: string): void {
    const target = this.capture;
    if (target && this.paper) {
      if (target === 'first' || target === 'last') {
        if (this.author) this.author[target] += t;
      } else this.paper[target] += t;
    } else if (this.metaCapture !== null) this.metaCapture += t;
  }

  close(name: string): void {
    const depth = this.stack.length;
    this.stack.pop();
    if (this.capture && depth === this.captureDepth) this.capture = null;
    if (this.metaCapture !== null && depth >= 2) {
      const v = this.metaCapture.trim();
      if (this.volumeShared) {
        this.volume = { ...this.volume };
        this.volumeShared = false;
      }
      if (name === 'year' && /^\d{4}$/.test(v)) {
        this.volume.year = plausibleYear(Number(v));
        if (this.volume.year === undefined) this.volume.droppedYear = v;
      } else if (name === 'month') {
        const i = MONTHS.indexOf(v.slice(0, 3).toLowerCase());
        if (i >= 0) this.volume.month = i + 1;
      } else if (name === 'booktitle') this.volume.booktitle = v;
      this.metaCapture = null;
    }
    if (name === 'author' && this.author && this.paper) {
      const p = this.paper;
      if (this.authorId !== undefined) (p.authorIds ??= [])[p.authors.length] = this.authorId;
      p.authors.push(this.author);
      this.author = null;
    } else if (name === 'paper' && this.paper) {
      // The list is kept in the result (authorParts): an exact-size copy, not the array push() grew with room to spare.
      this.paper.authors = this.paper.authors.slice();
      this.onPaper(this.paper, this.volume, this.collection);
      this.paper = null;
      this.author = null;
    }
  }
}
