import { detectFormat } from '../../import';
import { isNameVariantsFile, type JobFormat } from './importJob';

export interface InputFile { name: string; text: string }

/** What an input is, from its content first: a snapshot, a graph file, or papers (in `format`, null when unknown). */
export type Classified =
  | { kind: 'snapshot'; file: InputFile }
  | { kind: 'graph'; file: InputFile }
  | { kind: 'papers'; file: InputFile; format: JobFormat | null };

export function classify(file: InputFile, override: JobFormat | null): Classified {
  const head = file.text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (head.startsWith('{') && head.includes('"coauthor-atlas-snapshot"')) return { kind: 'snapshot', file };
  if (!override) {
    if ((head.startsWith('<') && /<(gexf|graphml)[\s>]/i.test(head)) || /\.(gexf|graphml)$/i.test(file.name)) return { kind: 'graph', file };
    // VOSviewer maps are JSON objects with a "network" holding "items".
    if (head.startsWith('{') && /"network"\s*:/.test(head) && /"items"\s*:/.test(file.text.slice(0, 200_000))) return { kind: 'graph', file };
  }
  const format = override ?? (isNameVariantsFile(file.name, file.text) ? 'name-variants' : detectFormat(file.text, file.name));
  return { kind: 'papers', file, format };
}

/** Reads picked or dropped files as text (UTF-8; a BOM is left for the parsers to strip). */
export async function readFiles(list: FileList | File[]): Promise<InputFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
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
