import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../database-target";
import { readableDriverError } from "./migration-adapters";
import { openMainConnection } from "./open-main-connection";
import { migrationNames, projectPaths, readMigrationsDirectory } from "./read-migrations-directory";

export interface MigrationStatus {
  /** Finished migrations, in the order they were applied. */
  applied: string[];
  /** Local migrations the database has not run yet, in the order deploy would apply them. */
  pending: string[];
  /** Started but never finished (and not marked rolled back): deploy refuses to continue past these. */
  failed: string[];
  /** Recorded in the database but absent from prisma/migrations. */
  missingLocally: string[];
}

export interface MigrationStatusOptions {
  pglite?: PGlite;
  rootDir?: string;
}

interface MigrationRecord {
  name: string;
  finished: boolean;
  rolledBack: boolean;
}

/**
 * Reads `_prisma_migrations` directly rather than starting the wasm engine: status is plain bookkeeping,
 * and this keeps `db status` fast. Rolled-back rows are ignored, as Prisma does.
 */
export async function getMigrationStatus(target: DatabaseTarget, options: MigrationStatusOptions = {}): Promise<MigrationStatus> {
  const local = migrationNames(await readMigrationsDirectory(projectPaths(options.rootDir).migrationsDir));
  const main = await openMainConnection(target, options.pglite);
  let records: MigrationRecord[];
  try {
    records = await readMigrationRecords(main.adapter);
  } catch (error) {
    throw readableDriverError(error);
  } finally {
    await main.close();
  }
  const live = records.filter((record) => !record.rolledBack);
  const applied = unique(live.filter((record) => record.finished).map((record) => record.name));
  const failed = unique(live.filter((record) => !record.finished && !applied.includes(record.name)).map((record) => record.name));
  const localNames = new Set(local);
  return {
    applied,
    pending: local.filter((name) => !applied.includes(name) && !failed.includes(name)),
    failed,
    missingLocally: unique([...applied, ...failed].filter((name) => !localNames.has(name))),
  };
}

async function readMigrationRecords(adapter: SqlDriverAdapter): Promise<MigrationRecord[]> {
  const exists = await adapter.queryRaw({ sql: "SELECT to_regclass('_prisma_migrations') IS NOT NULL", args: [], argTypes: [] });
  if (exists.rows[0]?.[0] !== true) return [];
  const result = await adapter.queryRaw({
    sql: `SELECT migration_name, finished_at IS NOT NULL, rolled_back_at IS NOT NULL
          FROM _prisma_migrations ORDER BY started_at, migration_name`,
    args: [],
    argTypes: [],
  });
  return result.rows.map(([name, finished, rolledBack]) => ({
    name: String(name),
    finished: finished === true,
    rolledBack: rolledBack === true,
  }));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
