/** Anthology collection files (`data/xml/*.xml`) into papers: one reader, fed by the fast scanner or by saxes. */
import { SaxesParser } from 'saxes';
import type { AuthorRef, Paper } from '../../model/types';
import { capReport, capText, cleanDoi, collapseSpace, emptyReport, finish, IdMaker, isoDate, progress, stripBom, yearDropped, type Parsed } from '../common';
import type { ImportReport, ParseOptions } from '../types';
import { CollectionReader, yearFromCollectionId, type PaperBuf, type VolumeBuf } from './reader';
import { XmlScanner } from './scanner';
import type { AclFile, AclParseResult, AclPersonName, AclReader } from './types';

/**
 * Text already as `collapseSpace` leaves it: words of printable ASCII, Latin-1 letters and signs, dashes and
 * curly quotes (U+2010–U+2027: all unchanged by NFC, none white space for `\s`) between single spaces.
 */
const COLLAPSED = /^[!-~\u00A1-\u00FF\u2010-\u2027]+(?: [!-~\u00A1-\u00FF\u2010-\u2027]+)*$/;

/** `collapseSpace` (whitespace runs to one space, trimmed, NFC), skipping the work when there is none to do. */
const collapse = (text: string): string => (text === '' || COLLAPSED.test(text) ? text : collapseSpace(text));

/**
 * What a paper takes from its volume and collection (year, date, venue, source), worked out again only
 * when those values change: consecutive papers share them. Compared by value, as the saxes path fills
 * a volume's <meta> in place.
 */
class VolumeFacts {
  private booktitle: string | undefined;
  private primed = false;
  private collection: string | undefined;
  private volumeYear: number | undefined;
  private month: number | undefined;
  private droppedYear: string | undefined;
  venue = '';
  year: number | undefined;
  date: string | undefined;
  source = '';

  update(volume: VolumeBuf, collection: string | undefined): this {
    if (volume.booktitle !== this.booktitle) {
      this.booktitle = volume.booktitle;
      this.venue = collapse(volume.booktitle);
    }
    if (
      !this.primed ||
      collection !== this.collection ||
      volume.year !== this.volumeYear ||
      volume.month !== this.month ||
      volume.droppedYear !== this.droppedYear
    ) {
      this.primed = true;
      this.collection = collection;
      this.volumeYear = volume.year;
      this.month = volume.month;
      this.droppedYear = volume.droppedYear;
      this.year = volume.droppedYear === undefined ? (volume.year ?? yearFromCollectionId(collection)) : undefined;
      this.date = isoDate(this.year, volume.month);
      this.source = `ACL Anthology ${collection ?? ''}`.trim();
    }
    return this;
  }
}

/** XML errors listed per file; the rest are counted in one line. */
const MAX_XML_ERRORS = 50;

