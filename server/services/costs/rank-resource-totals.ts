import { Prisma, type PrismaClient } from "../../db";
import { addDays, daysBetween, monthEndOf, monthStartOf } from "./calendar-days";
import { recordSource, whereClause, type CostSource, type ResolvedFilters } from "./cost-source-sql";
import type { MonthSplit } from "./resource-month-source";

/**
 * Per-resource totals over a period, ranked, for questions that rank tens of thousands of billed objects to show
 * a few (dashboard top 10, explorer by resource sorted by total): whole months from the monthly rollup, edge days
 * from CostRecord, both grouped by their integer resourceKey — hashing ~45k text ids a year cost more than the
 * rest of the dashboard together. Ties are broken exactly as the text ids would break them: each window
 * takes every object whose total lies within the window's total range, resolves only those ids, and cuts there.
 *
 * Top-N questions over two whole months or more (every window descending, no filter) first try to sum only the
 * objects that can matter: those among the K highest monthly ceilings (CostResourceMonthCeiling: the positive parts
 * of an object's records in a month, so they bound its edge days too) of each month the period touches, and among
 * the K highest day ceilings of a month of its edge days. Any other object's total is at most the sum over months
 * of what the lists leave out; when the N-th candidate total lies above that bound, the candidates' ranking is the
 * ranking. Otherwise (flat costs, deep pages) everything is summed.
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
  /** Whether the caller needs how many objects the period has. */
  count: boolean;
  /** At least how many objects the period's last month has (its last day's records), when the caller knows. */
  monthObjects?: number;
  /**
   * The cells of the windows' objects, read by the same statement once the windows are known: given a subquery of
   * their provider resource ids, a SELECT of rows (key, name, cells) that may carry other rows of the caller's.
   */
  cellsOf?: (ids: Prisma.Sql) => Prisma.Sql;
  /** A scalar subquery of text the statement returns along (Ranking.alongside): what the caller would read before. */
  alongside?: Prisma.Sql;
}

/** A row cellsOf selected: an object's name and cells packed by the caller's SQL (or whatever else the caller read along). */
export interface RankedCells {
  key: string | null;
  name: string | null;
  cells: string;
}

export interface Ranking {
  rows: RankedResource[];
  count: number | null;
  /** null when no cellsOf was given. */
  cells: RankedCells[] | null;
  /** The alongside subquery's value; null when none was given. */
  alongside: string | null;
}

/** Top ceilings read per month for each object a window must rank: 4 × N proves the top N on heavy-tailed costs. */
const CEILINGS_PER_RANK = 4;

/**
 * Pruning pays from two whole months, or over one when the month has more objects than the lists read: over one
 * month of a small tenant the lists hold every object and the candidates' bookkeeping is pure cost (measured,
 * whole explorer answers: on 100k resources 5–10 % faster over one month, 40 % over two, twice as fast over 12; on
 * 2,000 resources 40 % slower over one month).
 */
const PRUNE_FROM_MONTHS = 2;

function worthPruning(options: RankOptions, depth: number): boolean {
  const months = wholeMonths(options.split);
  return months >= PRUNE_FROM_MONTHS || (months === 1 && (options.monthObjects ?? 0) > depth);
}

