/** The Indicators figures of the dataset shown (bibliometrix's main information, authors, Lotka, dominance, countries). */
import { useEffect, useState } from 'react';
import { useAtlas } from '../../app/context';
import { WORKER_MIN_AUTHORSHIPS } from '../../app/pipeline';
import type { DatasetIndex } from '../../graph/dataIndex';
import { authorshipCount } from '../../model/types';
import { computeIndicators, computeIndicatorsYielding, type Indicators, type LotkaFit } from '../../metrics';
import {
  allTablesCsv,
  annualTable,
  authorsTable,
  countriesTable,
  dominanceTable,
  indicatorTables,
  lotkaTable,
  mainTable,
  tableCsv,
  type IndicatorTable,
} from '../../metrics/csv';
import type { AuthorRanking } from '../../metrics/authors';
import { downloadText } from '../export/download';
import { AnnualChart, LotkaChart } from './charts';
import { CountryMap } from './CountryMap';
import { countryCollaboration, type CountryNode } from '../../metrics/countryMap';
import { DataTable, dec, int, pct, Section, Stat } from './parts';

/** Small datasets at once; big ones in steps with the page free between them. */
function useIndicators(index: DatasetIndex): Indicators | null {
  const big = authorshipCount(index.dataset) >= WORKER_MIN_AUTHORSHIPS;
  const [state, setState] = useState<{ index: DatasetIndex; value: Indicators } | null>(null);
  useEffect(() => {
    if (!big) return;
    const abort = new AbortController();
    computeIndicatorsYielding(index.resolved, abort.signal).then(
      (value) => setState({ index, value }),
      () => {},
    );
    return () => abort.abort();
  }, [index, big]);
  if (!big) return computeIndicators(index.resolved);
  return state?.index === index ? state.value : null;
}

function LotkaFitStats({ fit }: { fit: LotkaFit }) {
  return (
    <dl className="ind-stats">
      <div className="ind-stat">
        <dt>Exponent n</dt>
        <dd data-figure="lotkaExponent">{dec(fit.exponent)}</dd>
      </div>
      <div className="ind-stat">
        <dt>C</dt>
        <dd data-figure="lotkaConstant">{dec(fit.constant, 3)}</dd>
      </div>
      <div className="ind-stat">
        <dt>R²</dt>
        <dd data-figure="lotkaR2">{dec(fit.r2, 3)}</dd>
      </div>
      <div className="ind-stat">
        <dt>KS D</dt>
        <dd data-figure="lotkaKs">
          {dec(fit.ks, 3)}{' '}
          <span className="muted small">
            critical {dec(fit.ksCritical, 3)}: {fit.ks < fit.ksCritical ? 'fits' : 'rejected'}
          </span>
        </dd>
      </div>
    </dl>
  );
}

const fileStem = (title: string) =>
  title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'dataset';

