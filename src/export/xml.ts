/** Characters that XML 1.0 forbids anywhere, even escaped. */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that cannot appear in an XML document. */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return stripInvalidXml(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Escapes text for element content (newlines kept as is). */
export function escapeXmlText(text: string): string {
  return stripInvalidXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Number formatting for XML/JSON output: finite, no exponent noise for typical values. */
export function num(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return '0';
  const r = Number(n.toFixed(digits));
  return Object.is(r, -0) ? '0' : String(r);
}

/** Separator used when a list attribute is written as one string (GEXF/GraphML/CSV). */
export const LIST_SEPARATOR = '|';

/** Joins with '|'; a '|' or '\\' inside an item is escaped with '\\' so splitList gives the items back. */
export function joinList(values: readonly string[] | undefined): string {
  return (values ?? []).map((v) => v.replace(/[\\|]/g, (c) => `\\${c}`)).join(LIST_SEPARATOR);
}

/** Inverse of joinList. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) cur += text[++i];
    else if (c === LIST_SEPARATOR) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}
