/**
 * World map of country collaboration: countries shaded by papers, great-circle lines between countries that share
 * papers (width by shared papers). d3-geo draws world-atlas's TopoJSON, bundled by Vite (its own chunk, loaded when
 * the map first opens): no tiles, no network. A country with papers is a button: click or Enter selects its authors.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { geoCentroid, geoNaturalEarth1, geoPath, interpolateYlGnBu, scaleLinear, scaleSequentialLog } from 'd3';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Theme } from '../../graph/palette';
import type { CountryCollaboration, CountryNode } from '../../metrics/countryMap';

const W = 720;
const H = 370;

type CountryFeature = Feature<Geometry, { name: string }>;

/** The 1:50m countries (Singapore, Hong Kong, Malta… are too small for 1:110m), loaded once. */
let atlas: Promise<CountryFeature[]> | null = null;
function loadAtlas(): Promise<CountryFeature[]> {
  atlas ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = m.default as unknown as Topology;
    return (feature(topo, topo.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>).features;
  });
  return atlas;
}

/** ColorBrewer's YlGnBu (colour-blind-safe, monotone in lightness): more papers, darker blue. */
const shade = (max: number) =>
  scaleSequentialLog((t) => interpolateYlGnBu(0.25 + t * 0.75))
    .domain([1, Math.max(2, max)])
    .clamp(true);

export interface CountryMapProps {
  data: CountryCollaboration;
  theme: Theme;
  onChoose: (country: CountryNode) => void;
}

export function CountryMap({ data, theme, onChoose }: CountryMapProps) {
  const [features, setFeatures] = useState<CountryFeature[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadAtlas().then(
      (f) => live && setFeatures(f),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const byNumeric = useMemo(() => new Map(data.countries.map((c) => [c.numeric, c])), [data]);
  const drawn = useMemo(() => {
    if (!features) return null;
    const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
    const path = geoPath(projection);
    // One path per country: several features can share an id (Australia and its islands).
    const shapes = new Map<string, { d: string; geo: CountryFeature[] }>();
    features.forEach((f, i) => {
      const id = f.id === undefined ? `x${i}` : String(f.id);
      const s = shapes.get(id) ?? { d: '', geo: [] };
      s.d += path(f) ?? '';
      s.geo.push(f);
      shapes.set(id, s);
    });
    const centre = new Map<string, [number, number]>();
    for (const c of data.countries) {
      const s = shapes.get(c.numeric);
      // The largest feature of the country holds its centroid (not the sea between mainland and islands).
      const main = s?.geo.reduce((a, b) => (path.area(b) > path.area(a) ? b : a));
      centre.set(c.code, main ? geoCentroid(main) : [0, 0]);
    }
    const codes = new Map(data.countries.map((c) => [c.code, c]));
    const links = data.links
      .filter((l) => shapes.has(codes.get(l.a)!.numeric) && shapes.has(codes.get(l.b)!.numeric))
      .map((l) => ({ ...l, d: path({ type: 'LineString', coordinates: [centre.get(l.a)!, centre.get(l.b)!] }) ?? '' }));
    return { sphere: path({ type: 'Sphere' }) ?? '', shapes: [...shapes], links };
  }, [features, data]);

  if (failed) return <p className="muted small">The world map could not be loaded.</p>;
  if (!drawn) return <p role="status">Drawing the map…</p>;

  const maxPapers = data.countries[0]?.papers ?? 1;
  const fill = shade(maxPapers);
  const maxLink = data.links[0]?.papers ?? 1;
  const width = scaleLinear()
    .domain([1, Math.max(2, maxLink)])
    .range([0.8, 5])
    .clamp(true);
  const dark = theme === 'dark';
  const linkColour = dark ? '#ffb454' : '#b34700';
  const mapped = data.countries.filter((c) => drawn.shapes.some(([id]) => id === c.numeric));
  const onKey = (c: CountryNode) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onChoose(c);
  };

  return (
    <figure className="country-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`World map: ${mapped.length} countries with papers`} className="country-map-svg">
        <path d={drawn.sphere} className="country-map-sea" />
        {drawn.shapes.map(([id, s]) => {
          const c = byNumeric.get(id);
          if (!c) return <path key={id} d={s.d} className="country-map-land" aria-hidden="true" />;
          return (
            <path
              key={id}
              d={s.d}
              fill={fill(c.papers)}
              className="country-map-country"
              data-country={c.code}
              role="button"
              tabIndex={0}
              aria-label={`${c.name}: ${c.papers} papers, ${c.authors.length} authors. Select its authors`}
              onClick={() => onChoose(c)}
              onKeyDown={onKey(c)}
            >
              <title>{`${c.name}: ${c.papers} papers (${c.singleCountry} single-country, ${c.multiCountry} multiple-country)`}</title>
            </path>
          );
        })}
        <g className="country-map-links" aria-hidden="true" stroke={linkColour} fill="none">
          {drawn.links.map((l) => (
            <path key={`${l.a}|${l.b}`} d={l.d} strokeWidth={width(l.papers)} data-link={`${l.a}|${l.b}`} data-papers={l.papers}>
              <title>{`${l.a}–${l.b}: ${l.papers} shared papers`}</title>
            </path>
          ))}
        </g>
      </svg>
      <figcaption className="muted small">
        <span className="country-map-ramp" style={{ background: `linear-gradient(to right, ${fill(1)}, ${fill(Math.max(2, maxPapers))})` }} /> 1 – {maxPapers}{' '}
        papers · lines: papers shared by two countries (up to {maxLink}) · click or press Enter on a country to select its authors in the graph.
        {data.unrecognised.length > 0 && ` Not on the map: ${data.unrecognised.length} country fields we could not read (e.g. “${data.unrecognised[0].text}”).`}
      </figcaption>
    </figure>
  );
}
