import path from "node:path";

/**
 * Where the database lives, decided by DATABASE_URL:
 * - `postgres://…` / `postgresql://…` → a PostgreSQL server through @prisma/adapter-pg;
 * - unset → embedded PGlite persisted in `<DATA_DIR>/pglite` (the zero-setup default);
 * - `pglite:<dir>` → embedded PGlite persisted in <dir>; `pglite:memory` → in-memory (tests).
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string | null };

type Env = Record<string, string | undefined>;

// turbopackIgnore: these paths are runtime configuration, not files the server bundle should trace.
export function dataDirectory(env: Env = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || ".data");
}

export function resolveDatabaseTarget(url: string | undefined = process.env.DATABASE_URL, env: Env = process.env): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: path.join(dataDirectory(env), "pglite") };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value.startsWith("pglite:")) {
    const location = value.slice("pglite:".length).replace(/^\/\//, "");
    if (location === "memory" || location === "") return { kind: "pglite", dataDir: null };
    return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ location) };
  }
  throw new Error(
    `DATABASE_URL must start with postgresql:// (PostgreSQL) or pglite: (embedded), got "${value.split(":")[0]}:…". ` +
      "Leave it unset to use the embedded database in .data/pglite.",
  );
}

export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL ${new URL(target.url).host}${new URL(target.url).pathname}`;
  return target.dataDir ? `embedded PGlite at ${target.dataDir}` : "embedded PGlite in memory";
}
