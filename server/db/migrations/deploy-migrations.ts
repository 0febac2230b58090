import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../database-target";
import { openMainConnection } from "./open-main-connection";
import { projectPaths, readMigrationsDirectory } from "./read-migrations-directory";
import { NO_SCHEMA_FILTER, runSchemaEngine } from "./run-schema-engine";

export interface DeployMigrationsOptions {
  /** An already-open PGlite to migrate instead of opening the target (tests, the running server). */
  pglite?: PGlite;
  log?: (line: string) => void;
  /** Project root holding prisma/migrations; defaults to process.cwd(). */
  rootDir?: string;
}

// The key the Prisma schema engine locks on Postgres while it applies migrations (same as the native one).
const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

/**
 * Applies pending migrations through the engine's own `applyMigrations`, so the `_prisma_migrations`
 * bookkeeping (checksums, failed rows with their logs) is exactly what `prisma migrate deploy` writes.
 * A failing migration is rolled back (the script runs as one implicit transaction), stays recorded as
 * failed, and blocks later deploys until resolved, as with the native engine.
 */
export async function deployMigrations(target: DatabaseTarget, options: DeployMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const { migrationsDir } = projectPaths(options.rootDir);
  const migrationsList = await readMigrationsDirectory(migrationsDir);
  const main = await openMainConnection(target, options.pglite);
  try {
    const { appliedMigrationNames } = await runSchemaEngine({ main: main.adapter }, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_SCHEMA_FILTER }),
    );
    for (const name of appliedMigrationNames) options.log?.(`Applied migration ${name}`);
    return { applied: appliedMigrationNames };
  } finally {
    // The engine never unlocks (it expects its connection to close); a caller's PGlite stays open and is
    // shared with the app, so give the session-level lock back.
    if (options.pglite) await releaseMigrateLock(main.adapter);
    await main.close();
  }
}

async function releaseMigrateLock(adapter: SqlDriverAdapter): Promise<void> {
  await adapter
    .queryRaw({ sql: `SELECT pg_advisory_unlock(${PRISMA_MIGRATE_ADVISORY_LOCK})`, args: [], argTypes: [] })
    .catch(() => undefined);
}
