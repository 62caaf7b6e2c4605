/** The live OpenAlex API (read by the importers and allowed by the page's network policy, src/security). */
export const OPENALEX_BASE = 'https://api.openalex.org';
