/**
 * A dataset's shape as a valibot schema (authors, papers, name merges, the profile), part of the snapshot's schema;
 * and the loose paper and author shapes the dataset store checks its records with (src/store/datasetStore.ts).
 */
import * as v from 'valibot';
import { bool, httpUrl, L, list, num, record, step, text, texts } from './schemaParts';

const authorRefSchema = record({
  name: text(L.shortText),
  affiliations: v.optional(texts(L.maxListItems, L.idText)),
  countries: v.optional(texts(L.maxListItems, L.shortText)),
  externalId: v.optional(text(L.shortText)),
});

const optionalText = v.optional(text(L.shortText));
const paperSchema = record({
  id: text(L.idText, 1),
  title: text(L.idText * 4),
  truncated: bool(),
  authors: list(authorRefSchema, L.maxAuthorsPerPaper),
  date: v.optional(v.pipe(text(10), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'not YYYY, YYYY-MM or YYYY-MM-DD'))),
  year: v.optional(num({ integer: true, min: 0, max: 9999 })),
  category: optionalText,
  venue: optionalText,
  arxiv: optionalText,
  doi: optionalText,
  url: v.optional(httpUrl()),
  abstract: v.optional(text(L.longText)),
  notes: v.optional(text(L.longText)),
  affiliationTags: v.optional(texts(L.maxListItems, L.shortText)),
  sources: v.optional(texts(L.maxListItems, L.idText)),
  groupAuthors: v.optional(texts(L.maxListItems, L.shortText)),
  documentType: optionalText,
  citations: v.optional(num({ integer: true, min: 0, max: 1e9 })),
  ids: v.optional(record({ wos: optionalText, scopus: optionalText, pmid: optionalText, openalex: optionalText })),
});

export const aliasesSchema = list(record({ from: text(L.shortText, 1), to: text(L.shortText, 1), reason: v.optional(text(L.idText)) }), L.maxAliases);

const profileNumber = v.optional(num());
const profileSchema = record({
  name: text(L.shortText),
  category: optionalText,
  sourceNote: v.optional(text(L.longText)),
  hIndex: profileNumber,
  papers: profileNumber,
  citations: profileNumber,
  noveltyPercent: profileNumber,
  aiScore: profileNumber,
});

/** No two papers share an id. */
const uniqueIds = <T extends { id: string }[]>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const ids = new Set<string>();
    dataset.value.forEach((p, i) => {
      const id = p.id;
      if (ids.has(id)) addIssue({ message: `duplicate paper id "${id.slice(0, 80)}"`, path: [step(dataset.value, i, 'array'), step(p, 'id')] });
      ids.add(id);
    });
  });

const paperListSchema = list(paperSchema, L.maxPapers);

export const datasetSchema = record({
  id: text(L.idText, 1),
  title: text(L.shortText),
  description: v.optional(text(L.longText)),
  owner: optionalText,
  profile: v.optional(profileSchema),
  sourceNotes: v.optional(texts(L.maxListItems, L.longText)),
  aliases: aliasesSchema,
  papers: v.pipe(paperListSchema, uniqueIds<v.InferOutput<typeof paperListSchema>>()),
});

// ---- the loose shapes the dataset store checks its records with (extra fields allowed, lengths not checked) ----

/** A stored paper has a string id and title and a list of authors. */
export const storedPaperShape = v.looseObject({ id: v.string(), title: v.string(), authors: v.array(v.unknown()) });
/** A stored author has a name. */
export const storedAuthorShape = v.looseObject({ name: v.string() });
