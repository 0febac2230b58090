import { Prisma, type PrismaClient } from "../../db";
import { recordSource, whereClause, type CostSource, type ResolvedFilters } from "./cost-source-sql";
import type { MonthSplit } from "./resource-month-source";

/**
 * Per-resource totals over a period, ranked, for questions that rank tens of thousands of billed objects to show
 * a few (dashboard top 10, explorer by resource sorted by total): whole months from the monthly rollup, edge days
 * from CostRecord, both grouped by their integer resourceKey — hashing ~45k text ids a year cost more than the
 * rest of the dashboard together. Ties are broken exactly as the text ids would break them: each window
 * takes every object whose total lies within the window's total range, resolves only those ids, and cuts there.
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
}

/** The monthly rollup filtered like CostRecord: same column names, '' never equals a filter value, firstDay in the period. */
const MONTHLY: CostSource = { kind: "records", from: Prisma.sql`"CostResourceMonthly" s`, day: Prisma.sql`s."firstDay"`, cost: Prisma.sql`s."billedCost"` };

function totalsSql(organizationId: string, options: RankOptions): Prisma.Sql {
  const { split, filters, perConnection } = options;
  const connection = perConnection ? Prisma.sql`s."connectionId"` : Prisma.sql`NULL::text`;
  const parts: Prisma.Sql[] = [];
  if (split.months) {
    parts.push(Prisma.sql`
      SELECT s."resourceKey" AS key, ${connection} AS connection, (s."billedCost" * 10000)::int8 AS cost FROM "CostResourceMonthly" s
      WHERE ${whereClause(MONTHLY, organizationId, options.period, filters)} AND s."month" BETWEEN ${split.months.from}::date AND ${split.months.to}::date`);
  }
  for (const edge of split.edges) {
    parts.push(Prisma.sql`
      SELECT s."resourceKey" AS key, ${connection} AS connection, (s."billedCost" * 10000)::int8 AS cost FROM "CostRecord" s
      WHERE ${whereClause(recordSource, organizationId, edge, filters)}`);
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

/** The windows' objects in order, and how many objects the period has in all. */
export async function rankResourceTotals(db: PrismaClient, organizationId: string, options: RankOptions): Promise<{ rows: RankedResource[]; count: number }> {
  const windows = options.windows.map(windowSql);
  const selects = [...windows.map((window) => window.select), Prisma.sql`(SELECT 'count', 0, NULL, NULL, COUNT(*)::text FROM t)`];
  const rows = await db.$queryRaw<RankedResource[]>`
    WITH t AS MATERIALIZED (${totalsSql(organizationId, options)}), ${Prisma.join(windows.map((window) => window.cte), ", ")}
    ${Prisma.join(selects, " UNION ALL ")}`;
  const count = Number(rows.find((row) => row.window === "count")?.total ?? 0);
  return { rows: rows.filter((row) => row.window !== "count").sort((a, b) => a.position - b.position), count };
}
