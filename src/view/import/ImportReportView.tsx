import { useMemo, useState, type ReactNode } from 'react';
import type { CombinedImport } from '../../import/combine';
import type { DuplicateMerge, ImportReport, MergeRule } from '../../import';
import type { Paper } from '../../model/types';
import { FORMAT_LABELS } from './readFiles';
import type { Outcome } from './useImporter';

const LIST_LIMIT = 100;
const BY_WORDS: Record<MergeRule, string> = { doi: 'same DOI', arxiv: 'same arXiv id', 'title-year-author': 'same title, year and a shared author' };
const RULES = Object.keys(BY_WORDS) as MergeRule[];

/** A long list, cut at LIST_LIMIT with a count of what is left out. */
function Capped<T>({ items, render }: { items: T[]; render: (item: T, i: number) => ReactNode }) {
  return (
    <ul className="import-list">
      {items.slice(0, LIST_LIMIT).map(render)}
      {items.length > LIST_LIMIT && <li className="muted">… and {(items.length - LIST_LIMIT).toLocaleString('en-US')} more</li>}
    </ul>
  );
}

function titles(ids: string[], byId: Map<string, Paper>) {
  return <Capped items={ids} render={(id) => <li key={id}>{byId.get(id)?.title || id}</li>} />;
}

function byRule(merged: DuplicateMerge[]): string {
  return RULES.map((r) => [r, merged.filter((m) => m.by === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n.toLocaleString('en-US')} by ${BY_WORDS[r]}`)
    .join(', ');
}

/** Where the paper a record was merged into came from, when not from the record's own file. */
function keptWhere(m: DuplicateMerge, fileName: string): string {
  if (m.keptFile === undefined) return ' (in the dataset added to)';
  return m.keptFile === fileName ? '' : ` (from ${m.keptFile})`;
}

/** This file's records merged into another paper: which, into what, by which rule, and who the union added. */
function Duplicates({ merged, fileName }: { merged: DuplicateMerge[]; fileName: string }) {
  if (!merged.length) return null;
  return (
    <details>
      <summary>Duplicates merged ({byRule(merged)})</summary>
      <Capped
        items={merged}
        render={(m, i) => (
          <li key={i}>
            {m.droppedLine !== undefined ? `Line ${m.droppedLine}` : `Record ${m.droppedIndex + 1}`} “{m.droppedTitle}” merged into “{m.keptTitle}”
            {keptWhere(m, fileName)}: {BY_WORDS[m.by]}
            {m.authorsAdded > 0 && `; ${m.authorsAdded} ${m.authorsAdded === 1 ? 'author' : 'authors'} only this record listed added`}
          </li>
        )}
      />
    </details>
  );
}

function FileReport({ fileName, report, byId }: { fileName: string; report: ImportReport; byId: Map<string, Paper> }) {
  const merged = report.duplicatesMerged;
  return (
    <section className="import-file-report" aria-label={`Report for ${fileName}`}>
      <h4>
        {fileName} <span className="muted small">({FORMAT_LABELS[report.format] ?? report.format})</span>
      </h4>
      {report.fatal ? (
        <p role="alert" className="import-error">
          Nothing could be read from this file: {report.fatal}
        </p>
      ) : (
        <dl className="stats">
          <div>
            <dt>Read</dt>
            <dd>{report.read.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Imported</dt>
            <dd>{report.imported.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Skipped</dt>
            <dd>{report.skipped.length.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Duplicates merged</dt>
            <dd>{merged.length.toLocaleString('en-US')}</dd>
          </div>
        </dl>
      )}
      {report.skipped.length > 0 && (
        <details open>
          <summary>Skipped records ({report.skipped.length})</summary>
          <Capped
            items={report.skipped}
            render={(s, i) => (
              <li key={i}>
                {s.line !== undefined ? `Line ${s.line}` : `Record ${s.index + 1}`}: {s.reason}
                {s.excerpt && <span className="muted"> — “{s.excerpt}”</span>}
              </li>
            )}
          />
        </details>
      )}
      {report.warnings.length > 0 && (
        <details>
          <summary>Warnings ({report.warnings.length})</summary>
          <Capped
            items={report.warnings}
            render={(w, i) => (
              <li key={i}>
                {w.line !== undefined ? `Line ${w.line}` : `Record ${w.index + 1}`}: {w.message}
              </li>
            )}
          />
        </details>
      )}
      <Duplicates merged={merged} fileName={fileName} />
      {report.truncated.length > 0 && (
        <details>
          <summary>Truncated author lists ({report.truncated.length})</summary>
          {titles(report.truncated, byId)}
        </details>
      )}
      {report.noAuthors.length > 0 && (
        <details>
          <summary>Papers without authors ({report.noAuthors.length})</summary>
          {titles(report.noAuthors, byId)}
        </details>
      )}
      {report.noYear.length > 0 && (
        <details>
          <summary>Papers without a year ({report.noYear.length})</summary>
          {titles(report.noYear, byId)}
        </details>
      )}
    </section>
  );
}

const fmt = (n: number) => n.toLocaleString('en-US');
/** Above this many files their reports are folded under the summary. */
const OPEN_REPORTS_MAX = 3;

/** The whole import in one line of figures: files, papers read, imported, skipped, merged, distinct author names. */
function ImportSummary({ combined }: { combined: CombinedImport }) {
  const totals = useMemo(() => {
    const sum = (f: (r: ImportReport) => number) => combined.files.reduce((n, x) => n + f(x.report), 0);
    // The papers this import added come last (the ones of a dataset appended to come first).
    const names = new Set<string>();
    for (const p of combined.papers.slice(combined.papers.length - combined.added)) for (const a of p.authors) names.add(a.name.trim());
    return {
      unreadable: combined.files.filter((f) => f.report.fatal).length,
      read: sum((r) => r.read),
      skipped: sum((r) => r.skipped.length),
      merged: combined.merged.length,
      authors: names.size,
    };
  }, [combined]);
  return (
    <section className="import-total" aria-label="Import summary">
      <h4>All {fmt(combined.files.length)} files</h4>
      <dl className="stats">
        <div>
          <dt>Files</dt>
          <dd>
            {fmt(combined.files.length)}
            {totals.unreadable > 0 && ` (${fmt(totals.unreadable)} unreadable)`}
          </dd>
        </div>
        <div>
          <dt>Papers read</dt>
          <dd>{fmt(totals.read)}</dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd>{fmt(combined.added)}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{fmt(totals.skipped)}</dd>
        </div>
        <div>
          <dt>Duplicates merged</dt>
          <dd>{fmt(totals.merged)}</dd>
        </div>
        <div>
          <dt>Authors</dt>
          <dd>{fmt(totals.authors)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Each file's report; folded (and only rendered once unfolded) when there are many. */
function FileReports({ combined, byId }: { combined: CombinedImport; byId: Map<string, Paper> }) {
  const many = combined.files.length > OPEN_REPORTS_MAX;
  const [unfolded, setUnfolded] = useState(!many);
  const reports = () => combined.files.map((f, i) => <FileReport key={i} fileName={f.fileName} report={f.report} byId={byId} />);
  if (!many) return <>{reports()}</>;
  return (
    <details className="import-file-reports" onToggle={(e) => setUnfolded(e.currentTarget.open)}>
      <summary>Reports of the {fmt(combined.files.length)} files</summary>
      {unfolded && reports()}
    </details>
  );
}

function Combined({ combined }: { combined: CombinedImport }) {
  const byId = useMemo(() => new Map(combined.papers.map((p) => [p.id, p])), [combined]);
  return (
    <>
      {combined.files.length > 1 && <ImportSummary combined={combined} />}
      <FileReports combined={combined} byId={byId} />
      {combined.keptApart ? (
        <p className="muted small">Duplicates kept apart, as asked: records that look like one paper stay separate papers.</p>
      ) : (
        combined.merged.length > 0 && (
          <p className="muted small">
            {combined.merged.length.toLocaleString('en-US')} {combined.merged.length === 1 ? 'record' : 'records'} merged into papers read before them (
            {byRule(combined.merged)}); each file’s report above lists its own.
          </p>
        )
      )}
    </>
  );
}

/** What the last import did: per file counts, skipped records with their line, merges, incomplete papers. */
export function ImportReportView({ outcome }: { outcome: Outcome }) {
  return (
    <section className="import-report" aria-label="Import report">
      <h3>Import report</h3>
      {outcome.error && (
        <p role="alert" className="import-error">
          {outcome.error}
        </p>
      )}
      {outcome.notes.map((n, i) => (
        <p key={i}>{n}</p>
      ))}
      {outcome.opened && outcome.combined && (
        <p className="import-summary">
          Opened “{outcome.opened.title}”: {outcome.combined.papers.length.toLocaleString('en-US')} papers ({outcome.combined.added.toLocaleString('en-US')}{' '}
          added by this import).{' '}
          {outcome.opened.stored ? 'Saved in this browser.' : <span className="import-error">Not saved: {outcome.opened.storeError}</span>}
        </p>
      )}
      {outcome.combined && <Combined combined={outcome.combined} />}
    </section>
  );
}
