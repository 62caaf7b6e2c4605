// The format modules, not the import barrel: the page must not load the parsers (they run in the import worker).
import { detectFormat } from '../../import/detect';
import { sniffEncoding, type FileEncoding } from '../../import/decode';
import { isNameVariantsFile, type JobFormat } from './importJob';

/** A file's text; `encoding` is set when it was not UTF-8 (Web of Science's Windows exports are UTF-16). */
export interface InputFile {
  name: string;
  text: string;
  encoding?: FileEncoding;
}

/** What an input is, from its content first: a snapshot, a graph file, or papers (in `format`, null when unknown). */
export type Classified =
  { kind: 'snapshot'; file: InputFile } | { kind: 'graph'; file: InputFile } | { kind: 'papers'; file: InputFile; format: JobFormat | null };

export function classify(file: InputFile, override: JobFormat | null): Classified {
  const head = file.text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (head.startsWith('{') && head.includes('"coauthor-atlas-snapshot"')) return { kind: 'snapshot', file };
  if (!override) {
    if ((head.startsWith('<') && /<(gexf|graphml)[\s>]/i.test(head)) || /\.(gexf|graphml)$/i.test(file.name)) return { kind: 'graph', file };
    // VOSviewer maps are JSON objects with a "network" holding "items".
    if (head.startsWith('{') && /"network"\s*:/.test(head) && /"items"\s*:/.test(file.text.slice(0, 200_000))) return { kind: 'graph', file };
  }
  const format = override ?? (isNameVariantsFile(file.name, file.text) ? 'name-variants' : detectFormat(file.text, file.name));
  return { kind: 'papers', file, format };
}

/** Reads a picked or dropped file as text, in the encoding its first bytes show (UTF-8, or UTF-16 by BOM or NULs). */
async function readFile(f: File): Promise<InputFile> {
  const { encoding } = sniffEncoding(new Uint8Array(await f.slice(0, 1024).arrayBuffer()));
  // UTF-8, the common case, is decoded by the browser as before; TextDecoder drops the BOM of either UTF-16.
  if (encoding === 'utf-8') return { name: f.name, text: await f.text() };
  return { name: f.name, text: new TextDecoder(encoding).decode(await f.arrayBuffer()), encoding };
}

export async function readFiles(list: FileList | File[]): Promise<InputFile[]> {
  return Promise.all([...list].map(readFile));
}

export const FORMAT_LABELS: Record<JobFormat, string> = {
  bibtex: 'BibTeX / BibLaTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  openalex: 'OpenAlex JSON',
  csv: 'CSV / TSV',
  'acl-xml': 'ACL Anthology XML',
  'profile-text': 'Profile page text',
  wos: 'Web of Science (plain text or tab-delimited)',
  'scopus-csv': 'Scopus CSV',
  pubmed: 'PubMed / MEDLINE',
  'name-variants': 'ACL name variants (YAML)',
};
