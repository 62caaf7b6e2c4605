/**
 * Network reads, narrowed at boot. The build's Content-Security-Policy (csp.ts, a <meta> in index.html) allows
 * `connect-src 'self' https: http:` because "Open from a link" fetches whatever address the user gives. Before the
 * app fetches anything, `installConnectPolicy` adds a SECOND policy whose only directive narrows that to
 *
 *   'self' https://api.openalex.org [the origin of ?file=<url>] [the origin of the test-only OpenAlex base override]
 *
 * A page enforces every policy it carries, so a second one can only take permissions away: script, worker and the
 * rest stay as the first policy says. A policy cannot be loosened once it is in force, so a link to another origin
 * opened later (the Open link box, a dropped link) reopens the page at `?file=<url>`, whose boot policy allows it:
 * see `connectAllowed` and `reopenAtLink` (src/app/openFromUrl.ts).
 *
 * The policy is only added where the build put the first one (not under the dev server, nor with ATLAS_NO_CSP=1).
 * A redirect to another origin is checked against the policy too: a link that redirects elsewhere is refused.
 */

import { OPENALEX_BASE } from '../model/endpoints';

/** The live OpenAlex API's origin. */
export const OPENALEX_ORIGIN = new URL(OPENALEX_BASE).origin;
/**
 * Test-only override of the OpenAlex API's base URL (the e2e replay server sets it with `page.addInitScript`).
 * Only http(s) URLs are honoured; anything else means the real API.
 */
export const OPENALEX_BASE_OVERRIDE_KEY = 'coauthor-atlas:openalex-base';

/** The OpenAlex base the live search uses: the override when it is an http(s) URL, else the real API. */
export function openAlexBase(override: string | null): string {
  const v = override?.trim() ?? '';
  return /^https?:\/\/\S+$/i.test(v) ? v : OPENALEX_BASE;
}

/** The override as stored (null when unset or storage is unavailable). */
export function readOpenAlexOverride(): string | null {
  try {
    return localStorage.getItem(OPENALEX_BASE_OVERRIDE_KEY);
  } catch {
    return null;
  }
}

/** http(s) origins with a plain DNS name or IPv4 host: nothing that could end a CSP source expression. */
const SAFE_ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

/** The origin of an absolute or page-relative http(s) address, when it can stand in a CSP source list; else null. */
export function originForPolicy(address: string, pageHref: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim(), pageHref);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const origin = url.origin.toLowerCase();
  return SAFE_ORIGIN.test(origin) ? origin : null;
}

/**
 * The origins the page may read from, beyond 'self': the OpenAlex API, the `?file=` link's origin, and the
 * OpenAlex base override's (http(s) only, as OpenAlexTab honours it). Pure, for tests.
 */
export function connectOrigins(pageHref: string, openAlexOverride: string | null): string[] {
  const page = new URL(pageHref);
  const out = new Set<string>([OPENALEX_ORIGIN]);
  const file = page.searchParams.get('file');
  const fileOrigin = file ? originForPolicy(file, pageHref) : null;
  if (fileOrigin) out.add(fileOrigin);
  const openAlex = originForPolicy(openAlexBase(openAlexOverride), pageHref);
  if (openAlex) out.add(openAlex);
  out.delete(page.origin);
  return [...out];
}

/** The second policy's text. */
export function connectPolicyText(origins: string[]): string {
  return `connect-src 'self' ${origins.join(' ')}`.trim();
}

/** The origins allowed by the policy installed at boot (with the page's own); null when none was installed. */
let allowed: Set<string> | null = null;

/** Adds the narrowing policy to the page. Call once, before anything is fetched (first import of src/main.tsx). */
export function installConnectPolicy(doc: Document = document, loc: Location = window.location): void {
  if (allowed) return;
  if (!doc.querySelector('meta[http-equiv="Content-Security-Policy"]')) return;
  const origins = connectOrigins(loc.href, readOpenAlexOverride());
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = connectPolicyText(origins);
  doc.head.append(meta);
  allowed = new Set([new URL(loc.href).origin, ...origins]);
}

/** May the page fetch `address` under the policy installed at boot? True when no policy was installed. */
export function connectAllowed(address: string, pageHref: string = window.location.href): boolean {
  if (!allowed) return true;
  let url: URL;
  try {
    url = new URL(address.trim(), pageHref);
  } catch {
    return false;
  }
  return allowed.has(url.origin.toLowerCase());
}
