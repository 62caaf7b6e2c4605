// The DOM-free writer of graphology-gexf, imported directly so the DOM-bound parser never loads.
declare module 'graphology-gexf/common/writer.js' {
  import type { write } from 'graphology-gexf/node';
  const writer: typeof write;
  export default writer;
}
