// Indicators on the ACL Anthology 2019 (when present): counts against the paper list, step timings logged, never asserted.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAclFiles } from '../../src/import/acl';
import { resolveDataset } from '../../src/graph/authors';
import { indicatorSteps } from '../../src/metrics';
import { allTablesCsv, indicatorTables } from '../../src/metrics/csv';

const dir = path.resolve(import.meta.dirname, '../../../shared/datasets/acl-anthology-2019');
const present = existsSync(path.join(dir, 'xml'));
if (!present) console.log(`ACL Anthology data not found at ${dir}: indicator timings skipped.`);

(present ? describe : describe.skip)('indicators on ACL Anthology 2019', () => {
  it('counts match the paper list; each step is timed', () => {
    const names = readdirSync(path.join(dir, 'xml')).filter((f) => f.endsWith('.xml'));
    const files = names.map((name) => ({ name, text: readFileSync(path.join(dir, 'xml', name), 'utf8') }));
    const papers = parseAclFiles(files).papers;
    const resolved = resolveDataset({ id: 'acl', title: 'ACL', papers, aliases: [] });
    let ind;
    const times: number[] = [];
    for (const step of indicatorSteps(resolved)) {
      const t0 = performance.now();
      ind = step();
      times.push(Math.round(performance.now() - t0));
    }
    console.log(`ACL indicators: steps ${times.join(' + ')} ms`);
    const t0 = performance.now();
    const csv = allTablesCsv(indicatorTables(ind!));
    console.log(`ACL indicators CSV: ${Math.round(performance.now() - t0)} ms, ${csv.length} characters`);
    const m = ind!.main;
    expect(m.papers).toBe(papers.length);
    expect(m.authorPositions).toBe(papers.reduce((s, p) => s + p.authors.length, 0));
    expect(m.singleAuthoredPapers + m.multiAuthoredPapers + m.papersWithoutAuthors).toBe(papers.length);
    expect(ind!.authors.reduce((s, a) => s + a.papers, 0)).toBe(m.authorships);
    expect(ind!.authors.reduce((s, a) => s + a.fractional, 0)).toBeCloseTo(papers.length - m.papersWithoutAuthors, 6);
    expect(ind!.lotka.totalAuthors).toBe(m.authors);
    expect(ind!.annual.years.reduce((s, y) => s + y.papers, 0) + ind!.annual.papersWithoutYear).toBe(papers.length);
  });
});