function wholeMonths(split: MonthSplit): number {
  if (!split.months) return 0;
  const [fromYear, fromMonth] = split.months.from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = split.months.to.split("-").map(Number) as [number, number];
  return (toYear - fromYear) * 12 + toMonth - fromMonth + 1;
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

/** A window as two CTEs: its total range (b<i>) and its rows (w<i>). */
function windowSql(window: RankWindow, index: number): { ctes: Prisma.Sql; name: Prisma.Sql } {
  const dir = Prisma.raw(window.direction === "asc" ? "ASC" : "DESC");
  const bounds = Prisma.raw(`b${index}`);
  const name = Prisma.raw(`w${index}`);
  // Objects ranked before the window's first total: the candidates start right after them.
  const before = window.direction === "asc" ? Prisma.sql`t.total < ${bounds}.lo` : Prisma.sql`t.total > ${bounds}.hi`;
  const order = Prisma.sql`c.total ${dir}, c.connection COLLATE "C" ASC, c.id COLLATE "C" ASC`;
  const ctes = Prisma.sql`${bounds} AS (SELECT MIN(p.total) AS lo, MAX(p.total) AS hi FROM (SELECT t.total FROM t ORDER BY t.total ${dir} LIMIT ${window.limit} OFFSET ${window.offset}) p),
    ${name} AS (
    SELECT ${window.name}::text AS "window", row_number() OVER (ORDER BY ${order})::int AS position, c.connection AS "connectionId", c.id AS "providerResourceId", (c.total::numeric / 10000)::numeric(30, 4)::text AS total, NULL::text AS name
    FROM (
      SELECT c.* FROM (
        SELECT t.total, t.connection, (SELECT k."providerResourceId" FROM "CostResourceKey" k WHERE k."id" = t.key) AS id
        FROM t, ${bounds} WHERE t.total BETWEEN ${bounds}.lo AND ${bounds}.hi
      ) c
      ORDER BY ${order}
      LIMIT ${window.limit} OFFSET (SELECT ${window.offset}::int8 - COUNT(*) FROM t, ${bounds} WHERE ${before})
    ) c)`;
  return { ctes, name };
}

/**
 * The final SELECT over the windows' CTEs, the count and the proof (when given), and the windows' cells: read only
 * when `proved` holds (a pruned ranking that does not prove is thrown away, and its cells with it).
 */
function resultSql(options: RankOptions, windows: { name: Prisma.Sql }[], parts: Prisma.Sql[], proved: Prisma.Sql | null): Prisma.Sql {
  const selects = [...windows.map((window) => Prisma.sql`SELECT * FROM ${window.name}`), ...parts];
  if (options.alongside) selects.push(Prisma.sql`SELECT 'alongside', 0, NULL, NULL, (${options.alongside})::text, NULL`);
  if (options.cellsOf) {
    const ids = Prisma.join(windows.map((window) => Prisma.sql`SELECT w."providerResourceId" FROM ${window.name} w`), " UNION ");
    selects.push(Prisma.sql`SELECT 'cells', 0, NULL, x.key, x.cells, x.name FROM (${options.cellsOf(Prisma.sql`(${ids})`)}) x ${proved ? Prisma.sql`WHERE ${proved}` : Prisma.empty}`);
  }
  return Prisma.join(selects.map((select) => Prisma.sql`(${select})`), " UNION ALL ");
}

function isUnfiltered(filters: ResolvedFilters | null): boolean {
  if (!filters) return true;
  const lists = [filters.services, filters.regions, filters.projects, filters.resourceTypes, filters.tags];
  return filters.connectionIds === null && lists.every((list) => list.length === 0);
}

/** CostRecord's edge days of a split (s."chargePeriodStart"); FALSE when the split has none. */
function edgeDaysSql(split: MonthSplit): Prisma.Sql {
  const ranges = split.edges.map((edge) => Prisma.sql`s."chargePeriodStart" BETWEEN ${edge.from}::date AND ${edge.to}::date`);
  return ranges.length ? Prisma.sql`(${Prisma.join(ranges, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * The months of the split's edge days, with how many edge days each has. The split's whole months need no day
 * ceilings: the period holds every charged day of theirs, so a ceiling is at most its days times the dearest.
 */
function edgeMonthsOf(split: MonthSplit): { month: string; days: number }[] {
  const months: { month: string; days: number }[] = [];
  for (const edge of split.edges) {
    for (let month = monthStartOf(edge.from); month <= edge.to; month = addDays(monthEndOf(month), 1)) {
      const last = monthEndOf(month);
      months.push({ month, days: daysBetween(edge.from > month ? edge.from : month, edge.to < last ? edge.to : last) });
    }
  }
  return months;
}

/**
 * The pruned statement's candidates: l, the top ceilings of every month the period touches (a ceiling bounds the
 * object's total over any days of its month) and, for a month of the edge days (d of its days), its top day
 * ceilings too (the object's total over d of its days is at most d × its dearest day); cand, the objects in any
 * list; bound, what no other object's total reaches (ten-thousandths): per month the least of what its lists leave
 * out, and whether every month's ceilings were read whole (then the candidates are every object).
 */
function candidatesSql(organizationId: string, options: RankOptions, depth: number): Prisma.Sql {
  const { period } = options;
  const top = (column: "ceiling" | "dayCeiling", month: Prisma.Sql) => Prisma.sql`
    SELECT c."resourceKey", c.${Prisma.raw(`"${column}"`)} AS value FROM "CostResourceMonthCeiling" c
    WHERE c."organizationId" = ${organizationId} AND c."month" = ${month} ORDER BY c.${Prisma.raw(`"${column}"`)} DESC LIMIT ${depth}`;
  const edgeMonths = edgeMonthsOf(options.split);
  const dayLists = edgeMonths.length
    ? Prisma.sql`UNION ALL
      SELECT p.month, p.days, x."resourceKey", (x.value * 10000)::int8
      FROM (VALUES ${Prisma.join(edgeMonths.map((month) => Prisma.sql`(${month.month}::date, ${month.days}::int)`))}) AS p (month, days)
      CROSS JOIN LATERAL (${top("dayCeiling", Prisma.sql`p.month`)}) x`
    : Prisma.empty;
  const monthly = Prisma.sql`l.days = 0`;
  const daily = Prisma.sql`l.days > 0`;
  return Prisma.sql`
    l AS MATERIALIZED (
      SELECT m.month::date AS month, 0 AS days, x."resourceKey" AS key, (x.value * 10000)::int8 AS "ceiling"
      FROM generate_series(${monthStartOf(period.from)}::date, ${monthStartOf(period.to)}::date, interval '1 month') AS m (month)
      CROSS JOIN LATERAL (${top("ceiling", Prisma.sql`m.month::date`)}) x
      ${dayLists}),
    cand AS (SELECT DISTINCT l.key FROM l),
    bound AS (
      SELECT COALESCE(SUM(k.kth), 0) AS total, COALESCE(bool_and(k.whole), TRUE) AS whole
      FROM (
        SELECT LEAST(
                 CASE WHEN COUNT(*) FILTER (WHERE ${monthly}) < ${depth} THEN 0 ELSE MIN(l."ceiling") FILTER (WHERE ${monthly}) END,
                 CASE WHEN COUNT(*) FILTER (WHERE ${daily}) = 0 THEN NULL WHEN COUNT(*) FILTER (WHERE ${daily}) < ${depth} THEN 0
                      ELSE MIN(l."ceiling") FILTER (WHERE ${daily}) * MAX(l.days) END) AS kth,
               COUNT(*) FILTER (WHERE ${monthly}) < ${depth} AS whole
        FROM l GROUP BY l.month) k
    )`;
}

/**
 * The edge days' records of the period, per object (and connection), with their cost as stored: the candidates'
 * few hundred totals are converted to ten-thousandths once each rather than every row (a numeric product and cast
 * per row took 6 % of the pruned statement).
 */
function edgeRowsSql(organizationId: string, options: RankOptions, only: Prisma.Sql): Prisma.Sql {
  const connection = options.perConnection ? Prisma.sql`s."connectionId"` : Prisma.sql`NULL::text`;
  return Prisma.sql`
    SELECT s."resourceKey" AS key, ${connection} AS connection, s."billedCost" AS cost FROM "CostRecord" s
    WHERE s."organizationId" = ${organizationId} AND ${edgeDaysSql(options.split)} AND s."resourceKey" IS NOT NULL ${only}`;
}

/** The whole months' rows of the period, per object (and connection), as edgeRowsSql. */
function monthRowsSql(organizationId: string, options: RankOptions, only: Prisma.Sql): Prisma.Sql {
  const months = options.split.months;
  if (!months) return Prisma.sql`SELECT NULL::int AS key, NULL::text AS connection, NULL::numeric AS cost WHERE FALSE`;
  const connection = options.perConnection ? Prisma.sql`s."connectionId"` : Prisma.sql`NULL::text`;
  return Prisma.sql`
    SELECT s."resourceKey" AS key, ${connection} AS connection, s."billedCost" AS cost FROM "CostResourceMonthly" s
    WHERE ${whereClause(MONTHLY, organizationId, options.period, null)} AND s."month" BETWEEN ${months.from}::date AND ${months.to}::date ${only}`;
}

type Row = RankedResource & { name: string | null };

function rankingOf(rows: Row[], options: RankOptions): Ranking {
  const names = new Set(options.windows.map((window) => window.name));
  const ranked = rows.filter((row) => names.has(row.window)).sort((a, b) => a.position - b.position);
  return {
    rows: ranked.map((row) => ({ window: row.window, position: row.position, connectionId: row.connectionId, providerResourceId: row.providerResourceId, total: row.total })),
    count: options.count ? Number(rows.find((row) => row.window === "count")?.total ?? 0) : null,
    cells: options.cellsOf ? rows.filter((row) => row.window === "cells").map((row) => ({ key: row.providerResourceId, name: row.name, cells: row.total })) : null,
    alongside: options.alongside ? (rows.find((row) => row.window === "alongside")?.total ?? null) : null,
  };
}

/**
 * How many objects (or connection × object pairs) have a charge in the period, as the full ranking counts them
 * from its totals. Objects are counted from the ceilings without collecting their keys: those charged in the whole
 * months a..b are the rows there whose previous month with charges lies before a. An object charged on the edge
 * days before a is the row of the month before a whose last charge day lies in the period; it is charged in a..b
 * too when its first row there has that month as its previous month. One charged on the edge days after b is the
 * row of the month after b whose first charge day lies in the period; it is charged in a..b too when that row's
 * previous month is a or later. Each test reads a month's worth of ceilings, where an anti-join would hash every
 * row of a..b. A period inside one month counts its records.
 */
function countSql(organizationId: string, options: RankOptions): Prisma.Sql {
  const { months, edges } = options.split;
  const { period } = options;
  const count = (select: Prisma.Sql) => Prisma.sql`SELECT 'count', 0, NULL, NULL, (${select})::text, NULL`;
  if (options.perConnection) {
    return count(Prisma.sql`SELECT COUNT(*) FROM (SELECT m.key, m.connection FROM (${monthRowsSql(organizationId, options, Prisma.empty)}) m UNION SELECT e.key, e.connection FROM (${edgeRowsSql(organizationId, options, Prisma.empty)}) e) k`);
  }
  if (!months) return count(Prisma.sql`SELECT COUNT(DISTINCT e.key) FROM (${edgeRowsSql(organizationId, options, Prisma.empty)}) e`);
  const ceilings = Prisma.sql`"CostResourceMonthCeiling" c WHERE c."organizationId" = ${organizationId}`;
  const edgeObjects: Prisma.Sql[] = [];
  if (edges.some((edge) => edge.to < months.from)) {
    const lead = monthStartOf(period.from);
    edgeObjects.push(Prisma.sql`
      SELECT x."resourceKey" AS key, r."resourceKey" IS NULL AS alone FROM "CostResourceMonthCeiling" x
      LEFT JOIN (SELECT c."resourceKey" FROM ${ceilings} AND c."previousMonth" = ${lead}::date AND c."month" BETWEEN ${months.from}::date AND ${months.to}::date) r ON r."resourceKey" = x."resourceKey"
      WHERE x."organizationId" = ${organizationId} AND x."month" = ${lead}::date AND x."lastDay" >= ${period.from}::date`);
  }
  if (edges.some((edge) => edge.from > months.to)) {
    edgeObjects.push(Prisma.sql`
      SELECT c."resourceKey" AS key, c."previousMonth" IS NULL OR c."previousMonth" < ${months.from}::date AS alone
      FROM ${ceilings} AND c."month" = ${monthStartOf(period.to)}::date AND c."firstDay" <= ${period.to}::date`);
  }
  const edgeOnly = edgeObjects.length ? Prisma.sql`(SELECT COUNT(DISTINCT x.key) FROM (${Prisma.join(edgeObjects, " UNION ALL ")}) x WHERE x.alone)` : Prisma.sql`0`;
  return count(Prisma.sql`
    SELECT (SELECT COUNT(*) FROM ${ceilings} AND c."month" BETWEEN ${months.from}::date AND ${months.to}::date AND (c."previousMonth" IS NULL OR c."previousMonth" < ${months.from}::date)) + ${edgeOnly}`);
}

/** The deepest rank any window reaches. */
function deepestOf(options: RankOptions): number {
  return Math.max(...options.windows.map((window) => window.offset + window.limit));
}

/** How many top ceilings of each month the pruned statement reads. */
function depthOf(options: RankOptions): number {
  return deepestOf(options) * CEILINGS_PER_RANK;
}

/** The pruned ranking (unfiltered, descending windows), or null when the bound does not prove it (exported for its tests). */
export async function rankCandidates(db: PrismaClient, organizationId: string, options: RankOptions): Promise<Ranking | null> {
  const deepest = deepestOf(options);
  const windows = options.windows.map(windowSql);
  const nth = Prisma.sql`(SELECT t.total FROM t ORDER BY t.total DESC LIMIT 1 OFFSET ${deepest - 1})`;
  const parts = [Prisma.sql`SELECT 'proved', 0, NULL, NULL, proof.proved::text, NULL FROM proof`];
  if (options.count) parts.push(countSql(organizationId, options));
  const inCandidates = Prisma.sql`AND s."resourceKey" IN (SELECT cand.key FROM cand)`;
  const rows = await db.$queryRaw<Row[]>`
    WITH ${candidatesSql(organizationId, options, depthOf(options))},
    t AS MATERIALIZED (
      SELECT x.key, x.connection, (SUM(x.cost) * 10000)::int8 AS total
      FROM (${monthRowsSql(organizationId, options, inCandidates)} UNION ALL ${edgeRowsSql(organizationId, options, inCandidates)}) x GROUP BY 1, 2),
    proof AS (SELECT bound.whole OR COALESCE(${nth} > bound.total, FALSE) AS proved FROM bound),
    ${Prisma.join(windows.map((window) => window.ctes), ", ")}
    ${resultSql(options, windows, parts, Prisma.sql`(SELECT proof.proved FROM proof)`)}`;
  return rows.find((row) => row.window === "proved")?.total === "true" ? rankingOf(rows, options) : null;
}

/** The windows' objects in order, and when asked how many objects the period has in all and the windows' cells. */
export async function rankResourceTotals(db: PrismaClient, organizationId: string, options: RankOptions): Promise<Ranking> {
  const prunable = options.windows.length > 0 && worthPruning(options, depthOf(options)) && options.windows.every((window) => window.direction === "desc") && isUnfiltered(options.filters);
  const pruned = prunable ? await rankCandidates(db, organizationId, options) : null;
  if (pruned) return pruned;
  const windows = options.windows.map(windowSql);
  const rows = await db.$queryRaw<Row[]>`
    WITH t AS MATERIALIZED (${totalsSql(organizationId, options)}), ${Prisma.join(windows.map((window) => window.ctes), ", ")}
    ${resultSql(options, windows, options.count ? [Prisma.sql`SELECT 'count', 0, NULL, NULL, COUNT(*)::text, NULL FROM t`] : [], null)}`;
  return rankingOf(rows, options);
}
