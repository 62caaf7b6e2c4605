import { countryCollaboration } from '../../../metrics/countryMap';
import { show } from '../common';
import type { DetailsPanelProps } from './props';

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
      <ul className="plain">
        {members.slice(0, 500).map((a) => (
          <li key={a.key}>
            <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
              {show.name(a.label)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
