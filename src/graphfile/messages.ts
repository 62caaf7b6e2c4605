/** Most messages of one kind a reader keeps; the rest are counted (10M bad records must not make 10M strings). */
export const MAX_MESSAGES = 100;

/** Errors or warnings of a graph file: the first MAX_MESSAGES kept, the others counted. */
export class MessageList {
  private readonly kept: string[] = [];
  private dropped = 0;

  constructor(private readonly max = MAX_MESSAGES) {}

  push(message: string): void {
    if (this.kept.length < this.max) this.kept.push(message);
    else this.dropped += 1;
  }

  /** Every message pushed, kept or not. */
  get count(): number {
    return this.kept.length + this.dropped;
  }

  /** The kept messages, and a last line counting the others. */
  list(): string[] {
    return this.dropped ? [...this.kept, `… and ${this.dropped.toLocaleString('en-US')} more`] : [...this.kept];
  }
}
