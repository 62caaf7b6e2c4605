import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/security/csp.ts';

/**
 * Build only: a Content-Security-Policy <meta> (no inline script, no eval; see src/security/csp.ts). It is the
 * baseline: at boot src/security/connectPolicy.ts adds a second policy narrowing connect-src (only where this one is).
 * The dev server is left alone: its hot reload injects inline scripts.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'atlas-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // ATLAS_NO_CSP=1 builds without it, to tell a policy problem from another one.
      handler: () =>
        process.env.ATLAS_NO_CSP
          ? []
          : [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() }, injectTo: 'head-prepend' }],
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  server: { port: 5173, strictPort: false },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
