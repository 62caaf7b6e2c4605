import { useAtlas } from '../../app/context';
import { AUTO_LINES, type MaxLines } from '../../lenses/drawnLines';

const TITLE =
  'How many links are drawn, as VOSviewer’s Max. lines: the strongest ones (by the normalised strength when a normalisation is on). ' +
  `Auto draws every link of a graph of up to ${AUTO_LINES.toLocaleString('en-US')} and the strongest ${AUTO_LINES.toLocaleString('en-US')} of a bigger one. ` +
  'Counts, tables and the layout keep every link; hovering an author draws all of theirs.';
const CHOICES = [500, 1000, 2000, 5000, 10_000, 50_000];

/** VOSviewer's "Max. lines": how many of the strongest links the graph draws. */
export function LinesSelect() {
  const { lens, setLens } = useAtlas();
  const value = lens.maxLines === undefined ? 'auto' : String(lens.maxLines);
  const numbers = typeof lens.maxLines === 'number' && !CHOICES.includes(lens.maxLines) ? [...CHOICES, lens.maxLines].sort((a, b) => a - b) : CHOICES;
  return (
    <label title={TITLE}>
      Lines
      <select
        aria-label="Lines drawn"
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          const maxLines: MaxLines | undefined = v === 'auto' ? undefined : v === 'all' ? 'all' : Number(v);
          setLens({ ...lens, maxLines });
        }}
      >
        <option value="auto">auto</option>
        {numbers.map((n) => (
          <option key={n} value={String(n)}>
            strongest {n.toLocaleString('en-US')}
          </option>
        ))}
        <option value="all">all</option>
      </select>
    </label>
  );
}
