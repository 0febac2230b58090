import { Prisma, type PrismaClient } from "../../db";
import { recordSource, whereClause, type CostSource, type ResolvedFilters } from "./cost-source-sql";
import type { MonthSplit } from "./resource-month-source";

/**
 * Per-resource totals over a period, ranked, for questions that rank tens of thousands of billed objects to show
 * a few (dashboard top 10, explorer by resource sorted by total): whole months from the monthly rollup, edge days
 * from CostRecord, both grouped by their integer resourceKey — hashing ~45k text ids a year cost more than the
 * rest of the dashboard together. Ties are broken exactly as the text ids would break them: each window
 * takes every object whose total lies within the window's total range, resolves only those ids, and cuts there.
 *
 * Top-N questions (every window descending, no filter) first try to sum only the objects that can matter: those
 * among the K highest monthly ceilings (CostResourceMonthCeiling) of a month of the period or the K highest
 * positive sums of its edge days. Any other object's total is at most the sum of each list's K-th value; when the
 * N-th candidate total lies above that bound, the candidates' ranking is the ranking. Otherwise (flat costs, deep
 * pages) everything is summed.
 */
export interface RankWindow {
  name: string;
  direction: "asc" | "desc";
  limit: number;
  offset: number;
}

export interface RankedResource {
  window: string;
  position: number;
  connectionId: string | null;
  providerResourceId: string;
  /** Exact, scale 4. */
  total: string;
}

export interface RankOptions {
  period: { from: string; to: string };
  split: MonthSplit;
  filters: ResolvedFilters | null;
  /** Rank (connection, object) pairs, as the dashboard does; otherwise objects across connections, as the explorer. */
  perConnection: boolean;
  windows: RankWindow[];
  /** Whether the caller needs how many objects the period has (a pruned ranking counts them separately). */
  count: boolean;
}

/** Top ceilings read per month for each object a window must rank: 4 × N proves the top N on heavy-tailed costs. */
const CEILINGS_PER_RANK = 4;

/** The monthly rollup filtered like CostRecord: same column names, '' never equals a filter value, firstDay in the period. */
const MONTHLY: CostSource = { kind: "records", from: Prisma.sql`"CostResourceMonthly" s`, day: Prisma.sql`s."firstDay"`, cost: Prisma.sql`s."billedCost"` };

/** Per-object totals; `only` restricts them to the objects of a CTE (key). */
function totalsSql(organizationId: string, options: RankOptions, only: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const { split, filters, perConnection } = options;
  const connection = perConnection ? Prisma.sql`s."connectionId"` : Prisma.sql`NULL::text`;
  const parts: Prisma.Sql[] = [];
  if (split.months) {
    parts.push(Prisma.sql`
      SELECT s."resourceKey" AS key, ${connection} AS connection, (s."billedCost" * 10000)::int8 AS cost FROM "CostResourceMonthly" s
      WHERE ${whereClause(MONTHLY, organizationId, options.period, filters)} AND s."month" BETWEEN ${split.months.from}::date AND ${split.months.to}::date ${only}`);
  }
  for (const edge of split.edges) {
    parts.push(Prisma.sql`
      SELECT s."resourceKey" AS key, ${connection} AS connection, (s."billedCost" * 10000)::int8 AS cost FROM "CostRecord" s
      WHERE ${whereClause(recordSource, organizationId, edge, filters)} ${only}`);
  }
  // A record without a key is one written since the last rollup refresh (which assigns keys in the transaction
  // that refreshes the rollups): the period's other figures, read from the rollups, do not count it either.
  // The int8 ten-thousandths are summed as two int4 halves (high bits, low 30 bits): SUM(int4) keeps a plain int8
  // per group where SUM(int8) keeps a numeric state, which costs a third of this statement over ~45k groups. Exact:
  // cost = high · 2^30 + low with low in [0, 2^30), and the sums stay far inside int8.
  return Prisma.sql`
    SELECT x.key, x.connection, (SUM((x.cost >> 30)::int4) << 30) + SUM((x.cost & 1073741823)::int4) AS total
    FROM (${Prisma.join(parts, " UNION ALL ")}) x WHERE x.key IS NOT NULL GROUP BY 1, 2`;
}

