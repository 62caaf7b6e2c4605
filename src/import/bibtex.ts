import { parse as parseBib, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { AuthorRef, Paper } from '../model/types';
import {
  arxivFromDoi,
  capReport,
  cleanArxiv,
  cleanDoi,
  collapseSpace,
  compact,
  emptyReport,
  excerpt,
  fatalResult,
  finish,
  IdMaker,
  isoDate,
  lineIndex,
  parseYear,
  stripBom,
  urlDropped,
  webUrl,
  yearWarner,
  type Parsed,
} from './common';
import { PlainFields } from './bibtexPlain';
import { batchText, BIBTEX_LIMITS, recordDeeperThan, type Chunk, splitRecords } from './bibtexRecords';
import { affiliationList, citedByNote, scopusIds, spreadAffiliations } from './scopus/fields';
import type { ParseOptions, ParseResult } from './types';

export { BIBTEX_LIMITS } from './bibtexRecords';

const NON_PAPER = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'book', 'mvbook', 'periodical']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The library reads a lone `<`/`>` in text as OT1 `¡`/`¿`; set when an entry's source has `<`/`>` but no real `¡`/`¿`. */
const GENUINE_INVERTED = /[¡¿]|\\text(?:exclam|question)down|[!?]`/;

/** The parser renders some LaTeX as HTML (<i>, <b>, <sup>); keep the text. `ltgt` turns `¡`/`¿` back into `<`/`>`. */
function plain(value: unknown, ltgt = false): string | undefined {
  if (typeof value !== 'string') return undefined;
  // `[^<>]*`, not `[^>]*`: a run of unclosed "<a " would be rescanned to its end from each of them.
  let text = value
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  if (ltgt) text = text.replace(/¡/g, '<').replace(/¿/g, '>');
  return collapseSpace(text) || undefined;
}

function creatorName(c: Creator, ltgt: boolean): string {
  const name = c.name ? c.name : [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');
  return collapseSpace(ltgt ? name.replace(/¡/g, '<').replace(/¿/g, '>') : name);
}

function isOthers(c: Creator): boolean {
  return !c.firstName && (c.lastName ?? c.name ?? '').trim().toLowerCase() === 'others';
}

function monthNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 12) return n;
  const i = MONTHS.indexOf(value.trim().slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

/** Start line of each `@type{key` by key (in `text`, plus `lineOffset`), for reporting. */
function entryLines(text: string, lineOffset = 0): Map<string, number> {
  const line = lineIndex(text);
  const byKey = new Map<string, number>();
  const re = /@\s*([a-zA-Z]+)\s*[{(]\s*([^,\s{}()]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const type = m[1].toLowerCase();
    if (type === 'string' || type === 'comment' || type === 'preamble') continue;
    if (!byKey.has(m[2])) byKey.set(m[2], line(m.index) + lineOffset);
  }
  return byKey;
}

const LIB_OPTIONS = { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore', applyCrossRef: true } as const;

/** A record start inside a record the library returned: it read past its own record. */
const INNER_START = /\n[ \t]*@[ \t]*[a-zA-Z][\w:-]*[ \t]*[{(]/;

interface Batch {
  chunks: Chunk[];
  firstLine: number;
  end: number;
}
interface Read {
  entry: Entry;
  batch: number;
  ltgt: boolean;
  line?: number;
}

function kb(chars: number): string {
  return `${Math.round(chars / 1024)} KB`;
}

/** A record not handed to the library: skipped with its line; text outside any record: one warning. */
function reportUnread(text: string, c: Chunk, line: number, report: ParseResult['report']): void {
  const head = text.slice(c.start, c.start + 300).match(/^@\s*([a-zA-Z][\w:-]*)\s*[{(]\s*([^,\s{}()]*)/);
  const name = head ? `@${head[1]}{${head[2]}}` : undefined;
  if (c.tooManyAt && !name) {
    report.warnings.push({ index: -1, line, message: `text with more than ${BIBTEX_LIMITS.maxAtSigns} "@" signs outside any record ignored` });
    return;
  }
  const why = tooBigWhy(c);
  report.skipped.push({ index: -1, line, reason: `${name ?? 'Record'} ${why}; not read`, excerpt: excerpt(text.slice(c.start, c.start + 1000)) });
}

function tooBigWhy(c: Chunk): string {
  const size = c.end - c.start;
  if (size > BIBTEX_LIMITS.maxRecordChars) return `is larger than ${kb(BIBTEX_LIMITS.maxRecordChars)} (${kb(size)})`;
  return c.tooManyAt ? `has more than ${BIBTEX_LIMITS.maxAtSigns} "@" signs` : `nests braces more than ${BIBTEX_LIMITS.maxBraceDepth} deep`;
}

export function parseBibtex(input: string, options?: ParseOptions): ParseResult {
  const text = stripBom(input);
  const report = emptyReport('bibtex');
  const lineOf = lineIndex(text);
  const chunks = splitRecords(text);
  const isMacro = (c: Chunk) => c.type === 'string' || c.type === 'preamble';
  const tooBig = (c: Chunk) => c.end - c.start > BIBTEX_LIMITS.maxRecordChars;
  const tooDeep = new Set(chunks.filter((c) => !tooBig(c) && recordDeeperThan(text, c.start, c.end, BIBTEX_LIMITS.maxBraceDepth)));
  const unread = (c: Chunk) => tooBig(c) || c.tooManyAt === true || tooDeep.has(c);
  const position = new Map<Chunk, number>();
  chunks.forEach((c, i) => position.set(c, i));

  // Records too large (or too full of `@`) to hand to the library.
  for (const c of chunks.filter(unread)) reportUnread(text, c, lineOf(c.start), report);

  // @string and @preamble first, so that macros resolve in every batch; kept raw so each batch expands them itself.
  const errors: { error: string; input?: string; line?: number }[] = [];
  const seenErrors = new Set<string>();
  const addErrors = (list: { error: string; input?: string }[], byKey: Map<string, number>, firstLine: number) => {
    for (const err of list) {
      const head = err.input?.match(/@\s*[a-zA-Z]+\s*[{(]\s*([^,\s{}()]*)/);
      const key = head?.[1];
      const lm = err.error.match(/line (\d+)/);
      if (!err.input) {
        // Errors without a record (an unresolved macro) are given once per call; once per file here.
        if (seenErrors.has(err.error)) continue;
        seenErrors.add(err.error);
      }
      errors.push({ ...err, line: key && byKey.has(key) ? byKey.get(key) : lm ? Number(lm[1]) + firstLine - 1 : undefined });
    }
  };
  const macros = chunks.filter((c) => isMacro(c) && !unread(c));
  let strings: Record<string, string> = {};
  let macroText = '';
  if (macros.length) {
    const first = position.get(macros[0]) as number;
    const last = position.get(macros[macros.length - 1]) as number;
    macroText = batchText(text, chunks.slice(first, last + 1), isMacro);
    try {
      const lib = parseBib(macroText, { ...LIB_OPTIONS, raw: true });
      strings = lib.strings;
      addErrors(lib.errors, new Map(), lineOf(macros[0].start));
    } catch (err) {
      addErrors([{ error: (err as Error).message }], new Map(), 1);
    }
  }
  const macrosLtGt = /[<>]/.test(macroText);
  const macrosGenuine = GENUINE_INVERTED.test(macroText);

  // Batches of whole records.
  const records = chunks.filter((c) => !isMacro(c) && !unread(c));
  const batches: Batch[] = [];
  for (let i = 0; i < records.length;) {
    const chunksOf: Chunk[] = [];
    let size = 0;
    while (
      i < records.length &&
      chunksOf.length < BIBTEX_LIMITS.batchRecords &&
      (!chunksOf.length || size + records[i].end - records[i].start <= BIBTEX_LIMITS.batchChars)
    ) {
      size += records[i].end - records[i].start;
      chunksOf.push(records[i++]);
    }
    batches.push({ chunks: chunksOf, firstLine: lineOf(chunksOf[0].start), end: chunksOf[chunksOf.length - 1].end });
  }

  const reads: Read[] = [];
  let fatal: string | undefined;
  let failedCalls = 0;
  const libOptions = { ...LIB_OPTIONS, strings };
  const readBatch = (batch: Batch, b: number): void => {
    const from = position.get(batch.chunks[0]) as number;
    const to = position.get(batch.chunks[batch.chunks.length - 1]) as number;
    const keep = new Set(batch.chunks);
    const plainFields = new PlainFields();
    const bt = batchText(text, chunks.slice(from, to + 1), (c) => keep.has(c), BIBTEX_LIMITS.readPlainFields ? (r) => plainFields.hide(r) : undefined);
    let lib;
    try {
      lib = plainFields.restore(parseBib(bt, libOptions));
    } catch (err) {
      if (batch.chunks.length > 1) {
        for (const c of batch.chunks) readBatch({ chunks: [c], firstLine: lineOf(c.start), end: c.end }, b);
        return;
      }
      failedCalls++;
      fatal ??= `BibTeX could not be read: ${(err as Error).message}`;
      addErrors([{ error: (err as Error).message, input: plainFields.show(bt) }], entryLines(bt, batch.firstLine - 1), batch.firstLine);
      return;
    }
    // A broken record that swallowed the records after it: read this batch one record at a time.
    if (batch.chunks.length > 1 && lib.entries.some((e) => e.input && INNER_START.test(e.input))) {
      for (const c of batch.chunks) readBatch({ chunks: [c], firstLine: lineOf(c.start), end: c.end }, b);
      return;
    }
    const byKey = entryLines(bt, batch.firstLine - 1);
    addErrors(lib.errors, byKey, batch.firstLine);
    for (const entry of lib.entries) {
      const ltgt = (/[<>]/.test(entry.input) || macrosLtGt) && !GENUINE_INVERTED.test(entry.input) && !macrosGenuine;
      reads.push({ entry, batch: b, ltgt, line: byKey.get(entry.key) });
    }
  };
  batches.forEach((batch, b) => {
    readBatch(batch, b);
    options?.onProgress?.(b === batches.length - 1 ? text.length : batch.end, text.length);
  });
  if (!batches.length) options?.onProgress?.(text.length, text.length);
  if (fatal && failedCalls === batches.length && !reads.length) return fatalResult('bibtex', fatal);

  resolveCrossrefs(reads, libOptions);
  return build(reads, errors, report, options);
}

/**
 * Crossref inheritance across batches: the library applies it within one call, so a child whose parent (or
 * grandparent) was read in another batch is read again together with its parents.
 */
function resolveCrossrefs(reads: Read[], libOptions: object): void {
  const byKey = new Map<string, Read>();
  for (const r of reads) if (r.entry.key && r.entry.input) byKey.set(r.entry.key.toUpperCase(), r);
  const groups = new Map<string, { chain: Read[]; children: Read[] }>();
  for (const r of reads) {
    const ref = r.entry.fields.crossref;
    if (typeof ref !== 'string' || !r.entry.input) continue;
    const chain: Read[] = [];
    for (let p = byKey.get(ref.toUpperCase()); p && p !== r && !chain.includes(p) && chain.length < 8;) {
      chain.push(p);
      const up = p.entry.fields.crossref;
      p = typeof up === 'string' ? byKey.get(up.toUpperCase()) : undefined;
    }
    if (!chain.some((p) => p.batch !== r.batch)) continue;
    const id = chain.map((p) => p.entry.key).join('\n');
    const g = groups.get(id) ?? { chain, children: [] };
    g.children.push(r);
    groups.set(id, g);
  }
  for (const { chain, children } of groups.values()) {
    const parents = [...chain].reverse().map((p) => p.entry.input);
    for (let i = 0; i < children.length; i += BIBTEX_LIMITS.batchRecords) {
      const part = children.slice(i, i + BIBTEX_LIMITS.batchRecords);
      let lib;
      try {
        lib = parseBib([...parents, ...part.map((c) => c.entry.input)].join('\n'), libOptions);
      } catch {
        continue; // keep what the child's own batch gave
      }
      const again = lib.entries.slice(parents.length);
      part.forEach((c, j) => {
        const e = again[j];
        if (e && e.key === c.entry.key && e.input) c.entry = e;
      });
    }
  }
}

const PROCEEDINGS = new Set(['proceedings', 'mvproceedings']);

/**
 * A file with exactly one @proceedings record (PMLR's volumes: the record, then papers that do not name it, with no
 * crossref, no booktitle and no year): its papers without a year take its year and venue (booktitle, else title).
 */
function adoptLoneProceedings(reads: Read[], orphans: Paper[], report: ParseResult['report']): void {
  if (!orphans.length) return;
  const procs = reads.filter((r) => PROCEEDINGS.has(r.entry.type.toLowerCase()));
  if (procs.length !== 1) return;
  const { entry, ltgt, line } = procs[0];
  const f = entry.fields as Record<string, unknown>;
  const year = parseYear(f.year) ?? parseYear(f.date);
  const venue = plain(f.booktitle, ltgt) ?? plain(f.title, ltgt);
  if (year === undefined) return;
  for (const paper of orphans) {
    paper.year = year;
    paper.date ??= isoDate(year);
    if (venue) paper.venue = venue;
  }
  const what = `${orphans.length} ${orphans.length === 1 ? 'paper' : 'papers'} without a year, venue or crossref`;
  const took = venue ? `the year ${year} and venue “${venue}”` : `the year ${year}`;
  report.warnings.push({ index: -1, line, message: `${what} took ${took} of the file's only proceedings record, @${entry.type}{${entry.key}}` });
}

