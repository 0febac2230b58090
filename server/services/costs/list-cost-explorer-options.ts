import type { PrismaClient } from "../../db";
import type { CostExplorerOptions } from "./cost-query-contract";
import { loadCostLookups, loadProjectNames, providerName } from "./load-cost-lookups";

/** The filter pickers' values, from the organization's own cost data (the rollup, except tag keys). */
export async function listCostExplorerOptions(db: PrismaClient, organizationId: string): Promise<CostExplorerOptions> {
  const distinct = (column: "serviceName" | "regionId" | "subAccountId" | "resourceType") =>
    db.costDailyRollup.findMany({ where: { organizationId, NOT: { [column]: "" } }, distinct: [column], select: { [column]: true }, orderBy: { [column]: "asc" } }) as Promise<Record<string, string>[]>;
  const [lookups, services, regions, projects, resourceTypes, projectNames, tagKeys] = await Promise.all([
    loadCostLookups(db, organizationId),
    distinct("serviceName"),
    distinct("regionId"),
    distinct("subAccountId"),
    distinct("resourceType"),
    loadProjectNames(db, organizationId),
    db.$queryRaw<{ key: string }[]>`
      SELECT DISTINCT jsonb_object_keys(s."tags") AS key FROM "CostRecord" s
      WHERE s."organizationId" = ${organizationId} AND s."tags" <> '{}'::jsonb ORDER BY 1`,
  ]);
  const providerIds = [...new Set(lookups.connections.map((connection) => connection.providerId))];
  return {
    connections: lookups.connections,
    providers: providerIds.map((id) => ({ id, name: providerName(id) })).sort((a, b) => a.name.localeCompare(b.name)),
    services: services.map((row) => row.serviceName!),
    regions: regions.map((row) => row.regionId!),
    projects: projects.map((row) => ({ id: row.subAccountId!, name: projectNames.get(row.subAccountId!) ?? row.subAccountId! })),
    resourceTypes: resourceTypes.map((row) => row.resourceType!),
    tagKeys: tagKeys.map((row) => row.key),
  };
}
