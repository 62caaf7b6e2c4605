/** The Anthology's `yaml/name_variants.yaml`: entries, aliases and identity keys. */
import { parse as parseYaml } from 'yaml';
import type { Alias } from '../../model/types';
import { nameKey } from '../../model/names';
import { stripBom } from '../common';
import { aclName } from './reader';
import { readSimpleYaml } from './yaml';
import type { AclNameVariant, AclPersonName, AclReader } from './types';

/**
 * The entries of `yaml/name_variants.yaml`. 'reference' reads it with the `yaml` library alone (slower;
 * the same result, which scripts/check-acl-parser.ts checks).
 */
export function readNameVariants(text: string, reader: AclReader = 'auto'): AclNameVariant[] {
  const body = stripBom(text);
  const data = (reader === 'auto' ? readSimpleYaml(body) : undefined) ?? (parseYaml(body) as unknown);
  if (!Array.isArray(data)) return [];
  const person = (v: unknown): AclPersonName => {
    const o = (v ?? {}) as Record<string, unknown>;
    return { first: o.first == null ? undefined : String(o.first), last: o.last == null ? undefined : String(o.last) };
  };
  return data
    .filter((e) => e && typeof e === 'object' && 'canonical' in e)
    .map((e) => ({
      canonical: person(e.canonical),
      id: typeof e.id === 'string' ? e.id : undefined,
      variants: Array.isArray(e.variants) ? e.variants.map(person) : [],
    }));
}

/** Aliases "variant → canonical", as "First Last" strings like the parser's author names. */
export function parseNameVariantsYaml(text: string): Alias[] {
  const aliases: Alias[] = [];
  for (const e of readNameVariants(text)) {
    const to = aclName(e.canonical.first, e.canonical.last);
    for (const v of e.variants) {
      const from = aclName(v.first, v.last);
      if (from && from !== to) aliases.push({ from, to, reason: 'ACL Anthology name_variants.yaml' });
    }
  }
  return aliases;
}

/**
 * Identity key of an Anthology author under the variants: the `nameKey` of the canonical
 * name when the name (as folded by `nameKey`) is a listed variant, else its own `nameKey`.
 */
export function aclIdentityKeyer(aliases: Alias[]): (name: string) => string {
  const map = new Map<string, string>();
  for (const a of aliases) map.set(nameKey(a.from), nameKey(a.to));
  return (name) => {
    const k = nameKey(name);
    return map.get(k) ?? k;
  };
}

/**
 * Groups of different variant entries whose names `nameKey` folds to the same key
 * (so folding alone merges people the file keeps apart). Each group lists the canonical names.
 */
export function foldingCollisions(entries: AclNameVariant[]): { key: string; canonicals: string[] }[] {
  const byKey = new Map<string, Set<number>>();
  entries.forEach((e, i) => {
    for (const n of [e.canonical, ...e.variants]) {
      const k = nameKey(aclName(n.first, n.last));
      if (!byKey.has(k)) byKey.set(k, new Set());
      byKey.get(k)?.add(i);
    }
  });
  const out: { key: string; canonicals: string[] }[] = [];
  for (const [key, set] of byKey) {
    if (set.size > 1) out.push({ key, canonicals: [...set].map((i) => aclName(entries[i].canonical.first, entries[i].canonical.last)) });
  }
  return out;
}