function windowSql(window: RankWindow, index: number): { cte: Prisma.Sql; select: Prisma.Sql } {
  const dir = Prisma.raw(window.direction === "asc" ? "ASC" : "DESC");
  const bounds = Prisma.raw(`b${index}`);
  // Objects ranked before the window's first total: the candidates start right after them.
  const before = window.direction === "asc" ? Prisma.sql`t.total < ${bounds}.lo` : Prisma.sql`t.total > ${bounds}.hi`;
  const cte = Prisma.sql`${bounds} AS (SELECT MIN(p.total) AS lo, MAX(p.total) AS hi FROM (SELECT t.total FROM t ORDER BY t.total ${dir} LIMIT ${window.limit} OFFSET ${window.offset}) p)`;
  const order = Prisma.sql`c.total ${dir}, c.connection COLLATE "C" ASC, c.id COLLATE "C" ASC`;
  const select = Prisma.sql`(
    SELECT ${window.name}::text AS "window", row_number() OVER (ORDER BY ${order})::int AS position, c.connection AS "connectionId", c.id AS "providerResourceId", (c.total::numeric / 10000)::numeric(30, 4)::text AS total
    FROM (
      SELECT c.* FROM (
        SELECT t.total, t.connection, (SELECT k."providerResourceId" FROM "CostResourceKey" k WHERE k."id" = t.key) AS id
        FROM t, ${bounds} WHERE t.total BETWEEN ${bounds}.lo AND ${bounds}.hi
      ) c
      ORDER BY ${order}
      LIMIT ${window.limit} OFFSET (SELECT ${window.offset}::int8 - COUNT(*) FROM t, ${bounds} WHERE ${before})
    ) c)`;
  return { cte, select };
}

function isUnfiltered(filters: ResolvedFilters | null): boolean {
  if (!filters) return true;
  const lists = [filters.services, filters.regions, filters.projects, filters.resourceTypes, filters.tags];
  return filters.connectionIds === null && lists.every((list) => list.length === 0);
}

function edgeDays(organizationId: string, split: MonthSplit): Prisma.Sql {
  const ranges = split.edges.map((edge) => Prisma.sql`s."chargePeriodStart" BETWEEN ${edge.from}::date AND ${edge.to}::date`);
  return Prisma.sql`s."organizationId" = ${organizationId} AND (${Prisma.join(ranges, " OR ")}) AND s."resourceKey" IS NOT NULL`;
}

/**
 * The candidates (CTE cand) and the bound no other object's total reaches (CTE bound: ten-thousandths, and
 * whether every list was read whole, in which case the candidates are every object).
 */
function candidatesSql(organizationId: string, split: MonthSplit, depth: number): Prisma.Sql {
  const lists: Prisma.Sql[] = [];
  if (split.months) {
    lists.push(Prisma.sql`
      SELECT m.month, x."resourceKey" AS key, x."ceiling" FROM generate_series(${split.months.from}::date, ${split.months.to}::date, interval '1 month') AS m (month)
      CROSS JOIN LATERAL (
        SELECT c."resourceKey", c."ceiling" FROM "CostResourceMonthCeiling" c
        WHERE c."organizationId" = ${organizationId} AND c."month" = m.month::date ORDER BY c."ceiling" DESC LIMIT ${depth}
      ) x`);
  }
  if (split.edges.length) {
    lists.push(Prisma.sql`
      (SELECT NULL::timestamp AS month, s."resourceKey" AS key, SUM(GREATEST(s."billedCost", 0)) AS ceiling FROM "CostRecord" s
       WHERE ${edgeDays(organizationId, split)} GROUP BY s."resourceKey" ORDER BY 3 DESC LIMIT ${depth})`);
  }
  return Prisma.sql`
    l AS MATERIALIZED (${Prisma.join(lists, " UNION ALL ")}),
    cand AS (SELECT DISTINCT l.key FROM l),
    bound AS (
      SELECT COALESCE(SUM(k.kth), 0) * 10000 AS total, COALESCE(bool_and(k.whole), TRUE) AS whole
      FROM (SELECT CASE WHEN COUNT(*) < ${depth} THEN 0 ELSE MIN(l."ceiling") END AS kth, COUNT(*) < ${depth} AS whole FROM l GROUP BY l.month) k
    )`;
}

