/**
 * The Content-Security-Policy of the built app (injected as a <meta> by vite.config.ts at build time only:
 * the dev server needs inline scripts and eval for hot reload).
 *
 * - script-src 'self': no inline script, no eval, no script from elsewhere.
 * - worker-src 'self' blob:: the app's own module workers, and graphology's ForceAtlas2 worker,
 *   which is built from a Blob URL.
 * - connect-src 'self' https: http:: the baseline only. "Open from a link" (?file=) downloads whatever http(s)
 *   address the user gives, which a static policy cannot know. At boot, before anything is fetched,
 *   connectPolicy.ts adds a second policy, `connect-src 'self' https://api.openalex.org` plus the origin of the
 *   page's ?file= link (and of the test-only OpenAlex base override). The page enforces both, so reads go only
 *   there; a link to another origin opened later reopens the page at ?file=<link> (src/app/openFromUrl.ts).
 * - style-src 'self' 'unsafe-inline': React and sigma set inline styles; styles cannot run code.
 * - img-src data: blob:: PNG/SVG export previews and downloads.
 * - object-src, base-uri, form-action: none.
 * A <meta> policy cannot set frame-ancestors, report-uri or sandbox: send those as HTTP headers when hosting.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'https:', 'http:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function contentSecurityPolicy(directives: Record<string, string[]> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}
