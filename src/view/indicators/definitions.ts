/** What each figure means, with its reference: shown as tooltips in the view and mirrored in the README. */

export const REFERENCES = {
  bibliometrix: 'Aria & Cuccurullo (2017), bibliometrix: An R-tool for comprehensive science mapping analysis, Journal of Informetrics 11(4), 959–975',
  elango: 'Elango & Rajendran (2012), Authorship trends and collaboration pattern in the marine sciences literature: a scientometric study',
  lotka: 'Lotka (1926), The frequency distribution of scientific productivity, J. Washington Academy of Sciences 16(12)',
  pao: 'Pao (1986), An empirical examination of Lotka’s law, JASIS 37(1)',
  kumar: 'Kumar & Kumar (2008), as computed by bibliometrix’s dominance()',
} as const;

export interface Definition {
  label: string;
  text: string;
}

const { bibliometrix, elango, lotka, pao, kumar } = REFERENCES;

export const DEFINITIONS = {
  papers: { label: 'Papers', text: 'Papers in the dataset (bibliometrix: documents).' },
  authors: {
    label: 'Authors',
    text: 'Distinct people after name folding, source ids (OpenAlex, ORCID, Scopus, ResearcherID) and the alias list.',
  },
  authorships: {
    label: 'Authorships',
    text: 'Σ over papers of each paper’s distinct authors (a name written twice on one paper counts once; ' + 'the profile owner counts on every paper).',
  },
  authorPositions: {
    label: 'Author positions',
    text: `Σ of the author lists’ lengths as the sources wrote them (bibliometrix: author appearances). ${bibliometrix}.`,
  },
  authorsPerPaper: { label: 'Authors per paper', text: 'Authors / papers: distinct people per paper.' },
  papersPerAuthor: { label: 'Papers per author', text: `Papers / authors (bibliometrix: documents per author). ${bibliometrix}.` },
  coauthorsPerPaper: {
    label: 'Co-authors per paper',
    text: 'Authorships / papers: the mean number of authors on a paper, counted on authorships ' + `(bibliometrix: co-authors per document). ${bibliometrix}.`,
  },
  singleAuthoredShare: {
    label: 'Single-authored',
    text: 'Papers with exactly one author, and their share of all papers. A paper with a cut author list (“et al.”) is never single-authored.',
  },
  collaborationIndex: {
    label: 'Collaboration index',
    text:
      'Authorships of multi-authored papers / multi-authored papers: the mean team size of multi-authored papers. ' +
      `${elango}. (bibliometrix divides its count of authors of multi-authored papers instead.)`,
  },
  annual: {
    label: 'Annual production',
    text:
      'Papers per publication year. Growth rate = ((papers in the last year / papers in the first year)^(1 / years between) − 1) × 100, ' +
      `as bibliometrix computes it. ${bibliometrix}.`,
  },
  productive: {
    label: 'Most productive authors',
    text:
      'Full counting: each paper counts 1 for each of its authors. ' +
      'Fractional counting: each paper gives 1/n to each of its n authors, so a paper counts 1 in all.',
  },
  lotka: {
    label: 'Lotka’s law',
    text:
      'The share of authors with x papers, observed, against the fitted inverse power law y = C / xⁿ; n and C by least squares ' +
      'on log10 x, log10 y over the x observed (as bibliometrix does). R² is that regression’s; D is the Kolmogorov–Smirnov ' +
      'statistic, the largest gap between the observed and fitted cumulative shares over x = 1 … max; below 1.63 / √authors ' +
      `(α = 0.01, Pao 1986) the law is not rejected. ${lotka}; ${pao}.`,
  },
  dominance: {
    label: 'Author dominance',
    text:
      'Dominance factor DF = multi-authored papers on which the author is first / the author’s multi-authored papers, ' +
      `for the most productive authors (authors with DF 0 are kept). ${kumar}.`,
  },
  countries: {
    label: 'Countries',
    text:
      'Papers with an author from the country (full); each paper’s 1 shared among its authors that have a country, then among ' +
      'each author’s countries (fractional); SCP: single-country papers (every located author from one country); MCP: ' +
      'multiple-country papers. bibliometrix counts only the corresponding author’s country; this counts every author’s. ' +
      `${bibliometrix}.`,
  },
} satisfies Record<string, Definition>;

export type FigureId = keyof typeof DEFINITIONS;
