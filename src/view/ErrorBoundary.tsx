import { Component, type ReactNode } from 'react';

/** A rendering error shows a recoverable message, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="fatal">
        <h1>Something went wrong while drawing the network</h1>
        <p>{this.state.error.message}</p>
        <p>Your data is unchanged. You can try again or go back to the embedded profile.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>{' '}
        <button type="button" onClick={() => { window.location.href = window.location.pathname; }}>Open the embedded profile</button>
      </div>
    );
  }
}
