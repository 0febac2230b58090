import { Prisma, type PrismaClient } from "../../db";
import { listProviders } from "../../providers/registry";
import { AppError } from "../../api/app-error";
import { costExplorerInput, OTHER_SERIES_KEY, type CostExplorerResult, type ResolvedPeriod } from "./cost-query-contract";
import { bucketExpression, caseOf, chooseSource, dimensionKey, exactSum, planPeriodSplit, recordSource, resolveFilters, whereClause, type CostSource, type ResolvedFilters } from "./cost-source-sql";
import { daysBetween } from "./calendar-days";
import { bucketsOf } from "./explorer-buckets";
import { costLookupsOf, costLookupsSql, loadCostLookups, providerNames } from "./load-cost-lookups";
import { formatUnits, unitsOf } from "./money";
import { resolvePeriod, type CostClock } from "./resolve-period";
import { rankResourceTotals, type RankWindow } from "./rank-resource-totals";
import { recallSplitFacts, rememberSplitFacts, splitFactsHold, type SplitFacts } from "./recall-split-facts";
import { monthSplitOf, monthSplitSource, type MonthSplit } from "./resource-month-source";

/** Label of the group of records that lack the dimension (key null). */
export const MISSING_LABEL = "—";

const CHART_SERIES = 10;

/** Amounts in ten-thousandths (money.ts unitsOf): an answer holds thousands of cells. */
export interface ExplorerGroup {
  key: string | null;
  label: string;
  total: bigint;
  byBucket: bigint[];
}

export interface ExplorerData {
  currency: string;
  period: ResolvedPeriod;
  buckets: string[];
  rows: ExplorerGroup[];
  totalRows: number;
  totals: { total: bigint; byBucket: bigint[] };
  chart: { series: { key: string | null; label: string }[]; costs: bigint[][] };
}

interface Query {
  source: CostSource;
  /** The period's first day: cells carry their bucket as days after it. */
  origin: string;
  key: Prisma.Sql;
  where: Prisma.Sql;
  bucket: Prisma.Sql;
  /** Whether each row is its own bucket's cell (CostRecord by day): cells need no grouping, the caller adds a day's rows up. */
  rowIsCell: boolean;
  /** Label of a grouped row, over g.key and g.name. */
  label: Prisma.Sql;
  nameAggregate: Prisma.Sql;
}

const mapKey = (key: string | null) => (key === null ? "\u0000" : `k:${key}`);

/**
 * The question's SQL. With `recall` (a page, not a retry), a ranked page of resources is built from the
 * split facts last read for its period (recall-split-facts.ts) and reads its lookups in its own statement.
 */
