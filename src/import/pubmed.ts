/**
 * PubMed / MEDLINE text exports: PubMed's "Save → Format: PubMed" (.txt) and the citation-manager export (.nbib).
 * Field meanings follow NLM's "MEDLINE/PubMed Data Element (Field) Descriptions".
 */
import type { Paper } from '../model/types';
import {
  arxivFromDoi,
  cleanDoi,
  collapseSpace,
  compact,
  emptyReport,
  excerpt,
  finish,
  IdMaker,
  isoDate,
  plausibleYear,
  progress,
  stripBom,
  yearDropped,
  type Parsed,
} from './common';
import { recordPeople } from './pubmed/authors';
import { splitPubmedRecords, type PubmedRecord } from './pubmed/records';
import type { ImportReport, ParseOptions, ParseResult } from './types';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const PMID_LINE = /^PMID- *\d+[ \t\r]*$/m;
const OTHER_FIELD_LINE = /^(?:TI {2}|FAU |AU {2}|DP {2}|OWN |STAT|TA {2}|JT {2})- /m;

/** True when the start of a file (BOM stripped) is this format: a `PMID- <number>` line and another MEDLINE field. */
export function looksLikePubmed(head: string): boolean {
  return PMID_LINE.test(head) && OTHER_FIELD_LINE.test(head);
}

/** Year and ISO date of a `DP` value ("2020 Jan 15", "2019 Spring", "2021 Sep-Oct", "2018"). */
export function pubmedDate(dp: string | undefined): { year?: number; date?: string } {
  const m = dp?.trim().match(/^(\d{4})(?: ([A-Za-z]{3})[a-z]*(?: (\d{1,2})(?!\d))?)?/);
  if (!m) return {};
  const year = Number(m[1]);
  const month = m[2] ? MONTHS[m[2].toLowerCase()] : undefined;
  return { year, date: isoDate(year, month, month && m[3] ? Number(m[3]) : undefined) };
}

/** Year and ISO date of a `DEP` value (electronic publication, "20230309"). */
function electronicDate(dep: string | undefined): { year?: number; date?: string } {
  const m = dep?.trim().match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return {};
  return { year: Number(m[1]), date: isoDate(Number(m[1]), Number(m[2]), Number(m[3])) };
}

/** The fields of one record by tag, values in order (one pass). */
function byTag(rec: PubmedRecord): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of rec.fields) {
    const list = map.get(f.tag);
    if (list) list.push(f.value);
    else map.set(f.tag, [f.value]);
  }
  return map;
}

/** DOI from the `LID`/`AID` values marked "[doi]" (others are publisher ids, "[pii]", even when they look like DOIs). */
function doiOf(tags: Map<string, string[]>): string | undefined {
  for (const tag of ['LID', 'AID']) {
    for (const v of tags.get(tag) ?? []) {
      const at = v.lastIndexOf('[doi]');
      if (at >= 0) {
        const doi = cleanDoi(v.slice(0, at));
        if (doi) return doi;
      }
    }
  }
  return undefined;
}

function skipReason(tags: Map<string, string[]>): string | undefined {
  const pmid = first(tags, 'PMID');
  if (!pmid) return 'PubMed record has no PMID';
  if (!/^\d+$/.test(pmid)) return `PubMed record's PMID "${excerpt(pmid, 40)}" is not a number`;
  if (!first(tags, 'TI') && !first(tags, 'BTI')) return 'PubMed record has no title (TI)';
  return undefined;
}

function first(tags: Map<string, string[]>, tag: string): string | undefined {
  for (const v of tags.get(tag) ?? []) {
    const t = collapseSpace(v);
    if (t) return t;
  }
  return undefined;
}

function warnAboutLines(rec: PubmedRecord, index: number, badOrcidLines: number[], report: ImportReport): void {
  const joined = rec.loose.filter((l) => l.joinedTo);
  if (joined.length) {
    report.warnings.push({ index, line: joined[0].line, message: `${joined.length} line(s) without a field tag read as part of the field above` });
  }
  const dropped = rec.loose.filter((l) => !l.joinedTo);
  if (dropped.length) {
    const message = `${dropped.length} line(s) before the first field tag ignored: "${excerpt(dropped[0].text, 60)}"`;
    report.warnings.push({ index, line: dropped[0].line, message });
  }
  for (const line of badOrcidLines) report.warnings.push({ index, line, message: 'AUID line names ORCID but holds no ORCID iD; ignored' });
}

function toPaper(rec: PubmedRecord, tags: Map<string, string[]>, index: number, ids: IdMaker, options: ParseOptions | undefined, report: ImportReport): Paper {
  const pmid = first(tags, 'PMID')!;
  const people = recordPeople(rec.fields);
  warnAboutLines(rec, index, people.badOrcidLines, report);
  const printed = pubmedDate(first(tags, 'DP'));
  const electronic = electronicDate(first(tags, 'DEP'));
  const doi = doiOf(tags);
  const where = `PubMed record ${index + 1}, PMID ${pmid}`;
  const written = printed.year ?? electronic.year;
  if (written !== undefined && plausibleYear(written) === undefined) {
    report.warnings.push({ index, line: rec.line, message: yearDropped(where, String(written)) });
  }
  return compact({
    id: ids.make(`pmid:${pmid}`, `pubmed-${index + 1}`),
    title: first(tags, 'TI') ?? first(tags, 'BTI')!,
    authors: people.authors,
    truncated: false,
    date: printed.date ?? electronic.date,
    year: plausibleYear(printed.year) ?? plausibleYear(electronic.year),
    venue: first(tags, 'JT') ?? first(tags, 'TA'),
    doi,
    arxiv: arxivFromDoi(doi),
    url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
    abstract: first(tags, 'AB'),
    groupAuthors: people.groups.length ? people.groups : undefined,
    documentType: first(tags, 'PT'),
    ids: { pmid },
    sources: [options?.fileName ? `${options.fileName} (${where})` : where],
  });
}

export function parsePubmed(input: string, options?: ParseOptions): ParseResult {
  const text = stripBom(input);
  const report = emptyReport('pubmed');
  const blocks = splitPubmedRecords(text);
  if (!blocks.some((r) => r.fields.some((f) => f.tag === 'PMID'))) {
    report.fatal = 'No PubMed records (no "PMID- " line) found.';
    return { papers: [], report };
  }
  // Text between blank lines without any field tag is not a record (a note, a heading pasted along).
  const records = blocks.filter((r) => r.fields.length > 0);
  const stray = blocks.filter((r) => r.fields.length === 0);
  if (stray.length) {
    const lines = stray.reduce((n, r) => n + r.loose.length, 0);
    const message = `${lines} line(s) outside any record ignored: "${excerpt(stray[0].loose[0]?.text ?? '', 60)}"`;
    report.warnings.push({ index: -1, line: stray[0].line, message });
  }
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const tick = progress(options, records.length);
  records.forEach((rec, index) => {
    tick(index + 1);
    const tags = byTag(rec);
    const reason = skipReason(tags);
    if (reason) {
      report.skipped.push({ index, line: rec.line, reason, excerpt: excerpt(rec.head.join(' ')) });
      return;
    }
    items.push({ paper: toPaper(rec, tags, index, ids, options, report), index, line: rec.line });
  });
  report.read = records.length;
  return finish(items, report, options);
}