/** How many objects (or connection × object pairs) have a charge in the period: what the full ranking counts from its totals. */
async function countObjects(db: PrismaClient, organizationId: string, options: RankOptions): Promise<number> {
  const { split } = options;
  const connection = options.perConnection ? Prisma.sql`s."connectionId"` : Prisma.sql`NULL::text`;
  const parts: Prisma.Sql[] = [];
  if (split.months) {
    parts.push(Prisma.sql`
      SELECT s."resourceKey" AS key, ${connection} AS connection FROM "CostResourceMonthly" s
      WHERE s."organizationId" = ${organizationId} AND s."month" BETWEEN ${split.months.from}::date AND ${split.months.to}::date`);
  }
  if (split.edges.length) parts.push(Prisma.sql`SELECT s."resourceKey" AS key, ${connection} AS connection FROM "CostRecord" s WHERE ${edgeDays(organizationId, split)}`);
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS count FROM (SELECT DISTINCT x.key, x.connection FROM (${Prisma.join(parts, " UNION ALL ")}) x) k`;
  return row?.count ?? 0;
}

type Row = RankedResource | { window: "count" | "proved"; total: string };

function rankedOf(rows: Row[]): RankedResource[] {
  return rows.filter((row): row is RankedResource => row.window !== "count" && row.window !== "proved").sort((a, b) => a.position - b.position);
}

/** The pruned ranking, or null when the bound does not prove it (exported for its tests). */
export async function rankCandidates(db: PrismaClient, organizationId: string, options: RankOptions): Promise<RankedResource[] | null> {
  const deepest = Math.max(...options.windows.map((window) => window.offset + window.limit));
  const windows = options.windows.map(windowSql);
  const nth = Prisma.sql`(SELECT t.total FROM t ORDER BY t.total DESC LIMIT 1 OFFSET ${deepest - 1})`;
  const proved = Prisma.sql`(SELECT 'proved', 0, NULL, NULL, (bound.whole OR COALESCE(${nth} > bound.total, FALSE))::text FROM bound)`;
  const rows = await db.$queryRaw<Row[]>`
    WITH ${candidatesSql(organizationId, options.split, deepest * CEILINGS_PER_RANK)},
    t AS MATERIALIZED (${totalsSql(organizationId, options, Prisma.sql`AND s."resourceKey" IN (SELECT cand.key FROM cand)`)}),
    ${Prisma.join(windows.map((window) => window.cte), ", ")}
    ${Prisma.join([...windows.map((window) => window.select), proved], " UNION ALL ")}`;
  return rows.find((row) => row.window === "proved")?.total === "true" ? rankedOf(rows) : null;
}

/** The windows' objects in order, and (when asked) how many objects the period has in all. */
export async function rankResourceTotals(db: PrismaClient, organizationId: string, options: RankOptions): Promise<{ rows: RankedResource[]; count: number | null }> {
  const prunable = options.windows.length > 0 && options.windows.every((window) => window.direction === "desc") && isUnfiltered(options.filters);
  if (prunable && (options.split.months || options.split.edges.length)) {
    const [ranked, count] = await Promise.all([rankCandidates(db, organizationId, options), options.count ? countObjects(db, organizationId, options) : null]);
    if (ranked) return { rows: ranked, count };
  }
  const windows = options.windows.map(windowSql);
  const selects = [...windows.map((window) => window.select), Prisma.sql`(SELECT 'count', 0, NULL, NULL, COUNT(*)::text FROM t)`];
  const rows = await db.$queryRaw<Row[]>`
    WITH t AS MATERIALIZED (${totalsSql(organizationId, options)}), ${Prisma.join(windows.map((window) => window.cte), ", ")}
    ${Prisma.join(selects, " UNION ALL ")}`;
  const count = Number(rows.find((row) => row.window === "count")?.total ?? 0);
  return { rows: rankedOf(rows), count: options.count ? count : null };
}
