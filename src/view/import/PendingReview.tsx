import { useMemo, useState } from 'react';
import { guessCsvMapping, readCsvTable } from '../../import/csv';
import { UNKNOWN_FORMAT } from '../../import/detect';
import type { CsvMapping } from '../../import';
import type { JobFormat } from './importJob';
import { FORMAT_LABELS } from './readFiles';
import type { PendingFile } from './useImporter';

const FIELDS: [keyof CsvMapping, string][] = [
  ['title', 'Title column'],
  ['authors', 'Authors column'],
  ['year', 'Year column'],
  ['date', 'Date column'],
  ['venue', 'Venue column'],
  ['doi', 'DOI column'],
  ['affiliations', 'Affiliations column'],
];
const SEPARATORS: [string, string][] = [
  [';', 'semicolon ;'],
  [',', 'comma ,'],
  [' and ', '“and”'],
  ['|', 'bar |'],
];

/** Headers and the guessed mapping, from the start of the file only (enough for a header and sample rows). */
export function csvHeaders(text: string): { headers: string[]; mapping: CsvMapping } {
  const table = readCsvTable(text.slice(0, 200_000));
  return { headers: table.headers, mapping: guessCsvMapping(table.headers, table.rows.slice(0, 50)) };
}

function CsvMappingForm({ file, onChange }: { file: PendingFile; onChange: (m: CsvMapping) => void }) {
  const { headers } = useMemo(() => csvHeaders(file.text), [file.text]);
  const m = file.csvMapping!;
  const set = (patch: Partial<CsvMapping>) => onChange({ ...m, ...patch });
  return (
    <fieldset className="csv-mapping">
      <legend>Columns of {file.name}</legend>
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {label}
          <select aria-label={label} value={(m[field] as string | undefined) ?? ''} onChange={(e) => set({ [field]: e.target.value || undefined })}>
            <option value="">— none —</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        Author separator
        <select aria-label="Author separator" value={m.authorSeparator} onChange={(e) => set({ authorSeparator: e.target.value })}>
          {SEPARATORS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {m.affiliations && (
        <label>
          Affiliation separator
          <select aria-label="Affiliation separator" value={m.affiliationSeparator ?? ';'} onChange={(e) => set({ affiliationSeparator: e.target.value })}>
            {SEPARATORS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}

/** Files that need the user: pick a format where it was not recognised, map CSV columns. */
export function PendingReview({ files, onConfirm, onCancel }: { files: PendingFile[]; onConfirm: (f: PendingFile[]) => void; onCancel: () => void }) {
  const withMapping = (f: PendingFile): PendingFile => (f.format === 'csv' && !f.csvMapping ? { ...f, csvMapping: csvHeaders(f.text).mapping } : f);
  const [list, setList] = useState(() => files.map(withMapping));
  const update = (i: number, f: PendingFile) => setList((l) => l.map((x, j) => (j === i ? withMapping(f) : x)));
  const ready = list.every((f) => f.format && (f.format !== 'csv' || (f.csvMapping?.title && f.csvMapping.authors)));
  return (
    <section className="import-pending" aria-label="Check the files">
      <h3>Check before importing</h3>
      {list.map((f, i) => (
        <div key={i} className="import-pending-file">
          <label>
            Format of {f.name}
            <select
              aria-label={`Format of ${f.name}`}
              value={f.format ?? ''}
              onChange={(e) => update(i, { ...f, format: (e.target.value || null) as JobFormat | null })}
            >
              <option value="">— not recognised: choose —</option>
              {Object.entries(FORMAT_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          {files[i]?.format === null && (
            <p className="import-unknown small">
              {f.name}: {UNKNOWN_FORMAT}
            </p>
          )}
          {f.format === 'csv' && f.csvMapping && <CsvMappingForm file={f} onChange={(m) => update(i, { ...f, csvMapping: m })} />}
        </div>
      ))}
      {!ready && <p className="muted small">Choose a format for every file; CSV needs at least a title and an authors column.</p>}
      <div className="import-actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => onConfirm(list)}>
          Import {list.length === 1 ? 'the file' : `${list.length} files`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
