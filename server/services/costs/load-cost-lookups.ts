import type { PrismaClient } from "../../db";
import { listProviders } from "../../providers/registry";
import type { ProviderOfConnection } from "./cost-source-sql";

export interface CostLookups {
  currency: string;
  connections: { id: string; name: string; providerId: string }[];
  providerOf: ProviderOfConnection;
  connectionNames: Map<string, string>;
}

/** A provider's display name from the registry; an unknown id (a removed plugin) shows as itself. */
export function providerName(providerId: string): string {
  return listProviders().find((plugin) => plugin.manifest.id === providerId)?.manifest.displayName ?? providerId;
}

export function providerNames(providerIds: Iterable<string>): Map<string, string> {
  return new Map([...new Set(providerIds)].map((id) => [id, providerName(id)]));
}

/** The organization's currency and connections: small, read once per query to label and filter. */
export async function loadCostLookups(db: PrismaClient, organizationId: string): Promise<CostLookups> {
  const [organization, connections] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { currency: true } }),
    db.cloudConnection.findMany({ where: { organizationId }, select: { id: true, name: true, providerId: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  return {
    currency: organization.currency,
    connections,
    providerOf: new Map(connections.map((connection) => [connection.id, connection.providerId])),
    connectionNames: new Map(connections.map((connection) => [connection.id, connection.name])),
  };
}

/** Project id → name as the inventory knows it (Resource.projectName); ids without a name stay ids. */
export async function loadProjectNames(db: PrismaClient, organizationId: string): Promise<Map<string, string>> {
  const rows = await db.resource.groupBy({ by: ["projectId"], where: { organizationId, projectId: { not: null }, projectName: { not: null } }, _max: { projectName: true } });
  return new Map(rows.flatMap((row) => (row.projectId && row._max.projectName ? [[row.projectId, row._max.projectName] as [string, string]] : [])));
}
