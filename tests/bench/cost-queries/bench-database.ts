/**
 * The benchmark's own PostgreSQL database: dropped and recreated on every run (never anything but infrazen_bench*),
 * migrated with the project's offline deploy, then bulk-loaded.
 */
import pg from "pg";
import { deployMigrations } from "@/server/db/migrations";
import { loadSyntheticTenant, type LoadedTenant } from "./load-synthetic-tenant";
import { MAIN_TENANT, SMALL_TENANT } from "./tenant-shape";

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/infrazen_bench";

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  // The run drops this database: refuse anything that is not obviously the benchmark's.
  if (!/^infrazen_bench\w*$/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a database infrazen_bench*, got "${name}"`);
  return name;
}

function adminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(url = BENCH_DATABASE_URL): Promise<void> {
  const name = databaseName(url);
  await withClient(adminUrl(url), async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  await deployMigrations({ kind: "postgres", url });
}

/** The tenants already in the database (a --reuse run skips the load). */
export async function findLoadedTenants(url = BENCH_DATABASE_URL): Promise<LoadedTenant[] | null> {
  databaseName(url);
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query<{ id: string; slug: string; connections: string[]; resources: number; rows: number }>(
        `SELECT o."id", o."slug",
                ARRAY(SELECT c."id" FROM "CloudConnection" c WHERE c."organizationId" = o."id" ORDER BY c."id") AS connections,
                (SELECT COUNT(*)::int FROM "Resource" r WHERE r."organizationId" = o."id") AS resources,
                (SELECT COUNT(*)::int FROM "CostRecord" cr WHERE cr."organizationId" = o."id") AS rows
         FROM "Organization" o WHERE o."slug" IN ($1, $2) ORDER BY o."slug"`,
        [MAIN_TENANT.slug, SMALL_TENANT.slug],
      );
      if (rows.length !== 2) return null;
      return rows.map((row) => ({ organizationId: row.id, slug: row.slug, connectionIds: row.connections, resources: row.resources, costRows: row.rows }));
    });
  } catch {
    return null;
  }
}

export interface LoadTimings {
  dropIndexesMs: number;
  tenantsMs: number;
  indexesMs: number;
}

/**
 * Loads both tenants. Secondary indexes of the two big tables are dropped first and rebuilt from their own
 * definitions afterwards (one sort per index beats 1M incremental inserts), and FK triggers are off for the
 * session (session_replication_role = replica): the generator is consistent by construction, and the unique
 * indexes rebuilt at the end still reject a duplicate (connectionId, providerResourceId, chargePeriodStart).
 */
export async function loadBenchData(today: string, url = BENCH_DATABASE_URL): Promise<{ tenants: LoadedTenant[]; timings: LoadTimings }> {
  return withClient(url, async (client) => {
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    let started = performance.now();
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename IN ('CostRecord', 'Resource')
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    const dropIndexesMs = performance.now() - started;

    started = performance.now();
    const main = await loadSyntheticTenant(client, MAIN_TENANT, today, 0);
    const small = await loadSyntheticTenant(client, SMALL_TENANT, today, 1_000);
    const tenantsMs = performance.now() - started;

    started = performance.now();
    for (const index of indexes) await client.query(index.definition);
    const indexesMs = performance.now() - started;
    await client.query(`SET session_replication_role = DEFAULT`);
    return { tenants: [main, small], timings: { dropIndexesMs, tenantsMs, indexesMs } };
  });
}

/**
 * VACUUM (not just ANALYZE): a table that autovacuum has already visited has its visibility map set, which is
 * what index-only scans need; right after a bulk load it is not, and the fast side would be measured in a state
 * production never stays in.
 */
export async function vacuumAnalyze(url = BENCH_DATABASE_URL): Promise<number> {
  const started = performance.now();
  await withClient(url, async (client) => {
    // The whole database: every table the load or the rollup refresh wrote, whatever tables a later change adds.
    await client.query(`VACUUM (ANALYZE)`);
  });
  return performance.now() - started;
}

export async function tableSizes(url = BENCH_DATABASE_URL): Promise<{ table: string; rows: number; size: string }[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ table: string; rows: number; size: string }>(
      `SELECT c.relname AS "table", c.reltuples::bigint::int AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
       FROM pg_class c WHERE c.relname IN ('CostRecord', 'CostDailyRollup', 'Resource') ORDER BY c.relname`,
    );
    return rows;
  });
}
