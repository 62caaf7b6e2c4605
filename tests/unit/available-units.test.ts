import { describe, expect, it } from 'vitest';
import { availableUnits, countryOf } from '../../src/lenses/institutions';
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
});
