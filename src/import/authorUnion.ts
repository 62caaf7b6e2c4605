import type { AuthorRef } from '../model/types';
import { nameKey } from '../model/names';

/** One person of a merged author list, with everything any of its records said about them. */
class Person {
  readonly ref: AuthorRef;
  readonly key: string;
  readonly ids: Set<string>;
  private affiliations?: Set<string>;
  private countries?: Set<string>;
  private changed = false;

  constructor(ref: AuthorRef) {
    this.ref = ref;
    // A name that folds to nothing is matched as written only.
    this.key = nameKey(ref.name) || `\u0000${ref.name}`;
    this.ids = new Set(idTokens(ref));
  }

  /** Adds another record's affiliations, countries and ids for this person; returns the ids that are new here. */
  add(other: Person): string[] {
    this.affiliations = unite(this.affiliations ?? new Set(this.ref.affiliations), other.affiliations ?? other.ref.affiliations);
    this.countries = unite(this.countries ?? new Set(this.ref.countries), other.countries ?? other.ref.countries);
    const fresh = [...other.ids].filter((id) => !this.ids.has(id));
    for (const id of fresh) this.ids.add(id);
    this.changed = true;
    return fresh;
  }

  /** Both have ids and share none: two people who happen to be written alike. */
  disagrees(other: Person): boolean {
    if (!this.ids.size || !other.ids.size) return false;
    for (const id of other.ids) if (this.ids.has(id)) return false;
    return true;
  }

  result(): AuthorRef {
    if (!this.changed) return this.ref;
    const out: AuthorRef = { ...this.ref };
    if (this.affiliations?.size) out.affiliations = [...this.affiliations];
    if (this.countries?.size) out.countries = [...this.countries];
    if (this.ids.size) out.externalId = [...this.ids].join(' ');
    return out;
  }
}

function idTokens(ref: AuthorRef): string[] {
  return ref.externalId ? ref.externalId.split(/\s+/).filter(Boolean) : [];
}

function unite(into: Set<string>, more: Iterable<string> | undefined): Set<string> {
  if (more) for (const m of more) into.add(m);
  return into;
}

/**
 * The union of a paper's author lists: each person once, the order of the list it started from, people only a later
 * list has appended. Two references are one person when they share an `externalId` token, or when their `nameKey`s
 * are equal and their ids do not disagree. Each person of one list stands for at most one person of the other (two
 * people with the same name on one paper stay two). Adding a list costs its length.
 */
export class AuthorUnion {
  private persons: Person[] = [];
  private byId = new Map<string, number>();
  private byName = new Map<string, number[]>();

  /** `work.steps` counts the people compared (shared by the unions of one dedupe run, so a test can bound it). */
  constructor(
    refs: AuthorRef[],
    private readonly work: { steps: number } = { steps: 0 },
  ) {
    this.absorb(refs);
  }

  get size(): number {
    return this.persons.length;
  }

  /** Every name key the people here were written with (the keys a title match may share). */
  nameKeys(): string[] {
    return [...this.byName.keys()].filter((k) => !k.startsWith('\u0000'));
  }

  /** Adds the people of `refs` that are not here yet (in their order) and unites the rest; returns how many were added. */
  absorb(refs: AuthorRef[]): number {
    return this.absorbPersons(refs.map((r) => new Person(r)));
  }

  /** Adds every person of `other` that is not here yet (after this list's), uniting the others. */
  absorbUnion(other: AuthorUnion): number {
    return this.absorbPersons(other.persons);
  }

  refs(): AuthorRef[] {
    return this.persons.map((p) => p.result());
  }

  private absorbPersons(incoming: Person[]): number {
    const taken = new Set<number>();
    let added = 0;
    for (const person of incoming) {
      const at = this.find(person, taken);
      if (at === undefined) {
        taken.add(this.push(person));
        added++;
        continue;
      }
      taken.add(at);
      for (const id of this.persons[at].add(person)) if (!this.byId.has(id)) this.byId.set(id, at);
      if (person.key !== this.persons[at].key) this.nameIndex(person.key, at);
    }
    return added;
  }

  private find(person: Person, taken: Set<number>): number | undefined {
    for (const id of person.ids) {
      this.work.steps++;
      const at = this.byId.get(id);
      if (at !== undefined && !taken.has(at)) return at;
    }
    for (const at of this.byName.get(person.key) ?? []) {
      this.work.steps++;
      if (!taken.has(at) && !this.persons[at].disagrees(person)) return at;
    }
    return undefined;
  }

  private push(person: Person): number {
    const at = this.persons.length;
    this.persons.push(person);
    for (const id of person.ids) if (!this.byId.has(id)) this.byId.set(id, at);
    this.nameIndex(person.key, at);
    return at;
  }

  private nameIndex(key: string, at: number): void {
    const list = this.byName.get(key);
    if (list) list.push(at);
    else this.byName.set(key, [at]);
  }
}
