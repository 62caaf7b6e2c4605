import { stripBom } from './common';
import { looksLikeProfileText } from './profileText';
import { looksLikePubmed } from './pubmed';
import { looksLikeScopusCsv } from './scopus';
import type { ImportFormat } from './types';
import { looksLikeWos } from './wos';

const BY_EXTENSION: Record<string, ImportFormat> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  ris: 'ris',
  csv: 'csv',
  tsv: 'csv',
  xml: 'acl-xml',
};

/** Format of a file from its content first (BOM stripped), the file name as a hint. */
export function detectFormat(input: string, fileName?: string): ImportFormat | null {
  const text = stripBom(input);
  const head = text.slice(0, 20000);
  const trimmed = head.trimStart();
  const ext = fileName?.match(/\.([a-z0-9]+)$/i)?.[1].toLowerCase();

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (/"authorships"\s*:|"openalex\.org|"publication_year"\s*:/.test(head)) return 'openalex';
    if (/"(container-title|issued|author)"\s*:|"type"\s*:\s*"(article-journal|paper-conference|chapter|book|report)"/.test(head)) return 'csl-json';
    return ext === 'json' ? 'csl-json' : null;
  }
  if (trimmed.startsWith('<')) {
    if (/<collection\b|<volume\b|<paper\b/.test(head)) return 'acl-xml';
    return null;
  }
  // Web of Science, PubMed and Scopus before RIS, BibTeX, CSV and profile text, which their files could pass for.
  if (looksLikeWos(head)) return 'wos';
  if (looksLikePubmed(head)) return 'pubmed';
  if (looksLikeScopusCsv(head)) return 'scopus-csv';
  if (/^TY {2}- /m.test(head)) return 'ris';
  if (/^\s*@\s*[a-zA-Z]+\s*[{(]/m.test(head)) return 'bibtex';
  // A profile page's text: a paper's category and date ("AIJul 31, 2024"). A .txt is not one by its name alone.
  if (looksLikeProfileText(head)) return 'profile-text';
  const lines = head
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  if ((ext === 'csv' || ext === 'tsv' || /[,\t;]/.test(first)) && /title/i.test(first)) return 'csv';
  return ext ? (BY_EXTENSION[ext] ?? null) : null;
}

/** What a file in none of the formats read is told: the formats read (never another format's own rules). */
export const UNKNOWN_FORMAT =
  'Unknown file format. Coauthor Atlas reads BibTeX/BibLaTeX, RIS, CSL-JSON (Zotero), OpenAlex JSON, CSV/TSV, ' +
  'Web of Science (plain text or tab-delimited), Scopus CSV, PubMed/MEDLINE, ACL Anthology XML and the text of a profile page.';
