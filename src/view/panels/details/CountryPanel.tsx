import { countryCollaboration } from '../../../metrics/countryMap';
import type { DetailsPanelProps } from './props';
import { AuthorLinks } from './AuthorLinks';

/** A country chosen on the world map: its papers and its authors (those the graph draws are highlighted). */
export function CountryPanel({ code, index, onSelect }: DetailsPanelProps & { code: string }) {
  const country = countryCollaboration(index.dataset).countries.find((c) => c.code === code);
  if (!country) return null;
  const members = country.authors
    .map((k) => index.author(k))
    .filter((a) => a !== undefined)
    .sort((a, b) => b.paperIds.length - a.paperIds.length || a.label.localeCompare(b.label));
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{country.name}</h2>
      <p>
        {country.papers} {country.papers === 1 ? 'paper' : 'papers'} with authors from here ({country.singleCountry} single-country, {country.multiCountry} with
        other countries); {members.length} {members.length === 1 ? 'author' : 'authors'}.
      </p>
      <AuthorLinks authors={members} onSelect={onSelect} />
    </section>
  );
}
