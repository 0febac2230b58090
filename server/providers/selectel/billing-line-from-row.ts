import type { BillingLine } from "../contract";
import type { ConsumptionRow } from "./consumption-api";

/** Billing rows name a zone (ru-3b) where inventory names the pool (ru-3); lines carry the pool. */
export function poolOf(regionOrZone: string | null | undefined): string | null {
  if (!regionOrZone) return null;
  return /^([a-z]+-\d+)[a-z]$/.exec(regionOrZone)?.[1] ?? regionOrZone;
}

/** Keystone writes project ids as 32 hex digits; some billing answers dash them like a UUID. */
export function normalizeProjectId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.replace(/-/g, "").toLowerCase() : id;
}

/** A metric quantity as a decimal string; JSON numbers keep the digits they were sent with. */
function quantityOf(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "number" ? (Number.isFinite(value) ? String(value) : null) : value;
}

/**
 * One consumption row → one BillingLine, or null for a row without an object (it cannot be attributed).
 * `parent_id` equal to the project id is not a parent object (some rows point VMs at their project).
 */
export function billingLineFromRow(row: ConsumptionRow, period: { start: Date; end: Date }): BillingLine | null {
  const { object, metric, project } = row;
  if (!object?.id) return null;
  const projectId = project?.id ? normalizeProjectId(project.id) : null;
  const parentId = object.parent_id && normalizeProjectId(object.parent_id) !== projectId ? object.parent_id : null;
  return {
    providerResourceId: object.id,
    resourceName: object.name ?? null,
    billingType: object.type ?? "unknown",
    parentId,
    projectId,
    projectName: project?.name ?? null,
    region: poolOf(metric?.region),
    metric: metric?.id ?? null,
    quantity: quantityOf(metric?.quantity),
    unit: metric?.unit ?? null,
    // Kopecks are integers on the wire; a fractional value would be a float artefact, so round it away.
    costMinor: Number.isSafeInteger(row.value) ? row.value : Math.round(Number(row.value) || 0),
    currency: "RUB",
    periodStart: period.start,
    periodEnd: period.end,
    raw: row,
  };
}
