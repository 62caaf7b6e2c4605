// Entry of a layout worker thread: the worker itself is TypeScript (layout-worker.ts), loaded through tsx as the CLI is.
import { register } from 'tsx/esm/api';

register();
await import('./layout-worker.ts');
