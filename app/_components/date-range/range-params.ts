import { RANGE_PRESETS, type DateRangeInput, type RangePreset } from "@/server/services/costs/cost-query-contract";

export const DEFAULT_PRESET: RangePreset = "30d";

type Read = (key: string) => string | null | undefined;

/**
 * The period in the URL: `?range=90d` or `?from=2026-01-01&to=2026-03-31`. A custom range is passed through
 * unchecked so the server can explain what is wrong with it; anything unreadable falls back to 30 days.
 */
export function rangeFromParams(read: Read): DateRangeInput {
  const from = read("from")?.trim();
  const to = read("to")?.trim();
  if (from && to) return { from: from.slice(0, 10), to: to.slice(0, 10) };
  const preset = read("range");
  return { preset: RANGE_PRESETS.find((candidate) => candidate === preset) ?? DEFAULT_PRESET };
}

export function rangeToParams(range: DateRangeInput): Record<"range" | "from" | "to", string> {
  return "preset" in range ? { range: range.preset === DEFAULT_PRESET ? "" : range.preset, from: "", to: "" } : { range: "", from: range.from, to: range.to };
}

/** Reads a server component's `searchParams` object like URLSearchParams. */
export function readerOf(query: Record<string, string | string[] | undefined>): Read {
  return (key) => {
    const value = query[key];
    return Array.isArray(value) ? value[0] : value;
  };
}
