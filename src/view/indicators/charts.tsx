/** The two SVG charts (d3 scales, React-drawn): annual production bars and Lotka's observed vs fitted shares. */
import { scaleBand, scaleLinear, scaleLog } from 'd3';
import { OKABE_ITO, type Theme } from '../../graph/palette';
import type { AnnualProduction, Lotka, LotkaPoint } from '../../metrics';

const W = 560;
const H = 230;
const M = { top: 12, right: 16, bottom: 44, left: 52 };

/** Okabe–Ito blue (sky blue on dark) for data, vermillion (orange on dark) for the fit. */
export const chartColours = (theme: Theme) => ({ data: theme === 'dark' ? OKABE_ITO[4] : OKABE_ITO[0], fit: theme === 'dark' ? OKABE_ITO[1] : OKABE_ITO[5] });

function AxisLabels({ x, y }: { x: string; y: string }) {
  return (
    <>
      <text className="ind-axis-label" x={M.left + (W - M.left - M.right) / 2} y={H - 6} textAnchor="middle">
        {x}
      </text>
      <text className="ind-axis-label" transform={`translate(14 ${M.top + (H - M.top - M.bottom) / 2}) rotate(-90)`} textAnchor="middle">
        {y}
      </text>
    </>
  );
}

/** Integer ticks only (counts). */
const countTicks = (max: number) => scaleLinear().domain([0, max]).ticks(Math.min(5, max)).filter(Number.isInteger);

export function AnnualChart({ annual, theme }: { annual: AnnualProduction; theme: Theme }) {
  const { years } = annual;
  if (!years.length) return <p className="muted small">No paper has a year.</p>;
  const first = years[0].year,
    last = years[years.length - 1].year;
  const all = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(...years.map((y) => y.papers));
  const x = scaleBand<number>()
    .domain(all)
    .range([M.left, W - M.right])
    .padding(0.15);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([H - M.bottom, M.top]);
  const every = Math.ceil(all.length / 12);
  const barWidth = Math.min(x.bandwidth(), 56);
  const colour = chartColours(theme).data;
  return (
    <svg className="ind-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="ind-annual-title">
      <title id="ind-annual-title">{`Papers per year, ${first} to ${last}: ${years.map((d) => `${d.year}: ${d.papers}`).join(', ')}`}</title>
      {countTicks(y.domain()[1]).map((t) => (
        <g key={t} className="ind-tick">
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      {years.map((d) => (
        <rect
          key={d.year}
          className="ind-bar"
          data-year={d.year}
          x={x(d.year)! + (x.bandwidth() - barWidth) / 2}
          width={barWidth}
          y={y(d.papers)}
          height={y(0) - y(d.papers)}
          fill={colour}
        >
          <title>{`${d.year}: ${d.papers} paper${d.papers === 1 ? '' : 's'}`}</title>
        </rect>
      ))}
      <line className="ind-axis" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
      {all
        .filter((_, i) => i % every === 0)
        .map((year) => (
          <text key={year} className="ind-tick" x={x(year)! + x.bandwidth() / 2} y={H - M.bottom + 16} textAnchor="middle">
            {year}
          </text>
        ))}
      <AxisLabels x="Year" y="Papers" />
    </svg>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pointTitle = (p: LotkaPoint) =>
  `${plural(p.papers, 'paper')}: ${plural(p.authors, 'author')} (${(p.share * 100).toFixed(1)}%)` +
  (p.fitted === null ? '' : `, fitted ${(p.fitted * 100).toFixed(1)}%`);

/** Log–log: the power law is a straight line there. */
export function LotkaChart({ lotka, theme }: { lotka: Lotka; theme: Theme }) {
  const { points, fit } = lotka;
  if (!points.length) return <p className="muted small">No author to count.</p>;
  const maxX = points[points.length - 1].papers;
  const shares = points.map((p) => p.share).concat(fit ? [fit.constant, fit.constant / maxX ** fit.exponent] : []);
  const x = scaleLog()
    .domain([1, Math.max(2, maxX)])
    .range([M.left + 10, W - M.right - 10]);
  const y = scaleLog()
    .domain([Math.min(...shares) / 1.5, Math.max(1, ...shares)])
    .range([H - M.bottom, M.top]);
  const { data, fit: fitColour } = chartColours(theme);
  const xTicks = x.ticks().filter((t) => [1, 2, 5].includes(Number(String(t)[0])) && Number.isInteger(t));
  const yTicks = y.ticks().filter((t) => String(t).replace(/^0\.0*/, '')[0] === '1');
  const fitPath = fit ? `M${x(1)},${y(fit.constant)}L${x(Math.max(2, maxX))},${y(fit.constant / Math.max(2, maxX) ** fit.exponent)}` : '';
  return (
    <svg className="ind-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="ind-lotka-title">
      <title id="ind-lotka-title">
        {`Share of authors by number of papers, observed${fit ? ` and fitted C / x^n with n = ${fit.exponent.toFixed(2)}` : ''}`}
      </title>
      {yTicks.map((t) => (
        <g key={t} className="ind-tick">
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {t >= 0.01 ? `${Math.round(t * 100)}%` : `${+(t * 100).toPrecision(1)}%`}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={t} className="ind-tick" x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
          {t}
        </text>
      ))}
      <line className="ind-axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
      {fit && <path className="ind-fit" d={fitPath} stroke={fitColour} strokeDasharray="6 4" fill="none" strokeWidth={2} />}
      {points.map((p) => (
        <circle key={p.papers} className="ind-point" cx={x(p.papers)} cy={y(p.share)} r={4} fill={data}>
          <title>{pointTitle(p)}</title>
        </circle>
      ))}
      <g className="ind-legend" transform={`translate(${W - M.right - 150} ${M.top + 6})`}>
        <circle cx={6} cy={0} r={4} fill={data} />
        <text x={16} y={0} dy="0.32em">
          observed
        </text>
        {fit && (
          <>
            <line x1={0} x2={14} y1={16} y2={16} stroke={fitColour} strokeDasharray="6 4" strokeWidth={2} />
            <text x={20} y={16} dy="0.32em">
              fitted C / xⁿ
            </text>
          </>
        )}
      </g>
      <AxisLabels x="Papers per author (log)" y="Share of authors (log)" />
    </svg>
  );
}
