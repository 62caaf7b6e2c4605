/** The level-of-detail bar over a big graph: the overview, one cluster or the whole graph, and the way back. */
export function LevelOfDetailBar(props: {
  drill: string | null;
  /** How many authors the whole graph has (the overview says why it shows clusters instead). */
  totalNodes: number;
  /** How many nodes the opened cluster draws. */
  shownNodes: number;
  /** A field folder's cluster being read. */
  loading: boolean;
  /** A field folder, or a graph whose edges are kept apart, cannot draw the whole graph. */
  canShowAll: boolean;
  onDrill: (drill: string | null) => void;
}) {
  const { drill, onDrill } = props;
  return (
    <div className="lod-bar" role="status">
      {drill === null ? (
        <>
          Overview: {props.totalNodes.toLocaleString('en-US')} nodes are too many to draw at once, so each node here is a cluster. Click one to open it, or
          search an author.
        </>
      ) : (
        <>
          {drill === 'all'
            ? 'The whole graph'
            : props.loading
              ? `Reading cluster ${Number(drill) + 1}…`
              : `Cluster ${Number(drill) + 1}: ${props.shownNodes.toLocaleString('en-US')} nodes`}{' '}
          <button type="button" className="link" onClick={() => onDrill(null)}>
            ← Overview
          </button>
        </>
      )}{' '}
      {drill !== 'all' && props.canShowAll && (
        <button type="button" className="link" onClick={() => onDrill('all')}>
          Show the whole graph (slow)
        </button>
      )}
    </div>
  );
}
