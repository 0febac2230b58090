import type { BillingObject } from "./02-group-by-type";

/**
 * A size read from the latest hour's charges: providers report quantities cumulated over the period, so over one
 * hour "compute_cores 2" means 2 cores and "volume_gigabytes_fast 50" means 50 GB. Daily quantities cannot be
 * read that way, so without hourly data this returns null.
 */
export function billedQuantity(object: BillingObject | undefined, basis: "hourly" | "daily", metricPrefix: string): number | null {
  if (!object || basis !== "hourly") return null;
  const line = object.metrics.find((metric) => metric.metric?.startsWith(metricPrefix) && metric.quantity !== null);
  if (!line?.quantity) return null;
  const value = Number(line.quantity);
  if (!Number.isFinite(value)) return null;
  const unit = line.unit?.toUpperCase();
  return Math.round(unit === "GB" && metricPrefix === "compute_ram" ? value * 1024 : value);
}

/** "volume_universal" → "universal": the tier a billed volume was charged as. */
export function billedVolumeTier(object: BillingObject | undefined): string | null {
  const match = object ? /^volume_(.+)$/.exec(object.billingType) : null;
  return match?.[1] ?? null;
}
