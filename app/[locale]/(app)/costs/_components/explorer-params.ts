import { COST_DIMENSIONS, GRANULARITIES, type CostExplorerInput, type CostFilters } from "@/server/services/costs/cost-query-contract";
import { rangeFromParams, rangeToParams } from "../../../../_components/date-range/range-params";

/** URL names of the list filters (short, so shared links stay readable). */
export const FILTER_PARAMS = {
  connectionIds: "conn",
  providerIds: "prov",
  services: "svc",
  regions: "region",
  projects: "proj",
  resourceTypes: "rtype",
} as const satisfies Record<Exclude<keyof CostFilters, "tags">, string>;
export type ListFilter = keyof typeof FILTER_PARAMS;

export const PAGE_SIZES = [25, 50, 100] as const;

type Read = (key: string) => string | null | undefined;
type ReadAll = (key: string) => string[];

function positive(value: string | null | undefined, fallback: number, max: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback;
}

/** Tag filters travel as `tag=env=prod`: the key ends at the first "=". */
export function parseTag(value: string): { key: string; value: string } | null {
  const at = value.indexOf("=");
  const key = (at < 0 ? value : value.slice(0, at)).trim();
  return key ? { key, value: at < 0 ? "" : value.slice(at + 1).trim() } : null;
}

/** The whole explorer query from the URL; anything unknown falls back to the defaults so old links still open. */
export function explorerInputFromParams(read: Read, readAll: ReadAll): CostExplorerInput {
  const groupBy = COST_DIMENSIONS.find((dimension) => dimension === read("group")) ?? "service";
  const granularity = GRANULARITIES.find((candidate) => candidate === read("gran")) ?? "day";
  const tagKey = read("tagKey")?.trim() || undefined;
  const list = (key: string) => [...new Set(readAll(key).map((value) => value.trim()).filter(Boolean))].slice(0, 50);
  const filters: CostFilters = {
    connectionIds: list(FILTER_PARAMS.connectionIds),
    providerIds: list(FILTER_PARAMS.providerIds),
    services: list(FILTER_PARAMS.services),
    regions: list(FILTER_PARAMS.regions),
    projects: list(FILTER_PARAMS.projects),
    resourceTypes: list(FILTER_PARAMS.resourceTypes),
    tags: readAll("tag").map(parseTag).filter((tag) => tag !== null).slice(0, 10),
  };
  const sortBy = read("sort") === "label" ? "label" : "total";
  const direction = read("dir") === "asc" ? "asc" : read("dir") === "desc" ? "desc" : sortBy === "label" ? "asc" : "desc";
  return {
    range: rangeFromParams(read),
    granularity,
    groupBy,
    ...(groupBy === "tag" && tagKey ? { tagKey } : {}),
    filters,
    sort: { by: sortBy, direction },
    page: positive(read("page"), 1, 100_000),
    pageSize: PAGE_SIZES.find((size) => size === positive(read("size"), 25, 500)) ?? 25,
  };
}

/** The inverse of explorerInputFromParams; defaults are left out of the URL. */
export function explorerInputToParams(input: CostExplorerInput): Record<string, string | string[]> {
  const defaultDirection = input.sort.by === "label" ? "asc" : "desc";
  return {
    ...rangeToParams(input.range),
    group: input.groupBy === "service" ? "" : input.groupBy,
    tagKey: input.groupBy === "tag" ? input.tagKey ?? "" : "",
    gran: input.granularity === "day" ? "" : input.granularity,
    ...Object.fromEntries(Object.entries(FILTER_PARAMS).map(([filter, param]) => [param, input.filters[filter as ListFilter]])),
    tag: input.filters.tags.map((tag) => `${tag.key}=${tag.value}`),
    sort: input.sort.by === "total" ? "" : input.sort.by,
    dir: input.sort.direction === defaultDirection ? "" : input.sort.direction,
    page: input.page === 1 ? "" : String(input.page),
    size: input.pageSize === 25 ? "" : String(input.pageSize),
  };
}
