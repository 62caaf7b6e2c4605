/** Outgoing links: only http(s) web addresses, never javascript:, data:, blob:, file: or anything relative. */

const MAX_URL = 2_048;

/** The URL as a string when it is an absolute http(s) address without credentials; otherwise null. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (!raw || raw.length > MAX_URL) return null;
  // Control and bidi/zero-width characters have no place in a link and hide what it points to.
  if (/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\s]/.test(raw)) return null; // eslint-disable-line no-control-regex
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}

/** True for http(s) links to arXiv or doi.org (the only targets the paper panel builds). */
export function isScholarlyLink(value: unknown): boolean {
  const href = safeHttpUrl(value);
  if (!href) return false;
  const host = new URL(href).hostname.toLowerCase();
  return host === 'arxiv.org' || host.endsWith('.arxiv.org') || host === 'doi.org' || host === 'dx.doi.org';
}
