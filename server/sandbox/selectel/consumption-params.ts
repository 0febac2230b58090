import { HOUR_MS, floorHour, parseMoscowNaive } from "./moscow-time";
import { PROVIDER_KEYS } from "./object-types";

export const GROUP_TYPES = ["project", "object", "metric", "project_metric", "region_metric", "object_metric", "project_object_region_metric"] as const;
export const PERIOD_GROUP_TYPES = ["hour", "day", "week", "month", "year", "all"] as const;

export type GroupType = (typeof GROUP_TYPES)[number];
export type PeriodGroupType = (typeof PERIOD_GROUP_TYPES)[number];
export type Locale = "ru" | "en";

export interface ConsumptionQuery {
  providerKeys: Set<string>;
  /** Hour-aligned epoch ms range [from, to): the hour stamped at `end` is included, as the API does. */
  from: number;
  to: number;
  groupType: GroupType;
  periodGroupType: PeriodGroupType;
  locale: Locale;
}

/** Validates the statistic endpoints' query; a string is the 400 message. */
export function parseConsumptionQuery(params: URLSearchParams): ConsumptionQuery | string {
  const providerKeys = parseProviderKeys(params);
  if (typeof providerKeys === "string") return providerKeys;
  const start = params.get("start");
  const end = params.get("end");
  if (!start || !end) return "Query parameters 'start' and 'end' are required (YYYY-MM-DDTHH:MM:SS)";
  const startMs = parseMoscowNaive(start);
  const endMs = parseMoscowNaive(end);
  if (startMs === null) return `Invalid 'start': "${start}", expected YYYY-MM-DDTHH:MM:SS`;
  if (endMs === null) return `Invalid 'end': "${end}", expected YYYY-MM-DDTHH:MM:SS`;
  if (endMs < startMs) return "'end' must not be earlier than 'start'";
  const groupType = params.get("group_type") ?? "project";
  if (!isOneOf(GROUP_TYPES, groupType)) return `Invalid 'group_type': "${groupType}", expected one of ${GROUP_TYPES.join(", ")}`;
  const periodGroupType = params.get("period_group_type") ?? "all";
  if (!isOneOf(PERIOD_GROUP_TYPES, periodGroupType)) return `Invalid 'period_group_type': "${periodGroupType}", expected one of ${PERIOD_GROUP_TYPES.join(", ")}`;
  const locale = parseLocale(params);
  if (typeof locale !== "object") return locale;
  return { providerKeys, from: floorHour(startMs), to: floorHour(endMs) + HOUR_MS, groupType, periodGroupType, locale: locale.value };
}

export function parseProviderKeys(params: URLSearchParams): Set<string> | string {
  const keys = params.getAll("provider_keys");
  if (!keys.length) return "Query parameter 'provider_keys' is required (repeat it for several products)";
  // A comma-joined value is the classic client mistake; the API wants the parameter repeated.
  const unknown = keys.filter((key) => !isOneOf(PROVIDER_KEYS, key));
  if (unknown.length) return `Invalid 'provider_keys': ${unknown.map((key) => `"${key}"`).join(", ")}`;
  return new Set(keys);
}

export function parseLocale(params: URLSearchParams): { value: Locale } | string {
  const locale = params.get("locale") ?? "ru";
  if (locale !== "ru" && locale !== "en") return `Invalid 'locale': "${locale}", expected ru or en`;
  return { value: locale };
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
