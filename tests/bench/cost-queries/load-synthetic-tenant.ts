/**
 * Bulk-loads one synthetic tenant with INSERT … SELECT over generate_series, entirely inside PostgreSQL: Prisma
 * writes ≈ 5–7k rows/s (STACK-NOTES), which would make 1M cost rows a matter of minutes; SQL does it in seconds.
 *
 * Every pseudo-random pick is hashint8extended(n, salt) — a pure function of the row number — so two loads of
 * the same day produce the same tenant and a figure can be reproduced.
 *
 * Lifetimes: the brief fixes 100k resources and 1M daily rows over 1,096 days, i.e. ≈ 900 resources billed on an
 * average day, so the estate churns. Three classes, row counts in brackets for the main tenant:
 *   - 0.6 % long-lived (60–1,096 days; 60 % of them still running today)          [≈ 350k rows]
 *   - 12 % medium (6–45 days: feature environments, load tests)                     [≈ 300k rows]
 *   - the rest ephemeral (1–8 days: CI runners, autoscaling)                         [≈ 400k rows]
 * Start days grow linearly denser towards today (a growing company: 0.5× the average density three years ago,
 * 1.5× today). The generated total lands a few per cent above the target and is clipped to the exact count on
 * the last resources (cumulative sum of lifetimes), so a handful of tail resources are inventoried but unbilled.
 */
import type pg from "pg";
import { HISTORY_DAYS, RESOURCE_TYPES, TAG_VALUES, type TenantShape } from "./tenant-shape";

export interface LoadedTenant {
  organizationId: string;
  slug: string;
  connectionIds: string[];
  resources: number;
  costRows: number;
}

const CREATE_HASH_FUNCTION = `
  CREATE OR REPLACE FUNCTION pg_temp.u(n bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT (hashint8extended(n, salt) & 2147483647)::float8 / 2147483648 $$`;

/** [lo, hi) intervals over [0, 1) proportional to the weights, for picking by a uniform value with a range join. */
function cumulative<T>(items: T[], weight: (item: T) => number): { item: T; lo: number; hi: number }[] {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let lo = 0;
  return items.map((item, index) => {
    const hi = index === items.length - 1 ? 1.0000001 : lo + weight(item) / total;
    const entry = { item, lo, hi };
    lo = hi;
    return entry;
  });
}