async function buildQuery(db: PrismaClient, organizationId: string, input: ReturnType<typeof costExplorerInput.parse>, period: ResolvedPeriod, recall: boolean) {
  if (input.groupBy === "tag" && !input.tagKey) throw new AppError("BAD_REQUEST", "errors.tagKeyRequired");
  const periodSplit = planPeriodSplit(period, input.granularity);
  const chosen = chooseSource(input.groupBy, input.filters, input.tagKey, periodSplit);
  // Ranking resources by total needs no names: they are read with the cells of the groups shown only (tens of
  // thousands of resources are ranked, a page is shown).
  const namesFromCells = input.groupBy === "resource" && input.sort.by === "total";
  // The lookups shape the SQL for connection and provider groups and provider filters, and carry the month split
  // that per-resource and tag questions read by (the monthly per-resource rollup for whole months, CostRecord for
  // the edges); otherwise they are read alongside the question (currency) rather than before it.
  const splits = chosen.kind !== "rollup";
  const needsLookups = input.groupBy === "connection" || input.groupBy === "provider" || input.filters.providerIds.length > 0;
  const recalled = recall && splits && namesFromCells && !needsLookups ? recallSplitFacts(organizationId, period) : undefined;
  const lookupsOf = recalled ? null : loadCostLookups(db, organizationId, splits ? period : undefined);
  lookupsOf?.catch(() => undefined); // see currencyOf below
  const lookups = lookupsOf && (needsLookups || splits) ? await lookupsOf : null;
  if (lookups?.facts) rememberSplitFacts(organizationId, period, lookups.facts);
  const split = recalled ? monthSplitOf(period, recalled) : (lookups?.split ?? null);
  const providerOf = lookups?.providerOf ?? new Map<string, string>();
  const source = split ? monthSplitSource(organizationId, split) : chosen;
  const keyOf = (of: CostSource) => dimensionKey(of, input.groupBy, { tagKey: input.tagKey, providerOf });
  const gKey = Prisma.sql`g.key`;
  let label: Prisma.Sql = gKey;
  if (input.groupBy === "connection") label = caseOf(gKey, lookups!.connectionNames, gKey);
  if (input.groupBy === "provider") label = caseOf(gKey, providerNames([...listProviders().map((plugin) => plugin.manifest.id), ...providerOf.values()]), gKey);
  // A project's name as the inventory knows it (Resource.projectName, the greatest if several): probed per group
  // (a handful) in the statement itself, by the (organization, project, name) index.
  if (input.groupBy === "project") label = Prisma.sql`COALESCE((SELECT MAX(r."projectName") FROM "Resource" r WHERE r."organizationId" = ${organizationId} AND r."projectId" = g.key), g.key)`;
  if (input.groupBy === "resource") label = Prisma.sql`COALESCE(g.name, g.key)`;
  const filters = resolveFilters(input.filters, providerOf);
  const queryOf = (of: CostSource): Query => ({
    source: of,
    origin: period.from,
    key: keyOf(of),
    where: whereClause(of, organizationId, period, filters),
    bucket: bucketExpression(of, input.granularity),
    rowIsCell: of === recordSource && input.granularity === "day",
    label: Prisma.sql`COALESCE(${label}, ${MISSING_LABEL}::text)`,
    nameAggregate: input.groupBy === "resource" && !namesFromCells ? Prisma.sql`MAX(s."resourceName")` : Prisma.sql`NULL::text`,
  });
  const query = queryOf(source);
  // The split source answers month buckets; day and week cells of the shown groups come from CostRecord.
  const cellsQuery = source.kind === "rollup" || input.granularity === "month" ? query : queryOf(recordSource);
  // Bucket totals do not depend on the grouping: without tag filters the daily rollup answers them even when the
  // groups themselves need per-resource data (by resource, by tag).
  const totalsQuery: Query = filters.tags.length ? cellsQuery : queryOf(chooseSource(null, input.filters, undefined, periodSplit));
  // Awaited by the caller after the question: handled here so a failed lookup is never "unhandled" meanwhile.
  const currencyOf = lookupsOf?.then((loaded) => loaded.currency) ?? null;
  currencyOf?.catch(() => undefined);
  // Resources ranked by total are ranked by their integer keys (see rank-resource-totals.ts); the shown ones' cells
  // and the bucket totals are read by the same statement, and so are the lookups when the split was recalled.
  const ranking = namesFromCells && split
    ? {
        split,
        filters,
        monthObjects: (recalled ?? lookups?.facts)?.lastDayRecords ?? 0,
        cellsOf: (ids: Prisma.Sql) => Prisma.sql`${packedCellsSql(cellsQuery, ids)} UNION ALL ${packedTotalsSql(totalsQuery)}`,
        alongside: recalled ? Prisma.sql`SELECT row_to_json(x)::text FROM (${costLookupsSql(organizationId, period)}) x` : undefined,
      }
    : null;
  return { query, cellsQuery, totalsQuery, currencyOf, namesFromCells, ranking, recalled };
}

type GroupRow = { key: string | null; label: string; total: string };

/**
 * An amount in one bucket: `at` is the bucket's start in days after the period's first day, `units` its money in
 * ten-thousandths. SQL sends both as integers: formatting thousands of dates and decimals costs more than the query
 * that sums them, and so does parsing them.
 */
type Cell = { key: string | null; at: number; units: bigint; name: string | null };
type BucketAmount = { at: number; units: bigint };
/** A group's name (the last one its cells carried) and amounts, by mapKey of the group's key. */
type CellsByKey = Map<string, { name: string | null; amounts: BucketAmount[] }>;

