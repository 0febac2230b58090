import type { PrismaClient } from "../../db";
import type { CostExplorerOptions } from "./cost-query-contract";
import { loadCostLookups, loadProjectNames, providerName } from "./load-cost-lookups";

/** The filter pickers' values, from the organization's own cost data (the rollups: tag keys from the per-tag one). */
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
    // The per-tag rollup's keys, by a skip scan of its (organization, key, …) index: one probe per distinct key.
    db.$queryRaw<{ key: string }[]>`
      WITH RECURSIVE k (key) AS (
        (SELECT t."tagKey" FROM "CostDailyTagValueRollup" t WHERE t."organizationId" = ${organizationId} ORDER BY t."tagKey" LIMIT 1)
        UNION ALL
        SELECT (SELECT t."tagKey" FROM "CostDailyTagValueRollup" t WHERE t."organizationId" = ${organizationId} AND t."tagKey" > k.key ORDER BY t."tagKey" LIMIT 1) FROM k WHERE k.key IS NOT NULL
      )
      SELECT key FROM k WHERE key IS NOT NULL ORDER BY 1`,
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
