import { SERVICE_BY_TYPE } from "../model/resource-types";
import type { ResourceDraft } from "../model/unified-resource";
import type { BillingGroups, BillingObject } from "./02-group-by-type";
import { billedQuantity } from "./billed-quantity";

/** A resource known only from billing (a share, a database, a cluster…): its state is "being charged". */
export function billedServiceResource(object: BillingObject, groups: BillingGroups, projectNames: Record<string, string>): ResourceDraft {
  const type = object.type ?? "server";
  const sizeMetric = object.metrics.find((metric) => metric.metric?.includes("gigabytes"))?.metric;
  const sizeGb = sizeMetric ? billedQuantity(object, groups.basis, sizeMetric) : null;
  return {
    providerResourceId: object.providerResourceId,
    name: object.name || object.providerResourceId,
    type,
    status: "ACTIVE",
    region: object.region,
    projectId: object.projectId,
    projectName: object.projectName ?? (object.projectId ? (projectNames[object.projectId] ?? null) : null),
    vcpus: billedQuantity(object, groups.basis, "compute_cores"),
    ramMb: billedQuantity(object, groups.basis, "compute_ram"),
    flavorName: null,
    storageGb: sizeGb,
    ipAddresses: [],
    attachedVolumes: [],
    networkInterfaces: [],
    flags: { zombie: false, orphan: false },
    specs: { billingType: object.billingType, parentId: object.parentId, billedMetrics: object.metrics },
    ...SERVICE_BY_TYPE[type],
    inventory: "not_applicable",
    cost: { kind: groups.basis, minor: object.currentMinor },
    daily: object.daily,
    billingIds: [object.providerResourceId],
  };
}
