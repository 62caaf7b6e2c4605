import { describe, expect, it } from 'vitest';
import { availableUnits, countryOf } from '../../src/lenses/institutions';
import { PreparedAssembler } from '../../src/app/preparedAssembler';
import { prepareDataset, preparedMessages } from '../../src/app/pipeline';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import type { Dataset, Paper } from '../../src/model/types';

const paper = (id: string, affiliations: (string[] | undefined)[]): Paper => ({
  id,
  title: id,
  truncated: false,
  authors: affiliations.map((a, i) => ({ name: `Author ${id}-${i}`, ...(a ? { affiliations: a } : {}) })),
});
const dataset = (papers: Paper[]): Dataset => ({ id: 'd', title: 'd', papers, aliases: [] }) as unknown as Dataset;

describe('which network units a dataset supports', () => {
  it('none without affiliations; institutions without any country; countries as soon as one affiliation names one', () => {
    expect(availableUnits(dataset([paper('a', [undefined, undefined])]))).toEqual({ institution: false, country: false });
    // Many authorships naming the same few institutions, none ending in a country (as a field query's OpenAlex names).
    const institutions = ['Stanford University', 'Tsinghua University', 'Max Planck Institute for Informatics'];
    const many = Array.from({ length: 3_000 }, (_, i) => paper(`p${i}`, [[institutions[i % 3]], [institutions[(i + 1) % 3]]]));
    expect(availableUnits(dataset(many))).toEqual({ institution: true, country: false });
    // One affiliation naming a country, last, after thousands of repeats: found.
    const last = paper('last', [['Dept. of Physics, University of Tartu, Estonia.']]);
    expect(countryOf('Dept. of Physics, University of Tartu, Estonia.')).toBe('Estonia');
    expect(availableUnits(dataset([...many, last]))).toEqual({ institution: true, country: true });
  });

  it("reach the page with a big dataset's graph: the pipeline worker's answer carries them, a graph file's does not", () => {
    const data = dataset([paper('a', [['University of Tartu, Estonia'], undefined]), paper('b', [undefined, ['Stanford University']])]);
    const prepared = prepareDataset(data, DEFAULT_BUILD_OPTIONS, 'author');
    const receive = (units?: { institution: boolean; country: boolean }) => {
      const page = new PreparedAssembler(data.papers);
      for (const m of preparedMessages(prepared)) page.add(m.type === 'done' && units ? { ...m, units } : m);
      return page.result().units;
    };
    // As pipelineWorker.ts answers: the units read from the dataset it built.
    expect(receive(availableUnits(data))).toEqual({ institution: true, country: true });
    expect(receive()).toBeUndefined();
  });
});
