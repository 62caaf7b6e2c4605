import { parseAclXml } from './acl';
import { parseBibtex } from './bibtex';
import { fatalResult } from './common';
import { parseCsv } from './csv';
import { detectFormat, UNKNOWN_FORMAT } from './detect';
import { parseCslJson, parseOpenAlex } from './json';
import { parseProfileText } from './profileText';
import { parsePubmed } from './pubmed';
import { parseRis } from './ris';
import { parseScopusCsv } from './scopus';
import { parseWos } from './wos';
import type { ImportFormat, ParseOptions, ParseResult } from './types';

export type * from './types';
export { detectFormat, UNKNOWN_FORMAT } from './detect';
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
