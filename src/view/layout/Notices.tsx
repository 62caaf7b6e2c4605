/** Notices that float over the top of the graph: a selection the data does not have, and the last message. */
export function Notices(props: {
  problem: string | null;
  onDismissProblem: () => void;
  message: { text: string; kind: 'info' | 'error' } | null;
  onDismissMessage: () => void;
}) {
  const { problem, message } = props;
  return (
    <div className="notices">
      {problem && (
        <div role="alert" className="notice">
          {problem} Showing the overview instead.{' '}
          <button type="button" className="link" onClick={props.onDismissProblem}>
            Dismiss
          </button>
        </div>
      )}
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={`notice ${message.kind}`}>
          {message.text}{' '}
          <button type="button" className="link" onClick={props.onDismissMessage}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
