import pg from "pg";
import { getDatabase } from "@/server/db";
import { resolveDatabaseTarget } from "@/server/db/database-target";
import { deployMigrations } from "@/server/db/migrations";
import { adminUrl } from "./global";

/**
 * One migrated database per vitest worker, created on the worker's first test file and reused by the rest:
 * a fresh PostgreSQL database under TEST_DATABASE_URL, otherwise an in-memory PGlite.
 */
const state = globalThis as unknown as { infrazenWorkerDb?: Promise<void> };

async function createWorkerDatabase() {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const url = new URL(base);
    const name = `${url.pathname.slice(1)}_w${process.env.VITEST_POOL_ID ?? "1"}`;
    const admin = new pg.Client({ connectionString: adminUrl(base) });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    await deployMigrations(resolveDatabaseTarget());
    return;
  }
  process.env.DATABASE_URL = "pglite:memory";
  const handle = getDatabase();
  await deployMigrations(handle.target, { pglite: handle.pglite });
}

export function ensureWorkerDatabase(): Promise<void> {
  state.infrazenWorkerDb ??= createWorkerDatabase();
  return state.infrazenWorkerDb;
}

/** Empties every table (keeping the migration history) so each test file starts from a clean database. */
export async function truncateAllTables(): Promise<void> {
  const { client } = getDatabase();
  const tables = await client.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await client.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map((table) => `"${table.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
