import { useEffect, useMemo, useState } from 'react';
import { useAtlas } from '../../app/context';
import { findMergeCandidates, fromThesaurus, mergeAuthors, pairId, splitAuthor, toThesaurus, type MergeCandidate } from '../../import/merges';
import type { Alias } from '../../model/types';
import { getStoredDataset, updateStoredDataset } from '../../store/datasetStore';

interface Decisions {
  aliases: Alias[];
  dismissed: string[];
}
const SHOWN = 30;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Candidate({ c, onMerge, onDismiss }: { c: MergeCandidate; onMerge: () => void; onDismiss: () => void }) {
  return (
    <li className="merge-candidate">
      <div>
        <strong>{c.fromLabel}</strong> → <strong>{c.toLabel}</strong> <span className="muted small">({c.why})</span>
      </div>
      <div className="small">
        Papers: {c.fromPapers} and {c.toPapers}.{' '}
        {c.sharedCoauthors.length > 0
          ? `Shared coauthors (${c.sharedCoauthors.length}): ${c.sharedCoauthors.slice(0, 5).join(', ')}${c.sharedCoauthors.length > 5 ? ', …' : ''}. `
          : 'No shared coauthors. '}
        {c.sharedAffiliations.length > 0 && `Same affiliation: ${c.sharedAffiliations.slice(0, 3).join('; ')}. `}
        {c.together > 0 && (
          <span className="import-error">
            Both names appear on {c.together} paper{c.together > 1 ? 's' : ''}: probably two people.{' '}
          </span>
        )}
      </div>
      <div className="import-actions">
        <button type="button" onClick={onMerge} aria-label={`Merge ${c.fromLabel} into ${c.toLabel}`}>
          Merge
        </button>
        <button type="button" onClick={onDismiss} aria-label={`${c.fromLabel} and ${c.toLabel} are different people`}>
          Not the same
        </button>
      </div>
    </li>
  );
}

/** Likely name variants of the dataset shown, with evidence; merge, split, undo; thesaurus export/import. */
export function MergeAssistant() {
  const { workspace, openWorkspace, notify } = useAtlas();
  const dataset = workspace.dataset;
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [history, setHistory] = useState<Decisions[]>([]);
  const [shown, setShown] = useState(SHOWN);
  const [problems, setProblems] = useState<string[]>([]);

  // Pairs dismissed earlier are kept with the stored dataset.
  useEffect(() => {
    let live = true;
    setHistory([]);
    getStoredDataset(workspace.id).then(
      (r) => live && setDismissed(r?.dismissedMerges ?? []),
      () => live && setDismissed([]),
    );
    return () => {
      live = false;
    };
  }, [workspace.id]);

  const candidates = useMemo(() => findMergeCandidates(dataset, { dismissed }), [dataset, dismissed]);

  const apply = (next: Decisions, record = true) => {
    if (record) setHistory((h) => [...h, { aliases: dataset.aliases, dismissed }]);
    setDismissed(next.dismissed);
    const nextDataset = { ...dataset, aliases: next.aliases };
    // Merges change the nodes: drop saved positions so the layout runs again.
    if (next.aliases !== dataset.aliases) openWorkspace({ ...workspace, dataset: nextDataset, positions: undefined, selection: undefined });
    updateStoredDataset(workspace.id, (r) => ({
      ...r,
      dataset: { ...r.dataset, aliases: next.aliases },
      positions: next.aliases !== dataset.aliases ? undefined : r.positions,
      dismissedMerges: next.dismissed,
    })).catch((e: Error) => notify(`The merge applies here but was not saved: ${e.message}`, 'error'));
  };

  const importThesaurus = async (file: File) => {
    const read = fromThesaurus(await file.text());
    setProblems(read.problems.map((p) => `Line ${p.line}: ${p.reason}`));
    if (!read.aliases.length) return;
    let aliases = dataset.aliases;
    for (const a of read.aliases) aliases = mergeAuthors(aliases, a.from, a.to, a.reason ?? 'VOSviewer thesaurus');
    apply({ aliases, dismissed });
    notify(`${read.aliases.length} name replacements read from ${file.name}.`);
  };

  if (workspace.origin !== 'import') return <p className="muted">Import a dataset to merge author name variants (the embedded profile’s merges are fixed).</p>;

  return (
    <section aria-label="Merge assistant">
      <h3>Name variants</h3>
      <div className="import-actions">
        <button type="button" disabled={!history.length} onClick={() => (apply(history[history.length - 1], false), setHistory((h) => h.slice(0, -1)))}>
          Undo last decision
        </button>
        <button type="button" onClick={() => download(`${dataset.title.replace(/[^\w.-]+/g, '_')}-thesaurus.txt`, toThesaurus(dataset))}>
          Export thesaurus
        </button>
        <label className="file-button">
          Import thesaurus
          <input
            type="file"
            accept=".txt,.tsv,text/plain"
            aria-label="Import thesaurus"
            onChange={(e) => (e.target.files?.[0] && void importThesaurus(e.target.files[0]), (e.target.value = ''))}
          />
        </label>
      </div>
      {problems.length > 0 && (
        <ul className="import-list small">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <h4>Likely variants ({candidates.length})</h4>
      {candidates.length === 0 && <p className="muted">No likely variants left.</p>}
      <ul className="plain">
        {candidates.slice(0, shown).map((c) => (
          <Candidate
            key={pairId(c.from, c.to)}
            c={c}
            onMerge={() => apply({ aliases: mergeAuthors(dataset.aliases, c.from, c.to, `merge assistant: ${c.why}`), dismissed })}
            onDismiss={() => apply({ aliases: dataset.aliases, dismissed: [...dismissed, pairId(c.from, c.to)] })}
          />
        ))}
      </ul>
      {candidates.length > shown && (
        <button type="button" className="link" onClick={() => setShown((n) => n + SHOWN)}>
          Show more
        </button>
      )}
      <h4>Merged names ({dataset.aliases.length})</h4>
      <ul className="plain">
        {dataset.aliases.map((a, i) => (
          <li key={i}>
            {a.from} → {a.to} {a.reason && <span className="muted small">({a.reason})</span>}{' '}
            <button
              type="button"
              onClick={() => apply({ aliases: splitAuthor(dataset.aliases, a.from), dismissed })}
              aria-label={`Split ${a.from} from ${a.to}`}
            >
              Split
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
