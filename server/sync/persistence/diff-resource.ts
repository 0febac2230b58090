import { INVENTORY_SPEC_FIELDS, type ResourceView } from "./resource-view";

export type FieldDiff = Record<string, { before: unknown; after: unknown }>;

export interface ResourceChangeSummary {
  change: "created" | "updated" | "unchanged";
  costChanged: boolean;
  statusChanged: boolean;
  configChanged: boolean;
  diff: FieldDiff;
}

const COST_FIELDS = ["hourlyCost", "dailyCost", "monthlyCost", "currency"] as const;
const STATUS_FIELDS = ["status", "isActive", "isZombie"] as const;
const CONFIG_FIELDS = ["name", "resourceType", "region", "projectId", "projectName", "serviceName", "serviceCategory", "isOrphan"] as const;

/** JSON with sorted keys, so two equal objects compare equal whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

function compare(diff: FieldDiff, field: string, before: unknown, after: unknown): boolean {
  if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return false;
  diff[field] = { before: before ?? null, after: after ?? null };
  return true;
}

/**
 * What changed between the stored resource and this run's: cost (the three rates), status (status, active,
 * zombie) and configuration (identity, placement, size, addresses, disks, NICs). Money compares at column scale,
 * so "12.300000" from Postgres equals "12.300000" computed here. Other specs (balances, month-to-date totals,
 * billed metrics) are refreshed on every run without counting as a change.
 */
export function diffResource(before: ResourceView | null, after: ResourceView): ResourceChangeSummary {
  if (!before) return { change: "created", costChanged: false, statusChanged: false, configChanged: false, diff: {} };
  const diff: FieldDiff = {};
  let costChanged = false;
  let statusChanged = false;
  let configChanged = false;
  for (const field of COST_FIELDS) costChanged = compare(diff, field, before[field], after[field]) || costChanged;
  for (const field of STATUS_FIELDS) statusChanged = compare(diff, field, before[field], after[field]) || statusChanged;
  for (const field of CONFIG_FIELDS) configChanged = compare(diff, field, before[field], after[field]) || configChanged;
  for (const field of INVENTORY_SPEC_FIELDS) configChanged = compare(diff, field, before.specs[field], after.specs[field]) || configChanged;
  const changed = costChanged || statusChanged || configChanged;
  return { change: changed ? "updated" : "unchanged", costChanged, statusChanged, configChanged, diff };
}
