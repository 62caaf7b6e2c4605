/** Shapes shared by the ACL Anthology reader's parts. */
import type { ParseResult } from '../types';

export interface AclFile {
  name?: string;
  text: string;
}

/** ParseResult plus each paper's author names as the XML splits them (paper id → [{first, last}]). */
export interface AclParseResult extends ParseResult {
  authorParts: Map<string, AclPersonName[]>;
}

/**
 * How XML is read: 'auto' takes the fast scanner for files it can read and saxes for the others;
 * 'reference' reads everything with saxes (slower; the same result, which scripts/check-acl-parser.ts checks).
 */
export type AclReader = 'auto' | 'reference';

export interface AclPersonName {
  first?: string;
  last?: string;
}
export interface AclNameVariant {
  canonical: AclPersonName;
  id?: string;
  variants: AclPersonName[];
}