/** The page, the chart's top groups and the group count when asked; the shown groups' cells, the bucket totals and the lookups when read along. */
type GroupSets = { page: GroupRow[]; top: GroupRow[] | null; count: number | null; cells?: CellsByKey; bucketTotals?: BucketAmount[]; lookups?: string | null };

/** A bucket start as days after the query's first day. */
function atOf(query: Query, bucket: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${bucket} - ${query.origin}::date)`;
}

/** Money (4 decimals) as integer ten-thousandths. */
function unitsSql(cost: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${cost} * 10000)::int8`;
}

/** A group's cells packed by SQL as "at=units,…" (a year by day is thousands of cells: one row per group spares decoding a row object per cell). */
function packedCells(query: Query, bucket: Prisma.Sql, cost: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`string_agg(${atOf(query, bucket)}::text || '=' || ${unitsSql(cost)}::text, ',')`;
}

function unpackAmounts(packed: string): BucketAmount[] {
  return packed.split(",").map((cell) => {
    const separator = cell.indexOf("=");
    return { at: Number(cell.slice(0, separator)), units: BigInt(cell.slice(separator + 1)) };
  });
}

function unpackCells(key: string | null, packed: string, name: string | null): Cell[] {
  return unpackAmounts(packed).map((amount) => ({ key, ...amount, name }));
}

function cellsByKeyOf(cells: Cell[]): CellsByKey {
  const byKey: CellsByKey = new Map();
  for (const cell of cells) {
    const group = byKey.get(mapKey(cell.key));
    if (!group) byKey.set(mapKey(cell.key), { name: cell.name, amounts: [cell] });
    else {
      group.amounts.push(cell);
      if (cell.name !== null) group.name = cell.name;
    }
  }
  return byKey;
}

/** The bucket totals as one row of packedCellsSql's shape, with a NULL key and name. */
function packedTotalsSql(query: Query): Prisma.Sql {
  return Prisma.sql`
    SELECT NULL::text, NULL::text, ${packedCells(query, Prisma.sql`b.bucket`, Prisma.sql`b.cost`)} FROM (
      SELECT ${query.bucket} AS bucket, SUM(${query.source.cost}) AS cost FROM ${query.source.from} WHERE ${query.where} GROUP BY 1) b
    HAVING COUNT(*) > 0`;
}

/**
 * The cells of the groups whose keys the subquery `keys` gives, one row per group: (key, name = MAX(resourceName),
 * cells). Read group by group (LATERAL): a join would let the planner hash a whole year of rows for a page of keys.
 * Where a row is its bucket's cell, rows are packed as they come (a group's day may then come as several cells,
 * which spread() adds up): grouping them by day took a fifth of the cells' time.
 */
function packedCellsSql(query: Query, keys: Prisma.Sql): Prisma.Sql {
  const cells = query.rowIsCell
    ? Prisma.sql`
      SELECT MAX(s."resourceName") AS name, ${packedCells(query, query.bucket, query.source.cost)} AS cells
      FROM ${query.source.from} WHERE ${query.where} AND ${query.key} = w.key`
    : Prisma.sql`
      SELECT MAX(k.name) AS name, ${packedCells(query, Prisma.sql`k.bucket`, Prisma.sql`k.cost`)} AS cells FROM (
        SELECT MAX(s."resourceName") AS name, ${query.bucket} AS bucket, SUM(${query.source.cost}) AS cost
        FROM ${query.source.from} WHERE ${query.where} AND ${query.key} = w.key GROUP BY 2) k`;
  return Prisma.sql`SELECT w.key, x.name, x.cells FROM ${keys} w (key) CROSS JOIN LATERAL (${cells}) x WHERE x.cells IS NOT NULL`;
}

function orderOf(by: "label" | "total", dir: "asc" | "desc", alias = "l"): Prisma.Sql {
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  const of = Prisma.raw(alias);
  // Byte order (COLLATE "C") keeps the order identical on every database whatever its locale.
  return by === "total" ? Prisma.sql`${of}.total ${direction}, ${of}.key COLLATE "C" ASC NULLS LAST` : Prisma.sql`lower(${of}.label) COLLATE "C" ${direction}, ${of}.key COLLATE "C" ASC NULLS LAST`;
}

