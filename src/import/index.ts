import { parseAclXml } from './acl';
import { parseBibtex } from './bibtex';
import { fatalResult } from './common';
import { parseCsv } from './csv';
import { detectFormat } from './detect';
import { parseCslJson, parseOpenAlex } from './json';
import { parseProfileText } from './profileText';
import { parsePubmed } from './pubmed';
import { parseRis } from './ris';
import { parseScopusCsv } from './scopus';
import { parseWos } from './wos';
import type { ImportFormat, ParseOptions, ParseResult } from './types';

export type * from './types';
export { detectFormat } from './detect';
export { guessCsvMapping, readCsvTable } from './csv';
export { formatProfileText } from './profileText';
export { parseAclFiles, parseNameVariantsYaml, aclIdentityKeyer, foldingCollisions, readNameVariants } from './acl';

const PARSERS: Record<ImportFormat, (text: string, options?: ParseOptions) => ParseResult> = {
  bibtex: parseBibtex,
  ris: parseRis,
  'csl-json': parseCslJson,
  openalex: parseOpenAlex,
  csv: parseCsv,
  'acl-xml': parseAclXml,
  'profile-text': parseProfileText,
  wos: parseWos,
  'scopus-csv': parseScopusCsv,
  pubmed: parsePubmed,
};

/** What a file in none of the formats read is told: the formats read (never another format's own rules). */
export const UNKNOWN_FORMAT =
  'Unknown file format. Coauthor Atlas reads BibTeX/BibLaTeX, RIS, CSL-JSON (Zotero), OpenAlex JSON, CSV/TSV, ' +
  'Web of Science (plain text or tab-delimited), Scopus CSV, PubMed/MEDLINE, ACL Anthology XML and the text of a profile page.';

/** Parses file text; never throws for bad content (the report's `fatal` says why nothing was read). */
export function parseInput(text: string, format?: ImportFormat | null, options?: ParseOptions): ParseResult {
  const fmt = format ?? detectFormat(text, options?.fileName);
  if (!fmt) return fatalResult('csv', UNKNOWN_FORMAT);
  if (!text.trim()) return fatalResult(fmt, 'The file is empty.');
  try {
    return PARSERS[fmt](text, options);
  } catch (err) {
    return fatalResult(fmt, `Could not read the file as ${fmt}: ${(err as Error).message}`);
  }
}