function build(reads: Read[], errors: { error: string; input?: string; line?: number }[], report: ParseResult['report'], options?: ParseOptions): ParseResult {
  const ids = new IdMaker();
  const items: Parsed[] = [];
  // Papers that name no year, no venue and no parent record (a proceedings file's papers, as PMLR writes them).
  const orphans: Paper[] = [];
  const failedKeys = new Set<string>();

  // Errors the parser gives for entries it could not read.
  // By line, the skipped entries still without a record index (a Map: a search per entry is quadratic).
  const unplaced = new Map<number | undefined, ParseResult['report']['skipped']>();
  errors.forEach((err) => {
    const head = err.input?.match(/@\s*[a-zA-Z]+\s*[{(]\s*([^,\s{}()]*)/);
    const key = head?.[1];
    if (key) failedKeys.add(key);
    const skip = { index: -1, line: err.line, reason: err.error, excerpt: err.input ? excerpt(err.input) : undefined };
    report.skipped.push(skip);
    const atLine = unplaced.get(err.line);
    if (atLine) atLine.push(skip);
    else unplaced.set(err.line, [skip]);
  });

  const papers = reads.filter((r) => !NON_PAPER.has(r.entry.type.toLowerCase()));
  papers.forEach(({ entry, ltgt, line }, index: number) => {
    if (failedKeys.has(entry.key) && !entry.input) {
      // Already reported through the errors; give it its record index.
      const s = unplaced.get(line)?.shift();
      if (s) s.index = index;
      return;
    }
    const f = entry.fields as Record<string, unknown>;
    const title = plain(f.title, ltgt);
    if (!title) {
      report.skipped.push({ index, line, reason: `@${entry.type}{${entry.key}} has no title`, excerpt: excerpt(entry.input) });
      return;
    }
    const creators = (Array.isArray(f.author) ? f.author : []) as Creator[];
    const truncated = creators.some(isOthers);
    const authors: AuthorRef[] = creators
      .filter((c) => !isOthers(c))
      .map((c) => ({ name: creatorName(c, ltgt) }))
      .filter((a) => a.name);
    const record = `@${entry.type}{${entry.key}}`;
    // Scopus: the paper's affiliations ("; "-separated), one per author when the counts match, else on every author.
    const affiliations = affiliationList(plain(f.affiliations, ltgt) ?? plain(f.affiliation, ltgt));
    if (!spreadAffiliations(authors, affiliations)) {
      report.warnings.push({ index, line, message: `${record}: ${affiliations.length} affiliations for ${authors.length} authors: not assigned` });
    }
    const dropYear = yearWarner(report, index, line, record);
    const year = parseYear(f.year, dropYear) ?? parseYear(f.date, dropYear);
    const dateField = typeof f.date === 'string' ? f.date.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/) : null;
    const date = dateField
      ? isoDate(Number(dateField[1]), dateField[2] ? Number(dateField[2]) : undefined, dateField[3] ? Number(dateField[3]) : undefined)
      : isoDate(year, monthNumber(typeof f.month === 'string' ? f.month : undefined));
    const doi = cleanDoi(f.doi);
    const eprintIsArxiv =
      typeof f.archiveprefix === 'string' ? /arxiv/i.test(f.archiveprefix) : typeof f.eprinttype === 'string' && /arxiv/i.test(f.eprinttype);
    const arxiv =
      (eprintIsArxiv ? cleanArxiv(f.eprint) : undefined) ??
      arxivFromDoi(doi) ??
      (typeof f.url === 'string' && /arxiv\.org/.test(f.url) ? cleanArxiv(f.url) : undefined);
    const paper: Paper = compact({
      id: ids.make(entry.key, `bib-${index + 1}`),
      title,
      authors,
      truncated,
      date,
      year,
      venue: plain(f.journal, ltgt) ?? plain(f.journaltitle, ltgt) ?? plain(f.booktitle, ltgt) ?? plain(f.howpublished, ltgt),
      arxiv,
      doi,
      url: webUrl(f.url, (u) => report.warnings.push({ index, line, message: urlDropped(record, u) })),
      abstract: plain(f.abstract, ltgt),
      // Scopus: document_type (older) or type, "Cited by: 12" / "cited By 12" in the note, the EID in the url.
      documentType: plain(f.document_type) ?? plain(f.type),
      citations: citedByNote(plain(f.note)),
      ids: scopusIds([typeof f.url === 'string' ? f.url : undefined]),
      sources: [options?.fileName ? `${options.fileName} (BibTeX @${entry.type}{${entry.key}})` : `BibTeX @${entry.type}{${entry.key}}`],
    });
    if (!creators.length) report.warnings.push({ index, line, message: `@${entry.type}{${entry.key}} has no authors` });
    items.push({ paper, index, line });
    if (year === undefined && !paper.venue && typeof f.crossref !== 'string') orphans.push(paper);
  });
  adoptLoneProceedings(reads, orphans, report);
  report.read = papers.length;
  // Errors that matched no entry (the parser dropped the record) still count as read.
  report.read += report.skipped.filter((s) => s.index === -1).length;
  report.skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return finish(items, capReport(report), options);
}