async function insertDimensions(client: pg.Client, tenant: TenantShape, organizationId: string, connectionIds: string[]) {
  await client.query(
    `INSERT INTO "Organization" ("id", "name", "slug", "currency", "timezone", "updatedAt") VALUES ($1, $2, $3, 'RUB', 'Europe/Moscow', now())`,
    [organizationId, tenant.name, tenant.slug],
  );
  await client.query(`CREATE TEMP TABLE bench_conn (id text, provider text, lo float8, hi float8, decimals int, regions text[]) ON COMMIT PRESERVE ROWS`);
  await client.query(`CREATE TEMP TABLE bench_proj (conn_id text, id text, name text, home text, lo float8, hi float8)`);
  await client.query(`CREATE TEMP TABLE bench_type (type text, service text, category text, lo float8, hi float8, min_daily numeric, max_daily numeric, usage boolean, regional boolean)`);
  for (const [index, { item: connection, lo, hi }] of cumulative(tenant.connections, (c) => c.weight).entries()) {
    const id = connectionIds[index]!;
    await client.query(
      `INSERT INTO "CloudConnection" ("id", "organizationId", "providerId", "name", "encryptedCredentials", "credentialsKeyId", "status", "accountId", "lastSyncAt", "lastSuccessfulSyncAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'v1:bench:none:none:none', 'bench', 'active', $5, now(), now(), now())`,
      [id, organizationId, connection.providerId, connection.name, `acct-${connection.key}`],
    );
    // Selectel bills in kopecks; the OpenStack rate card prices by the hour, so its daily charges keep 4 decimals.
    await client.query(`INSERT INTO bench_conn VALUES ($1, $2, $3, $4, $5, $6)`, [id, connection.providerId, lo, hi, connection.providerId === "selectel" ? 2 : 4, connection.regions]);
    // Zipf-sized projects: a few big ones and a tail, as in real accounts.
    const projects = cumulative(connection.projects.map((name, position) => ({ name, position })), (project) => 1 / (project.position + 1));
    for (const { item: project, lo: projectLo, hi: projectHi } of projects) {
      const projectId = connection.providerId === "selectel" ? md5Like(`${tenant.slug}/${connection.key}/${project.name}`) : `${connection.key}-${project.name}`;
      await client.query(`INSERT INTO bench_proj VALUES ($1, $2, $3, $4, $5, $6)`, [id, projectId, project.name, connection.regions[project.position % connection.regions.length], projectLo, projectHi]);
    }
  }
  for (const { item: type, lo, hi } of cumulative(RESOURCE_TYPES, (t) => t.weight)) {
    await client.query(`INSERT INTO bench_type VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [type.type, type.serviceName, type.serviceCategory, lo, hi, type.minDaily, type.maxDaily, type.usageBilled, type.regional]);
  }
}

/** A stable 32-hex id from a string (not cryptographic; only to look like a provider's project id). */
function md5Like(value: string): string {
  let hash = 0x811c9dc5;
  const out: string[] = [];
  for (let round = 0; round < 4; round += 1) {
    for (const char of `${round}:${value}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out.push(hash.toString(16).padStart(8, "0"));
  }
  return out.join("");
}

/** One row per resource: its picks, lifetime (start day offset, billed days) and price. */
async function buildPlan(client: pg.Client, tenant: TenantShape, salt: number) {
  await client.query(
    `CREATE TEMP TABLE bench_plan AS
     WITH picks AS (
       SELECT n, pg_temp.u(n, $1 + 1) AS uc, pg_temp.u(n, $1 + 2) AS up, pg_temp.u(n, $1 + 3) AS ut, pg_temp.u(n, $1 + 4) AS ur,
              pg_temp.u(n, $1 + 5) AS ucls, pg_temp.u(n, $1 + 6) AS ulen, pg_temp.u(n, $1 + 7) AS ustart, pg_temp.u(n, $1 + 8) AS uprice,
              pg_temp.u(n, $1 + 9) AS utoday, pg_temp.u(n, $1 + 10) AS uspec, pg_temp.u(n, $1 + 11) AS ureg2
       FROM generate_series(1, $2::int) n
     ), sized AS (
       SELECT p.*, CASE WHEN ucls < 0.006 THEN 60 + floor(ulen * ($3::int - 59))::int
                        WHEN ucls < 0.126 THEN 6 + floor(ulen * 40)::int
                        ELSE 1 + floor(ulen * 8)::int END AS len
       FROM picks p
     ), placed AS (
       SELECT s.*, CASE WHEN ucls < 0.006 AND utoday < 0.6 THEN $3::int - len
                        -- inverse CDF of a density rising linearly from 0.5 to 1.5 over the history
                        ELSE LEAST($3::int - len, floor((sqrt(0.25 + 2 * ustart) - 0.5) * ($3::int - len + 1))::int) END AS start
       FROM sized s
     )
     SELECT pl.n, pl.start, pl.len,
            GREATEST(0, LEAST(pl.len, $4::int - (SUM(pl.len) OVER (ORDER BY pl.n) - pl.len)))::int AS billed,
            c.id AS conn_id, c.provider, c.decimals, pr.id AS project_id, pr.name AS project_name,
            CASE WHEN NOT t.regional THEN NULL WHEN pl.ur < 0.85 THEN pr.home ELSE c.regions[1 + floor(pl.ureg2 * cardinality(c.regions))::int] END AS region,
            t.type, t.service, t.category, t.usage,
            round(t.min_daily + (t.max_daily - t.min_daily) * (pl.uprice * pl.uprice)::numeric, c.decimals) AS price,
            pl.uspec, pl.ur
     FROM placed pl
     JOIN bench_conn c ON pl.uc >= c.lo AND pl.uc < c.hi
     JOIN bench_proj pr ON pr.conn_id = c.id AND pl.up >= pr.lo AND pl.up < pr.hi
     JOIN bench_type t ON pl.ut >= t.lo AND pl.ut < t.hi`,
    [salt, tenant.resources, HISTORY_DAYS, tenant.costRows],
  );
}

async function insertResources(client: pg.Client, organizationId: string, idPrefix: string, day0: string, salt: number) {
  await client.query(
    `INSERT INTO "Resource" ("id", "organizationId", "connectionId", "providerId", "providerResourceId", "name", "resourceType", "serviceName", "serviceCategory",
                             "region", "projectId", "projectName", "status", "specs", "tags", "environment", "owner", "hourlyCost", "dailyCost", "monthlyCost", "currency",
                             "isActive", "firstSeenAt", "lastSeenAt", "closedAt", "createdAt", "updatedAt")
     SELECT $2 || lpad(p.n::text, 6, '0'), $1, p.conn_id, p.provider, md5($2 || p.n)::uuid::text,
            left(p.type, 3) || '-' || p.project_name || '-' || lpad(p.n::text, 6, '0'), p.type, p.service, p.category,
            p.region, p.project_id, p.project_name,
            CASE WHEN NOT p.alive THEN 'deleted' WHEN p.type = 'server' AND p.uspec < 0.05 THEN 'stopped' ELSE 'active' END,
            CASE p.type
              WHEN 'server' THEN jsonb_build_object('vcpus', p.vcpus, 'ramMb', p.vcpus * (ARRAY[1024, 2048, 4096, 8192])[1 + floor(p.ur * 4)::int], 'flavor', 'SL1.' || p.vcpus || '-' || p.vcpus * 2048)
              WHEN 'volume' THEN jsonb_build_object('storageGb', (ARRAY[10, 20, 50, 100, 200, 500, 1000, 2000])[1 + floor(p.uspec * 8)::int], 'volumeType', 'fast')
              WHEN 'database' THEN jsonb_build_object('vcpus', p.vcpus, 'ramGb', p.vcpus * 4, 'storageGb', 50 * p.vcpus, 'engine', 'postgresql')
              WHEN 'kubernetes' THEN jsonb_build_object('nodes', 1 + floor(p.uspec * 12)::int, 'vcpus', p.vcpus * 3)
              ELSE '{}'::jsonb END,
            p.tags, p.tags ->> 'env', p.tags ->> 'team',
            round(p.price / 24, 6), p.price, round(p.price * 30, 2), 'RUB',
            p.alive, $3::date + p.start, CASE WHEN p.alive THEN now() ELSE $3::date + p.start + p.billed - 1 END, CASE WHEN p.alive THEN NULL ELSE $3::date + p.start + p.billed END,
            $3::date + p.start, now()
     FROM (
       SELECT bp.*, (bp.billed = 0 OR bp.start + bp.billed = $4::int) AS alive,
              (ARRAY[1, 2, 4, 8, 16, 32])[1 + floor(bp.uspec * 6)::int] AS vcpus,
              jsonb_strip_nulls(jsonb_build_object(
                'env', ($5::text[])[1 + floor(pg_temp.u(bp.n, $9 + 20) * cardinality($5::text[]))::int],
                'team', CASE WHEN pg_temp.u(bp.n, $9 + 21) < 0.9 THEN ($6::text[])[1 + floor(pg_temp.u(bp.n, $9 + 22) * cardinality($6::text[]))::int] END,
                'app', ($7::text[])[1 + floor(pg_temp.u(bp.n, $9 + 23) * cardinality($7::text[]))::int],
                'cost-center', CASE WHEN pg_temp.u(bp.n, $9 + 24) < 0.7 THEN ($8::text[])[1 + floor(pg_temp.u(bp.n, $9 + 25) * cardinality($8::text[]))::int] END)) AS tags
       FROM bench_plan bp
     ) p`,
    [organizationId, idPrefix, day0, HISTORY_DAYS, TAG_VALUES.env, TAG_VALUES.team, TAG_VALUES.app, TAG_VALUES.costCenter, salt],
  );
}

async function insertCostRecords(client: pg.Client, organizationId: string, idPrefix: string, day0: string, salt: number) {
  // Each billing object's integer key, as the rollup refresh would assign it: inserted with the records, so the
  // refresh has none to add and CostRecord is written once (an UPDATE of 1M rows would double the table).
  await client.query(
    `INSERT INTO "CostResourceKey" ("organizationId", "providerResourceId") SELECT $1, r."providerResourceId" FROM "Resource" r WHERE r."organizationId" = $1 ORDER BY 2`,
    [organizationId],
  );
  // 2 % of billing objects never matched an inventory resource (resourceId NULL), as billing-only lines do.
  await client.query(
    `INSERT INTO "CostRecord" ("id", "organizationId", "connectionId", "resourceId", "chargePeriodStart", "chargePeriodEnd", "billedCost", "effectiveCost", "listCost",
                               "billingCurrency", "serviceCategory", "serviceName", "regionId", "providerResourceId", "resourceKey", "resourceName", "resourceType", "subAccountId", "tags")
     SELECT r."id" || '-' || k, $1, r."connectionId", CASE WHEN pg_temp.u(p.n, $4 + 30) < 0.02 THEN NULL ELSE r."id" END,
            $3::date + p.start + k, $3::date + p.start + k + 1, c.cost,
            CASE WHEN p.provider = 'openstack' THEN round(c.cost * 0.95, 4) ELSE c.cost END,
            CASE WHEN p.provider = 'openstack' THEN c.cost END,
            'RUB', r."serviceCategory", r."serviceName", r."region", r."providerResourceId", rk."id", r."name", r."resourceType", r."projectId", r."tags"
     FROM bench_plan p
     JOIN "Resource" r ON r."id" = $2 || lpad(p.n::text, 6, '0')
     JOIN "CostResourceKey" rk ON rk."organizationId" = $1 AND rk."providerResourceId" = r."providerResourceId"
     CROSS JOIN LATERAL generate_series(0, p.billed - 1) k
     CROSS JOIN LATERAL (SELECT round(CASE WHEN p.usage THEN p.price * (0.85 + 0.3 * pg_temp.u(p.n * 4096 + k, $4 + 31))::numeric ELSE p.price END, p.decimals) AS cost) c`,
    [organizationId, idPrefix, day0, salt],
  );
}

/**
 * Loads one tenant ending on `today` ("YYYY-MM-DD" in the tenant's timezone). Expects a session that already
 * disabled FK triggers and secondary indexes (see loadBenchData); creates and drops its own temp tables.
 */
export async function loadSyntheticTenant(client: pg.Client, tenant: TenantShape, today: string, salt: number): Promise<LoadedTenant> {
  const organizationId = `org_${tenant.slug}`;
  const connectionIds = tenant.connections.map((connection) => `conn_${tenant.slug}_${connection.key}`);
  const idPrefix = `res_${tenant.slug}_`;
  const day0 = (await client.query<{ day0: string }>(`SELECT to_char($1::date - ($2::int - 1), 'YYYY-MM-DD') AS day0`, [today, HISTORY_DAYS])).rows[0]!.day0;
  await client.query(CREATE_HASH_FUNCTION);
  await insertDimensions(client, tenant, organizationId, connectionIds);
  await buildPlan(client, tenant, salt);
  await insertResources(client, organizationId, idPrefix, day0, salt);
  await insertCostRecords(client, organizationId, idPrefix, day0, salt);
  await client.query(`DROP TABLE bench_plan, bench_conn, bench_proj, bench_type`);
  const counts = await client.query<{ resources: number; rows: number }>(
    `SELECT (SELECT COUNT(*)::int FROM "Resource" WHERE "organizationId" = $1) AS resources, (SELECT COUNT(*)::int FROM "CostRecord" WHERE "organizationId" = $1) AS rows`,
    [organizationId],
  );
  return { organizationId, slug: tenant.slug, connectionIds, resources: counts.rows[0]!.resources, costRows: counts.rows[0]!.rows };
}