/** The page, and when asked the chart's top groups and the group count, over a CTE l (key, label, total). */
function groupParts(order: { by: "label" | "total"; direction: "asc" | "desc" }, page: { limit: number; offset: number } | null, extra: { top?: number; count?: boolean }): Prisma.Sql[] {
  // The position travels with each row: UNION ALL keeps each part's order in practice, but SQL does not promise it.
  // A page is cut first (a top-N sort of tens of thousands of resources) and only its rows are numbered.
  const pageRows = page
    ? Prisma.sql`(SELECT l.key, l.label, l.total FROM l ORDER BY ${orderOf(order.by, order.direction)} LIMIT ${page.limit} OFFSET ${page.offset}) p`
    : Prisma.sql`l p`;
  const parts = [Prisma.sql`(SELECT 'page' AS part, row_number() OVER (ORDER BY ${orderOf(order.by, order.direction, "p")})::int AS position, p.key, p.label, p.total::text AS total FROM ${pageRows})`];
  if (extra.top) parts.push(Prisma.sql`(SELECT 'top' AS part, 0, l.key, l.label, l.total::text AS total FROM l ORDER BY ${orderOf("total", "desc")} LIMIT ${extra.top})`);
  if (extra.count) parts.push(Prisma.sql`(SELECT 'count' AS part, 0, NULL, NULL, COUNT(*)::text FROM l)`);
  return parts;
}

function groupSetsOf(rows: (GroupRow & { part: string; position: number })[], extra: { top?: number; count?: boolean }): GroupSets {
  const strip = (row: GroupRow): GroupRow => ({ key: row.key, label: row.label, total: row.total });
  const countRow = rows.find((row) => row.part === "count");
  const top = rows.filter((row) => row.part === "top").map(strip);
  return {
    page: rows.filter((row) => row.part === "page").sort((a, b) => a.position - b.position).map(strip),
    top: extra.top ? top.sort(byTotalDescending) : null,
    count: countRow ? Number(countRow.total) : null,
  };
}

/**
 * For the rollups (a few daily rows per group and bucket): one statement, one read of the source. Its cells (group ×
 * bucket) give the groups' totals in SQL (ordering and paging stay in SQL) and the bucket totals: every matching
 * row is in exactly one cell. The cells come back whole, or with `shownCells` only those of the page and the
 * chart's top groups (tag values can be as many as resources).
 */
