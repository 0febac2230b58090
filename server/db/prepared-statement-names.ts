/**
 * Names for PostgreSQL's server-side prepared statements (PrismaPg's statementNameGenerator). A named statement is
 * parsed once per connection, and after five executions PostgreSQL usually keeps its generic plan too: the
 * explorer's ranking statement spent 2 of its 12 ms in the planner, on every call.
 *
 * node-postgres keeps a connection's named statements until the connection closes and never deallocates them, so
 * names are bounded: a text gets one when it is seen the second time (a bulk insert of an odd row count is seen
 * once) and while fewer than `limit` texts have one. Any other statement runs as PostgreSQL's unnamed statement
 * (the empty name), as every statement did before. DATABASE_STATEMENT_CACHE sets the limit (default 500); 0 names
 * nothing, as a pooler without prepared statement support (PgBouncer in transaction mode before 1.21) needs.
 */
export const DEFAULT_STATEMENT_CACHE = 500;

/** Texts seen once are remembered up to this many times the limit; past it, new texts stay unnamed. */
const SEEN_PER_NAME = 4;

export function statementCacheSize(source: Record<string, string | undefined> = process.env): number {
  const value = (source.DATABASE_STATEMENT_CACHE ?? "").trim();
  if (!value) return DEFAULT_STATEMENT_CACHE;
  if (!/^\d+$/.test(value)) throw new Error(`DATABASE_STATEMENT_CACHE must be a whole number of statements (0 turns prepared statements off), not "${value}"`);
  return Number(value);
}

export function preparedStatementNames(limit: number): (query: { sql: string }) => string {
  // A text's name, or null while it has been seen once.
  const seen = new Map<string, string | null>();
  let named = 0;
  return ({ sql }) => {
    const known = seen.get(sql);
    if (known) return known;
    if (known === null && named < limit) {
      const name = `iz_${named++}`;
      seen.set(sql, name);
      return name;
    }
    if (known === undefined && seen.size < limit * SEEN_PER_NAME) seen.set(sql, null);
    return "";
  };
}