/** `onDone` closes the view (a country chosen on the map is shown on the graph). */
export function IndicatorsView({ onDone }: { onDone?: () => void }) {
  const { index, theme, notify, workspace, select } = useAtlas();
  const ind = useIndicators(index);
  const [ranking, setRanking] = useState<AuthorRanking>('papers');
  if (!ind) return <p role="status">Computing the indicators…</p>;
  const m = ind.main;
  if (!m.papers) return <p className="muted">This workspace has no papers (a graph file, for instance): there is nothing to count.</p>;

  const stem = fileStem(workspace.dataset.title);
  const save = (text: string, name: string) => {
    downloadText(text, name, 'text/csv;charset=utf-8');
    notify(`Exported ${name}`);
  };
  const saveTable = (make: (i: Indicators) => IndicatorTable) => () => {
    const t = make(ind);
    save(tableCsv(t), `${stem}-${t.id}.csv`);
  };
  const top = ranking === 'papers' ? ind.topByPapers : ind.topByFractional;
  const chooseCountry = (c: CountryNode) => {
    select({ kind: 'country', code: c.code }, { focus: true });
    notify(`${c.name}: ${c.authors.length} authors highlighted on the graph.`);
    onDone?.();
  };

  return (
    <div className="ind-body">
      <p className="ind-actions">
        <button type="button" className="primary" onClick={() => save(allTablesCsv(indicatorTables(ind)), `${stem}-indicators.csv`)}>
          Download all tables (CSV)
        </button>
      </p>
      {m.truncatedPapers > 0 && (
        <p className="ind-warning" role="note">
          {int(m.truncatedPapers)} of {int(m.papers)} papers have cut author lists (“et al.”): author counts are lower bounds.
        </p>
      )}
      <Section id="papers" title="Main information" onCsv={saveTable(mainTable)}>
        <dl className="ind-stats">
          <Stat id="papers" value={int(m.papers)} detail={m.firstYear === undefined ? undefined : `${m.firstYear}–${m.lastYear}`} />
          <Stat id="authors" value={int(m.authors)} />
          <Stat id="authorships" value={int(m.authorships)} />
          <Stat id="authorPositions" value={int(m.authorPositions)} />
          <Stat id="authorsPerPaper" value={dec(m.authorsPerPaper)} />
          <Stat id="papersPerAuthor" value={dec(m.papersPerAuthor)} />
          <Stat id="coauthorsPerPaper" value={dec(m.coauthorsPerPaper)} />
          <Stat
            id="singleAuthoredShare"
            value={pct(m.singleAuthoredShare)}
            detail={`${int(m.singleAuthoredPapers)} papers, ${int(m.authorsOfSingleAuthoredPapers)} authors`}
          />
          <Stat id="collaborationIndex" value={dec(m.collaborationIndex)} detail={`${int(m.multiAuthoredPapers)} multi-authored papers`} />
        </dl>
        {m.papersWithoutAuthors > 0 && <p className="muted small">{int(m.papersWithoutAuthors)} papers list no author.</p>}
      </Section>

      <Section id="annual" onCsv={saveTable(annualTable)}>
        <AnnualChart annual={ind.annual} theme={theme} />
        <p className="muted small">
          Growth rate: {ind.annual.growthRate === null ? '–' : `${dec(ind.annual.growthRate)}% a year`}
          {ind.annual.papersWithoutYear > 0 && ` · ${int(ind.annual.papersWithoutYear)} papers without a year are not drawn`}
        </p>
      </Section>

      <Section id="productive" onCsv={saveTable(authorsTable)}>
        <fieldset className="ind-ranking">
          <legend className="small">Rank by</legend>
          <label>
            <input type="radio" name="ind-ranking" checked={ranking === 'papers'} onChange={() => setRanking('papers')} /> Papers (full counting)
          </label>
          <label>
            <input type="radio" name="ind-ranking" checked={ranking === 'fractional'} onChange={() => setRanking('fractional')} /> Fractional counting
          </label>
        </fieldset>
        <DataTable
          label="Most productive authors"
          head={['#', 'Author', 'Papers', 'Fractional']}
          rowHeader={1}
          rows={top.map((a, i) => ({ key: a.key, cells: [i + 1, a.label, int(a.papers), dec(a.fractional)] }))}
        />
      </Section>

      <Section id="lotka" onCsv={saveTable(lotkaTable)}>
        <LotkaChart lotka={ind.lotka} theme={theme} />
        {ind.lotka.fit ? (
          <LotkaFitStats fit={ind.lotka.fit} />
        ) : (
          <p className="muted small">Every author has the same number of papers: there is no line to fit.</p>
        )}
      </Section>

      <Section id="dominance" onCsv={saveTable(dominanceTable)}>
        <DataTable
          label="Author dominance"
          head={['Author', 'DF', 'Papers', 'Multi-authored', 'First-authored', 'Rank by papers']}
          rows={ind.dominance.map((d) => ({
            key: d.key,
            cells: [d.label, dec(d.dominance, 3), int(d.papers), int(d.multiAuthored), int(d.firstAuthoredMulti), d.rankByPapers],
          }))}
        />
      </Section>

      {ind.countries.rows.length > 0 && (
        <Section id="countries" onCsv={saveTable(countriesTable)}>
          <p className="muted small">
            {int(ind.countries.papersWithCountry)} of {int(m.papers)} papers name a country: {int(ind.countries.singleCountryPapers)} single-country,{' '}
            {int(ind.countries.multiCountryPapers)} multiple-country.
          </p>
          <CountryMap data={countryCollaboration(index.dataset)} theme={theme} onChoose={chooseCountry} />
          <DataTable
            label="Countries"
            head={['Country', 'Papers', 'Fractional', 'SCP', 'MCP', 'MCP ratio']}
            rows={ind.countries.rows.slice(0, 20).map((c) => ({
              key: c.country,
              cells: [c.country, int(c.papers), dec(c.fractional), int(c.singleCountry), int(c.multiCountry), dec(c.mcpRatio)],
            }))}
          />
        </Section>
      )}
    </div>
  );
}
