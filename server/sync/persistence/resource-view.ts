import type { UnifiedResource } from "../model/unified-resource";

/** The fields of a Resource row the sync compares between runs (specs hold what has no column). */
export interface ResourceView {
  name: string;
  resourceType: string;
  status: string;
  region: string | null;
  projectId: string | null;
  projectName: string | null;
  serviceName: string | null;
  serviceCategory: string | null;
  hourlyCost: string;
  dailyCost: string;
  monthlyCost: string;
  currency: string;
  isZombie: boolean;
  isOrphan: boolean;
  isActive: boolean;
  /** String-valued provider metadata (OpenStack server metadata): what the cost explorer groups and filters by. */
  tags: Record<string, string>;
  specs: Record<string, unknown>;
}

/** Inventory-derived specs: kept from the previous run when this run could not read the resource's scope. */
export const INVENTORY_SPEC_FIELDS = ["vcpus", "ramMb", "flavorName", "storageGb", "ipAddresses", "attachedVolumes", "networkInterfaces"] as const;

/** What Prisma hands back for a Resource row (Decimal columns only need toFixed). */
export interface ResourceRowLike {
  name: string;
  resourceType: string;
  status: string;
  region: string | null;
  projectId: string | null;
  projectName: string | null;
  serviceName: string | null;
  serviceCategory: string | null;
  hourlyCost: { toFixed(digits: number): string };
  dailyCost: { toFixed(digits: number): string };
  monthlyCost: { toFixed(digits: number): string };
  currency: string;
  isZombie: boolean;
  isOrphan: boolean;
  isActive: boolean;
  tags: unknown;
  specs: unknown;
}

/** The string entries of a metadata / tags object, keys sorted; anything else is no tags. */
export function stringTags(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

export function viewOfResource(resource: UnifiedResource): ResourceView {
  return {
    name: resource.name,
    resourceType: resource.type,
    status: resource.status,
    region: resource.region,
    projectId: resource.projectId,
    projectName: resource.projectName,
    serviceName: resource.serviceName,
    serviceCategory: resource.serviceCategory,
    hourlyCost: resource.hourlyCost,
    dailyCost: resource.dailyCost,
    monthlyCost: resource.monthlyCost,
    currency: resource.currency,
    isZombie: resource.flags.zombie,
    isOrphan: resource.flags.orphan,
    isActive: true,
    tags: stringTags(resource.specs.metadata),
    specs: {
      ...resource.specs,
      vcpus: resource.vcpus,
      ramMb: resource.ramMb,
      flavorName: resource.flavorName,
      storageGb: resource.storageGb,
      ipAddresses: resource.ipAddresses,
      attachedVolumes: resource.attachedVolumes,
      networkInterfaces: resource.networkInterfaces,
      periodCost: resource.periodCost,
      inventory: resource.inventory,
      billingIds: resource.billingIds,
    },
  };
}

export function viewOfRow(row: ResourceRowLike): ResourceView {
  return {
    name: row.name,
    resourceType: row.resourceType,
    status: row.status,
    region: row.region,
    projectId: row.projectId,
    projectName: row.projectName,
    serviceName: row.serviceName,
    serviceCategory: row.serviceCategory,
    hourlyCost: row.hourlyCost.toFixed(6),
    dailyCost: row.dailyCost.toFixed(4),
    monthlyCost: row.monthlyCost.toFixed(2),
    currency: row.currency,
    isZombie: row.isZombie,
    isOrphan: row.isOrphan,
    isActive: row.isActive,
    tags: stringTags(row.tags),
    specs: row.specs && typeof row.specs === "object" && !Array.isArray(row.specs) ? (row.specs as Record<string, unknown>) : {},
  };
}

/**
 * A resource whose project × region failed this run is known only from billing: keep its last known status,
 * flags and inventory specs, and take only the fresh costs (earlier data is never lost to a failure).
 */
export function preserveInventoryFields(before: ResourceView | null, after: ResourceView): ResourceView {
  if (!before || after.specs.inventory !== "scope_failed") return after;
  const specs = { ...after.specs };
  for (const field of INVENTORY_SPEC_FIELDS) if (field in before.specs) specs[field] = before.specs[field];
  return {
    ...after,
    status: before.isActive ? before.status : after.status,
    isZombie: before.isZombie,
    isOrphan: before.isOrphan,
    tags: before.tags,
    specs,
  };
}
