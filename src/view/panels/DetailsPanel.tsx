import { useEffect, useRef, useState } from 'react';
import { authorNodeId } from '../../graph/types';
import { ProfileCard } from './ProfileCard';
import { NARROW_WORKSPACE, useMediaQuery } from '../layout/useMediaQuery';
import type { DetailsPanelProps } from './details/props';
import { AuthorPanel } from './details/AuthorPanel';
import { PairPanel } from './details/PairPanel';
import { PaperPanel } from './details/PaperPanel';
import { ClusterPanel } from './details/ClusterPanel';
import { AffiliationPanel } from './details/AffiliationPanel';
import { CountryPanel } from './details/CountryPanel';
import { NodeAttributesPanel } from './details/NodeAttributesPanel';

export type { DetailsPanelProps } from './details/props';

export function DetailsPanel(props: DetailsPanelProps) {
  const { selection } = props;
  // On narrow windows the panel is a bottom sheet over the graph: folded to its heading, opened by its handle
  // or by a new selection.
  const narrow = useMediaQuery(NARROW_WORKSPACE);
  const [sheetOpen, setSheetOpen] = useState(false);
  const selectionKey = JSON.stringify(selection);
  const [shownKey, setShownKey] = useState(selectionKey);
  if (shownKey !== selectionKey) {
    setShownKey(selectionKey);
    if (selection) setSheetOpen(true);
  }
  // A new selection starts at its heading, wherever the previous one was scrolled to (a long coauthor list).
  const aside = useRef<HTMLElement>(null);
  useEffect(() => {
    aside.current?.scrollTo({ top: 0 });
  }, [selectionKey]);
  const folded = narrow && !sheetOpen;
  return (
    <aside ref={aside} aria-label="Details" className={`details${sheetOpen ? ' sheet-open' : ''}`}>
      <button type="button" className="sheet-handle" aria-expanded={sheetOpen} onClick={() => setSheetOpen((o) => !o)}>
        {sheetOpen ? 'Hide details' : 'Show details'}
      </button>
      <div className="details-body" inert={folded}>
        <DetailsContent {...props} />
      </div>
    </aside>
  );
}

function DetailsContent(props: DetailsPanelProps) {
  const { selection, onSelect } = props;
  return (
    <>
      {selection && (
        <button type="button" className="link back" onClick={() => onSelect(null)} title="Back to the profile (Esc)">
          ← Profile and clusters
        </button>
      )}
      {!selection && <ProfileCard {...props} />}
      {selection?.kind === 'author' &&
        (props.index.author(selection.key) ? (
          <AuthorPanel authorKey={selection.key} {...props} />
        ) : (
          <NodeAttributesPanel node={authorNodeId(selection.key)} {...props} />
        ))}
      {selection?.kind === 'pair' && <PairPanel a={selection.a} b={selection.b} {...props} />}
      {selection?.kind === 'paper' && <PaperPanel paperId={selection.id} {...props} />}
      {selection?.kind === 'cluster' && <ClusterPanel community={selection.community} {...props} />}
      {selection?.kind === 'affiliation' && <AffiliationPanel node={selection.node} {...props} />}
      {selection?.kind === 'country' && <CountryPanel code={selection.code} {...props} />}
    </>
  );
}
