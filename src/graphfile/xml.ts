import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A small, DOM-free element tree. `name` is the local name (no prefix), lower-cased. */
export interface XmlElement {
  name: string;
  /** Attribute values by local name (prefix dropped, original case kept; xmlns declarations omitted). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated direct text (and CDATA) content. */
  text: string;
}

export const MAX_XML_CHARS = 100_000_000;

type FxpNode = Record<string, unknown>;

/** Parses XML text into an element tree; throws with a line number when the XML is malformed. */
export function parseXml(text: string): XmlElement {
  if (text.length > MAX_XML_CHARS) throw new Error(`file larger than ${MAX_XML_CHARS} characters`);
  const src = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(src);
  if (valid !== true) throw new Error(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: false,
  });
  const top = parser.parse(src) as FxpNode[];
  const roots = top.map(convert).filter((e): e is XmlElement => e !== null);
  if (roots.length !== 1) throw new Error('XML has no single root element');
  return roots[0];
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

function convert(node: FxpNode): XmlElement | null {
  const tag = Object.keys(node).find((k) => k !== ':@');
  if (!tag || tag === '#text' || tag.startsWith('?') || tag.startsWith('!')) return null;
  const attrs: Record<string, string> = Object.create(null);
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    attrs[localName(k)] = String(v);
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[tag] ?? []) as FxpNode[]) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const el = convert(child);
      if (el) children.push(el);
    }
  }
  return { name: localName(tag).toLowerCase(), attrs, children, text };
}

/** Parses a graph file and checks its root element: the document, or the error to report. */
export function parseRoot(text: string, rootName: string): { root: XmlElement } | { error: string } {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (e) {
    return { error: (e as Error).message };
  }
  return root.name === rootName ? { root } : { error: `root element is <${root.name}>, not <${rootName}>` };
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** First descendant (depth-first) with this name. */
export function descendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

/** All text inside an element, children included. */
export function deepText(el: XmlElement): string {
  return el.text + el.children.map(deepText).join('');
}
