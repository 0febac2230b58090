import fs from "node:fs/promises";
import path from "node:path";
import { checkSchemaDrift } from "./check-schema-drift";
import { LOCKFILE_CONTENT, LOCKFILE_NAME, MIGRATION_FILE_NAME, projectPaths } from "./read-migrations-directory";

export interface CreateMigrationOptions {
  rootDir?: string;
  /** Clock for the directory's timestamp prefix (tests). */
  now?: Date;
}

/**
 * Writes the engine's script for the schema changes as the next migration, in the layout `prisma migrate dev`
 * uses (`<UTC YYYYMMDDHHMMSS>_<snake_name>/migration.sql` plus a lock file). The script is not applied:
 * run `db deploy` for that.
 */
export async function createMigration(name: string, options: CreateMigrationOptions = {}): Promise<{ directory: string | null; sql: string }> {
  const slug = toMigrationSlug(name);
  if (!slug) throw new Error(`"${name}" is not a usable migration name: use letters and digits, e.g. add_budget_table.`);
  const drift = await checkSchemaDrift({ rootDir: options.rootDir });
  if (drift.inSync) return { directory: null, sql: "" };

  const { migrationsDir } = projectPaths(options.rootDir);
  const directory = path.join(migrationsDir, `${migrationTimestamp(options.now ?? new Date())}_${slug}`);
  await assertSortsLast(migrationsDir, path.basename(directory));
  await fs.mkdir(directory, { recursive: true });
  await fs.writeFile(path.join(directory, MIGRATION_FILE_NAME), drift.sql, "utf8");
  // `wx`: never overwrite a lock file that already exists (it may name another provider on purpose).
  await fs.writeFile(path.join(migrationsDir, LOCKFILE_NAME), LOCKFILE_CONTENT, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return { directory, sql: drift.sql };
}

/** Same shape as the Prisma CLI's slug: words split on case changes and punctuation, lower-case, `_`-joined. */
export function toMigrationSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Migrations run in name order: a directory that sorts before existing ones (clock skew) would run out of order. */
async function assertSortsLast(migrationsDir: string, directoryName: string): Promise<void> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const clash = entries.find((entry) => entry.isDirectory() && entry.name.localeCompare(directoryName) >= 0);
  if (clash) throw new Error(`Migration ${directoryName} would not sort after the existing ${clash.name}; wait a second or fix the clock.`);
}