/** Parses one Anthology collection file into `items`, adding problems to `report`. */
function parseCollection(
  text: string,
  fileName: string | undefined,
  report: ImportReport,
  items: Parsed[],
  ids: IdMaker,
  indexBase: number,
  parts: Map<string, AclPersonName[]>,
  how: AclReader,
): number {
  let count = 0;
  const facts = new VolumeFacts();

  /** Line of a paper from its `line` field: the fast scanner leaves the offset of its tag there. */
  let lineOf = (p: PaperBuf) => p.line;
  const emit = (p: PaperBuf, volume: VolumeBuf, collection: string | undefined) => {
    const index = indexBase + count++;
    const title = collapse(p.title);
    const url = collapse(p.url);
    const id = ids.make(url || undefined, url || `${collection ?? 'acl'}-${volume.id}-${p.num}`);
    if (!title) {
      report.skipped.push({ index, line: lineOf(p), reason: `paper ${id} has no title` });
      return;
    }
    parts.set(id, p.authors);
    const { year, date, venue, source } = facts.update(volume, collection);
    if (volume.droppedYear !== undefined) report.warnings.push({ index, line: lineOf(p), message: yearDropped(`paper ${id}`, volume.droppedYear) });
    // map() makes an array of the exact size (push() would leave room to spare in each of the papers' lists).
    let nameless = false;
    const refs = p.authors.map((a, i): AuthorRef => {
      const name = collapse(`${a.first} ${a.last}`);
      if (!name) nameless = true;
      const externalId = p.authorIds?.[i];
      return externalId === undefined ? { name } : { name, externalId };
    });
    const authors = nameless ? refs.filter((a) => a.name) : refs;
    if (nameless) report.warnings.push({ index, line: lineOf(p), message: `paper ${id}: an <author> without a name was left out` });
    // Built field by field in the order `compact` would leave them, without `delete` (slow objects).
    const paperOut: Paper = { id, title, authors, truncated: false };
    if (date !== undefined) paperOut.date = date;
    if (year !== undefined) paperOut.year = year;
    if (venue) paperOut.venue = venue;
    const doi = p.doi ? cleanDoi(p.doi) : undefined; // cleanDoi('') is undefined
    if (doi !== undefined) paperOut.doi = doi;
    if (p.url) paperOut.url = `https://www.aclweb.org/anthology/${url}`;
    const abstract = collapse(p.abstract);
    if (abstract) paperOut.abstract = abstract;
    paperOut.sources = [source];
    items.push({ paper: paperOut, index });
  };

  const body = stripBom(text);

  // Well-formed files (all of the Anthology's): the fast scanner, papers emitted once the whole file has been read.
  const pending: PaperBuf[] = [];
  const pendingVolumes: VolumeBuf[] = [];
  const pendingCollections: (string | undefined)[] = [];
  const scanner = new XmlScanner(body);
  const fast = new CollectionReader(
    fileName,
    () => scanner.tagEnd,
    (p, volume, collection) => {
      pending.push(p);
      pendingVolumes.push(volume);
      pendingCollections.push(collection);
      fast.volumeShared = true;
    },
  );
  if (how === 'auto' && scanner.run(fast)) {
    lineOf = (p) => scanner.lineAt(p.line);
    for (let i = 0; i < pending.length; i++) emit(pending[i], pendingVolumes[i], pendingCollections[i]);
    if (fast.paper) emit(fast.paper, fast.volume, fast.collection);
    return count;
  }
  lineOf = (p) => p.line;

  // Anything else (damaged, DTD, CDATA, comments, ...): saxes, with its error messages in the report.
  const parser = new SaxesParser({ position: true });
  const reader = new CollectionReader(fileName, () => parser.line, emit);
  let fatalAt: number | undefined;
  parser.on('opentag', (tag) => {
    const id = tag.attributes.id;
    reader.open(tag.name, typeof id === 'string' ? id : undefined);
  });
  parser.on('text', (t) => reader.text(t));
  parser.on('closetag', (tag) => reader.close(tag.name));
  let errorCount = 0;
  parser.on('error', (err) => {
    if (fatalAt === undefined) fatalAt = parser.line;
    // One line per error up to a bound (a tag with 100,000 repeated attributes gives an error for each).
    if (++errorCount > MAX_XML_ERRORS) return;
    report.warnings.push({ index: indexBase + count, line: parser.line, message: capText(`${fileName ?? 'XML'}: ${err.message}`) });
  });

  try {
    parser.write(body).close();
  } catch (err) {
    report.warnings.push({ index: indexBase + count, line: parser.line, message: capText(`${fileName ?? 'XML'}: ${(err as Error).message}`) });
  }
  if (errorCount > MAX_XML_ERRORS) {
    report.warnings.push({ index: indexBase + count, message: `${fileName ?? 'XML'}: ${errorCount - MAX_XML_ERRORS} more XML errors not listed` });
  }
  // A paper left open by a damaged file is kept when it has a title.
  if (reader.paper) emit(reader.paper, reader.volume, reader.collection);
  return count;
}

/**
 * Parses several Anthology XML files into one result. Each `<paper>` is its own record: the Anthology lists some
 * papers twice (e.g. in two volumes, under different ids), and those are merged by `combineResults`, like any import.
 */
export function parseAclFiles(files: AclFile[], options?: ParseOptions, reader: AclReader = 'auto'): AclParseResult {
  const parts = new Map<string, AclPersonName[]>();
  const report = emptyReport('acl-xml');
  const items: Parsed[] = [];
  const ids = new IdMaker();
  const tick = progress(options, files.length);
  files.forEach((f, i) => {
    report.read += parseCollection(f.text, f.name, report, items, ids, report.read, parts, reader);
    tick(i + 1);
  });
  if (!report.read) report.fatal = 'No <paper> element found in the XML.';
  return { ...finish(items, capReport(report), options), authorParts: parts };
}

export function parseAclXml(text: string, options?: ParseOptions): AclParseResult {
  return parseAclFiles([{ name: options?.fileName, text }], options);
}