async function queryGroupsWithCells(db: PrismaClient, query: Query, order: { by: "label" | "total"; direction: "asc" | "desc" }, page: { limit: number; offset: number } | null, extra: { top?: number; count?: boolean }, shownCells: boolean): Promise<[GroupSets, BucketAmount[], Cell[]]> {
  const parts = groupParts(order, page, extra);
  let shown = Prisma.empty;
  if (shownCells) {
    const keysOf = (rows: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM ${rows} WHERE x.key IS NOT DISTINCT FROM c.key)`;
    const pageKeys = page ? Prisma.sql`(SELECT l.key FROM l ORDER BY ${orderOf(order.by, order.direction)} LIMIT ${page.limit} OFFSET ${page.offset}) x` : Prisma.sql`l x`;
    const topKeys = Prisma.sql`(SELECT l.key FROM l ORDER BY ${orderOf("total", "desc")} LIMIT ${CHART_SERIES}) x`;
    shown = Prisma.sql`WHERE ${keysOf(pageKeys)} OR ${keysOf(topKeys)}`;
  }
  parts.push(Prisma.sql`(SELECT 'cells' AS part, 0, c.key, NULL, ${packedCells(query, Prisma.sql`c.bucket`, Prisma.sql`c.cost`)} FROM c ${shown} GROUP BY c.key)`);
  // Every cell that comes back is summed into its bucket by the caller anyway: only a partial set needs SQL's totals.
  if (shownCells) parts.push(Prisma.sql`(SELECT 'bucket' AS part, 0, NULL, NULL, ${packedCells(query, Prisma.sql`b.bucket`, Prisma.sql`b.cost`)} FROM (SELECT c.bucket, SUM(c.cost) AS cost FROM c GROUP BY c.bucket) b HAVING COUNT(*) > 0)`);
  const records = query.source.records;
  const rows = await db.$queryRaw<(GroupRow & { part: string; position: number })[]>`
    WITH c AS (SELECT ${query.key} AS key, ${query.bucket} AS bucket, ${exactSum(query.source.cost)} AS cost, ${records ? Prisma.sql`SUM(${records})` : Prisma.sql`1`} AS records
               FROM ${query.source.from} WHERE ${query.where} GROUP BY 1, 2),
         g AS (SELECT c.key, SUM(c.cost) AS total FROM c GROUP BY 1 ${records ? Prisma.sql`HAVING SUM(c.records) > 0` : Prisma.empty}),
         l AS (SELECT g.key, ${query.label} AS label, g.total FROM g)
    ${Prisma.join(parts, " UNION ALL ")}`;
  const cells: Cell[] = rows.filter((row) => row.part === "cells").flatMap((row) => unpackCells(row.key, row.total, null));
  const bucketTotals = shownCells ? rows.filter((row) => row.part === "bucket").flatMap((row) => unpackCells(null, row.total, null)) : cells;
  return [groupSetsOf(rows, extra), bucketTotals, cells];
}

/**
 * Groups with their totals, ordered with a stable tie-break on the key; ordering and paging happen in SQL. One
 * aggregation answers the page, and when asked the chart's top groups and the number of groups too.
 */
async function queryGroups(db: PrismaClient, query: Query, order: { by: "label" | "total"; direction: "asc" | "desc" }, page: { limit: number; offset: number } | null, extra: { top?: number; count?: boolean } = {}): Promise<GroupSets> {
  const rows = await db.$queryRaw<(GroupRow & { part: string; position: number })[]>`
    WITH g AS (SELECT ${query.key} AS key, ${query.nameAggregate} AS name, ${exactSum(query.source.cost)} AS total FROM ${query.source.from} WHERE ${query.where} GROUP BY 1 ${query.source.records ? Prisma.sql`HAVING SUM(${query.source.records}) > 0` : Prisma.empty}),
         l AS (SELECT g.key, ${query.label} AS label, g.total FROM g)
    ${Prisma.join(groupParts(order, page, extra), " UNION ALL ")}`;
  return groupSetsOf(rows, extra);
}

/** queryGroups for resources ranked by total: the page (and the chart's top groups) by integer resource keys, with their cells. */
async function rankResourceGroups(db: PrismaClient, organizationId: string, period: ResolvedPeriod, ranking: { split: MonthSplit; filters: ResolvedFilters; monthObjects: number; cellsOf: (ids: Prisma.Sql) => Prisma.Sql; alongside?: Prisma.Sql }, order: { direction: "asc" | "desc" }, page: { limit: number; offset: number }, extra: { top?: number }): Promise<GroupSets> {
  const windows: RankWindow[] = [{ name: "page", direction: order.direction, ...page }];
  if (extra.top) windows.push({ name: "top", direction: "desc", limit: extra.top, offset: 0 });
  const { rows, count, cells, alongside } = await rankResourceTotals(db, organizationId, { period, perConnection: false, windows, count: true, ...ranking });
  const of = (name: string): GroupRow[] => rows.filter((row) => row.window === name).map((row) => ({ key: row.providerResourceId, label: row.providerResourceId, total: row.total }));
  const groupCells: CellsByKey = new Map((cells ?? []).filter((group) => group.key !== null).map((group) => [mapKey(group.key), { name: group.name, amounts: unpackAmounts(group.cells) }]));
  const totals = (cells ?? []).filter((group) => group.key === null).flatMap((group) => unpackAmounts(group.cells));
  return { page: of("page"), top: extra.top ? of("top") : null, count, cells: groupCells, bucketTotals: totals, lookups: alongside };
}

/** Costs per group and bucket, for the given groups only (null = every group); with names, each group's MAX(resourceName). */
async function queryGroupBuckets(db: PrismaClient, query: Query, keys: (string | null)[] | null, withNames = false): Promise<Cell[]> {
  let restrict = Prisma.empty;
  if (keys) {
    const present = keys.filter((key): key is string => key !== null);
    const parts = [present.length ? Prisma.sql`${query.key} IN (${Prisma.join(present)})` : Prisma.sql`FALSE`];
    if (keys.includes(null)) parts.push(Prisma.sql`${query.key} IS NULL`);
    restrict = Prisma.sql`AND (${Prisma.join(parts, " OR ")})`;
  }
  const name = withNames ? Prisma.sql`MAX(MAX(s."resourceName")) OVER (PARTITION BY ${query.key})` : Prisma.sql`NULL::text`;
  const rows = await db.$queryRaw<{ key: string | null; name: string | null; at: number; units: string }[]>`
    SELECT ${query.key} AS key, ${name} AS name, ${atOf(query, query.bucket)} AS at, ${unitsSql(Prisma.sql`SUM(${query.source.cost})`)}::text AS units
    FROM ${query.source.from} WHERE ${query.where} ${restrict} GROUP BY 1, ${query.bucket}`;
  return rows.map((row) => ({ key: row.key, name: row.name, at: row.at, units: BigInt(row.units) }));
}

async function queryBucketTotals(db: PrismaClient, query: Query): Promise<BucketAmount[]> {
  const [row] = await db.$queryRaw<{ cells: string }[]>`SELECT x.cells FROM (${packedTotalsSql(query)}) x (key, name, cells)`;
  return row ? unpackAmounts(row.cells) : [];
}

/** Bucket positions by their start in days after the period's first day. */
function positionsOf(buckets: string[], period: ResolvedPeriod): Map<number, number> {
  return new Map(buckets.map((bucket, position) => [daysBetween(period.from, bucket) - 1, position]));
}

function spread(amounts: BucketAmount[], positions: Map<number, number>): bigint[] {
  const values = new Array<bigint>(positions.size).fill(0n);
  for (const amount of amounts) {
    // A week or month that starts before the period is its first bucket.
    const position = amount.at < 0 ? 0 : positions.get(amount.at);
    if (position !== undefined) values[position] = values[position]! + amount.units;
  }
  return values;
}

/**
 * The explorer's data for one page (or every row, for the CSV): groups ordered and paged in SQL, bucket costs only
 * for the groups shown and the chart's top 10, totals per bucket over everything the filters match.
 */
export function collectCostExplorer(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock, paging: "page" | "all"): Promise<ExplorerData & { input: ReturnType<typeof costExplorerInput.parse> }> {
  return collect(db, organizationId, rawInput, clock, paging, paging === "page");
}

async function collect(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock, paging: "page" | "all", recall: boolean): Promise<ExplorerData & { input: ReturnType<typeof costExplorerInput.parse> }> {
  const input = costExplorerInput.parse(rawInput);
  const period = resolvePeriod(input.range, clock);
  const { query, cellsQuery, totalsQuery, currencyOf, namesFromCells, ranking, recalled } = await buildQuery(db, organizationId, input, period, recall);
  const buckets = bucketsOf(period, input.granularity);
  const positions = positionsOf(buckets, period);

  const page = paging === "page" ? { limit: input.pageSize, offset: (input.page - 1) * input.pageSize } : null;
  const topFromPage = paging === "page" && input.sort.by === "total" && input.sort.direction === "desc" && input.page === 1 && input.pageSize >= CHART_SERIES + 1;
  // The rollups' groups come with their cells in one read of the source; per-resource groups can be 100k, so the
  // shown ones' cells are read after them. Tag values can be as many as resources (a "name" tag): only the shown
  // groups' cells come back.
  const cellsWithGroups = cellsQuery.source.kind === "rollup";
  const extra = paging === "page" ? { top: topFromPage ? undefined : CHART_SERIES + 1, count: true } : {};
  const [sets, bucketTotals, everyCell] = cellsWithGroups
    ? await queryGroupsWithCells(db, cellsQuery, input.sort, page, extra, cellsQuery.source.tag === "grouped")
    : ranking && page
      ? await rankResourceGroups(db, organizationId, period, ranking, input.sort, page, extra).then((ranked) => [ranked, ranked.bucketTotals ?? [], null] as const)
      : await Promise.all([queryGroups(db, query, input.sort, page, extra), queryBucketTotals(db, totalsQuery), null]);
  const currency = recalled ? currencyIfStill(organizationId, period, recalled, sets.lookups) : await currencyOf!;
  // The facts changed since they were recalled: asked again from the ones just read.
  if (currency === null) return collect(db, organizationId, rawInput, clock, paging, false);
  const groups = sets.page;
  const ranked = sets.top ?? (paging === "all" ? [...groups].sort(byTotalDescending) : groups);
  const totalRows = paging === "all" ? groups.length : sets.count!;

  const chartGroups = ranked.slice(0, CHART_SERIES);
  const wanted = paging === "all" ? null : [...new Map([...groups, ...chartGroups].map((group) => [mapKey(group.key), group.key])).values()];
  const cellsByKey = sets.cells ?? cellsByKeyOf(everyCell ?? (await queryGroupBuckets(db, cellsQuery, wanted, namesFromCells)));
  const labelOf = (row: GroupRow) => (namesFromCells ? (cellsByKey.get(mapKey(row.key))?.name ?? row.key ?? MISSING_LABEL) : row.label);
  // A group both shown and charted is built once.
  const built = new Map<string, ExplorerGroup>();
  const toGroup = (row: GroupRow): ExplorerGroup => {
    const known = built.get(mapKey(row.key));
    if (known) return known;
    const group = { key: row.key, label: labelOf(row), total: unitsOf(row.total), byBucket: spread(cellsByKey.get(mapKey(row.key))?.amounts ?? [], positions) };
    built.set(mapKey(row.key), group);
    return group;
  };

  const totalsByBucket = spread(bucketTotals, positions);
  const series = chartGroups.map(toGroup);
  const costs = buckets.map((_, position) => series.map((group) => group.byBucket[position]!));
  const chartSeries = series.map((group) => ({ key: group.key, label: group.label }));
  if (totalRows > CHART_SERIES) {
    chartSeries.push({ key: OTHER_SERIES_KEY, label: "Other" });
    costs.forEach((point, position) => point.push(point.reduce((rest, cost) => rest - cost, totalsByBucket[position]!)));
  }
  return {
    input,
    currency,
    period,
    buckets,
    rows: groups.map(toGroup),
    totalRows,
    totals: { total: totalsByBucket.reduce((total, cost) => total + cost, 0n), byBucket: totalsByBucket },
    chart: { series: chartSeries, costs },
  };
}

/** The currency from lookups read along a statement built from recalled split facts, or null when those facts no longer hold. */
function currencyIfStill(organizationId: string, period: ResolvedPeriod, recalled: SplitFacts, lookupsJson: string | null | undefined): string | null {
  const lookups = costLookupsOf(lookupsJson ?? undefined, period);
  return splitFactsHold(organizationId, period, recalled, lookups.facts!) ? lookups.currency : null;
}

function byTotalDescending(a: GroupRow, b: GroupRow): number {
  const difference = unitsOf(b.total) - unitsOf(a.total);
  return difference > 0n ? 1 : difference < 0n ? -1 : compareKeys(a.key, b.key);
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** costExplorer.query: one page of groups with their buckets, totals over all groups, the chart's top 10 + other. */
export async function queryCostExplorer(db: PrismaClient, organizationId: string, rawInput: unknown, clock: CostClock): Promise<CostExplorerResult> {
  const data = await collectCostExplorer(db, organizationId, rawInput, clock, "page");
  const { input } = data;
  return {
    currency: data.currency,
    period: data.period,
    granularity: input.granularity,
    groupBy: input.groupBy,
    buckets: data.buckets,
    rows: data.rows.map((row) => ({ key: row.key, label: row.label, total: formatUnits(row.total), byBucket: row.byBucket.map(formatUnits) })),
    totals: { total: formatUnits(data.totals.total), byBucket: data.totals.byBucket.map(formatUnits) },
    chart: { series: data.chart.series, points: data.buckets.map((bucket, position) => ({ bucket, costs: data.chart.costs[position]!.map(formatUnits) })) },
    pagination: { page: input.page, pageSize: input.pageSize, totalRows: data.totalRows, pageCount: Math.ceil(data.totalRows / input.pageSize) },
  };
}
