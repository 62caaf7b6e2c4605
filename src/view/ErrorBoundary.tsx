import { Component, type ErrorInfo, type ReactNode } from 'react';
import { exportStoredDatasets } from '../store/datasetStore';

interface Props {
  children: ReactNode;
  /**
   * The data shown when the error happened (e.g. the current dataset), for "Export the data". Without it, or when
   * it fails, the export is every dataset kept in this browser (IndexedDB).
   */
  getData?: () => unknown;
}

interface State {
  error: Error | null;
  /** What the last export did, in words. */
  exportNote: string | null;
  exporting: boolean;
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The data handed in by `getData`, as JSON; null when there is none or it cannot be written. */
function currentData(getData: Props['getData']): string | null {
  if (!getData) return null;
  try {
    const data = getData();
    if (data === undefined || data === null) return null;
    return JSON.stringify({ format: 'coauthor-atlas-rescue', version: 1, exportedAt: new Date().toISOString(), source: 'shown', data }, null, 1);
  } catch {
    return null;
  }
}

/** A rendering error shows a recoverable message, never a blank page, with a way to save the data first. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, exportNote: null, exporting: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)), exportNote: null };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn('Rendering error caught by the error boundary:', error, info.componentStack);
  }

  private exportData = async () => {
    this.setState({ exporting: true, exportNote: null });
    let note: string;
    try {
      const shown = currentData(this.props.getData);
      if (shown) {
        download(`coauthor-atlas-data-${stamp()}.json`, shown);
        note = 'The data shown was downloaded as a JSON file.';
      } else {
        const { datasets, damaged } = await exportStoredDatasets();
        if (!datasets.length && !damaged.length) {
          note = 'There is nothing to export: no dataset is kept in this browser (the embedded profile is always available).';
        } else {
          const json = JSON.stringify(
            { format: 'coauthor-atlas-rescue', version: 1, exportedAt: new Date().toISOString(), source: 'stored', datasets, damaged },
            null,
            1,
          );
          download(`coauthor-atlas-datasets-${stamp()}.json`, json);
          note = `${datasets.length} stored dataset${datasets.length === 1 ? '' : 's'}${damaged.length ? ` and ${damaged.length} damaged record${damaged.length === 1 ? '' : 's'}` : ''} downloaded as one JSON file.`;
        }
      }
    } catch (e) {
      note = `The export failed: ${(e as Error)?.message ?? String(e)}`;
    }
    this.setState({ exporting: false, exportNote: note });
  };

  render() {
    const { error, exportNote, exporting } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="fatal">
        <h1>Something went wrong while drawing the network</h1>
        <p>{String(error.message).slice(0, 500)}</p>
        <p>Your stored data is unchanged. You can export it, try again, or go back to the embedded profile.</p>
        <button type="button" onClick={() => void this.exportData()} disabled={exporting}>
          Export the data
        </button>{' '}
        <button type="button" onClick={() => this.setState({ error: null, exportNote: null })}>
          Try again
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            window.location.href = window.location.pathname;
          }}
        >
          Open the embedded profile
        </button>
        {exportNote && <p role="status">{exportNote}</p>}
      </div>
    );
  }
}
