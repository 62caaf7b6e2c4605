import type { Dataset } from '../../model/types';

type Profile = NonNullable<Dataset['profile']>;

/** What each figure of a profile's header means, as far as anyone can say. */
const DEFINITIONS = {
  hIndex: 'h-index as the profile page reports it: h papers cited at least h times each.',
  papers: 'Papers the profile page lists for this author.',
  citations: 'Citations the profile page reports, summed over the papers it lists.',
  novelty:
    'Novelty: a percentage the profile page reports. The page does not say how it is computed; Coauthor Atlas shows it as given and does not recompute it.',
  aiScore: 'AI score: a score the profile page reports. The page does not say how it is computed; Coauthor Atlas shows it as given and does not recompute it.',
};

/** The profile page's header figures, each with its definition (title, and a note for the undefined ones). */
export function ProfileStats({ profile }: { profile: Profile }) {
  const stats: { id: keyof typeof DEFINITIONS; label: string; value: string }[] = [];
  if (profile.hIndex !== undefined) stats.push({ id: 'hIndex', label: 'h-index', value: String(profile.hIndex) });
  if (profile.papers !== undefined) stats.push({ id: 'papers', label: 'papers', value: String(profile.papers) });
  if (profile.citations !== undefined) stats.push({ id: 'citations', label: 'citations', value: profile.citations.toLocaleString('en-US') });
  if (profile.noveltyPercent !== undefined) stats.push({ id: 'novelty', label: 'novelty', value: `${profile.noveltyPercent}%` });
  if (profile.aiScore !== undefined) stats.push({ id: 'aiScore', label: 'AI score', value: String(profile.aiScore) });
  const unexplained = stats.some((s) => s.id === 'novelty' || s.id === 'aiScore');
  return (
    <>
      <dl className="stats">
        {stats.map((s) => (
          <div key={s.id} title={DEFINITIONS[s.id]} aria-describedby={s.id === 'novelty' || s.id === 'aiScore' ? 'profile-stats-note' : undefined}>
            <dt>
              {s.label}
              {(s.id === 'novelty' || s.id === 'aiScore') && <sup aria-hidden="true">*</sup>}
            </dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      {unexplained && (
        <p id="profile-stats-note" className="muted small">
          * Novelty and AI score are the profile page’s own figures: the page does not define them, so they are shown as given and not recomputed here.
        </p>
      )}
    </>
  );
}
