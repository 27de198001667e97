/**
 * A database's structure as a sorted list of facts ("column Run.status TEXT not null default 'queued'"), built
 * from the catalog rather than from CREATE text: a table grown by ALTERs lists its columns in another order, and
 * formatting differs between a migration and a from-scratch script, yet the structure is the same.
 */
export type SchemaFingerprint = string[];

export function fingerprint(facts: Iterable<string>): SchemaFingerprint {
  return [...new Set(facts)].sort();
}

/** What `actual` lacks ("- fact") and has beyond `expected` ("+ fact"): empty when the two structures agree. */
export function schemaDrift(expected: SchemaFingerprint, actual: SchemaFingerprint): string[] {
  const want = new Set(expected);
  const have = new Set(actual);
  return [...expected.filter((fact) => !have.has(fact)).map((fact) => `- ${fact}`), ...actual.filter((fact) => !want.has(fact)).map((fact) => `+ ${fact}`)];
}
