import { Prisma, type PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { listProviders } from "../../providers/registry";
import type { ProviderOfConnection } from "./cost-source-sql";
import { monthSplitFactsSql, monthSplitOf, type MonthSplit } from "./resource-month-source";

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

/**
 * The organization's currency and connections: small, read once per query to label and filter, in one statement;
 * with `splitOf`, what per-resource questions need before anything else: the month split of that period
 * (resource-month-source.ts) and how many records its last day has (an object has at most one a day, so a month
 * has at least that many objects).
 */
export async function loadCostLookups(db: PrismaClient, organizationId: string, splitOf?: { from: string; to: string }): Promise<CostLookups & { split: MonthSplit | null; lastDayRecords: number }> {
  const facts = splitOf
    ? Prisma.sql`${monthSplitFactsSql(organizationId, splitOf)},
      (SELECT COALESCE(SUM(r."recordCount"), 0) FROM "CostDailyOrgServiceRollup" r WHERE r."organizationId" = o."id" AND r."day" = ${splitOf.to}::date)::int AS "lastDayRecords"`
    : Prisma.sql`NULL::boolean AS before, NULL::boolean AS after, 0 AS "lastDayRecords"`;
  const [organization] = await db.$queryRaw<{ currency: string; connections: { id: string; name: string; providerId: string }[]; before: boolean | null; after: boolean | null; lastDayRecords: number }[]>`
    SELECT o."currency", COALESCE((
      SELECT json_agg(json_build_object('id', c."id", 'name', c."name", 'providerId', c."providerId") ORDER BY c."name", c."id")
      FROM "CloudConnection" c WHERE c."organizationId" = o."id"), '[]') AS connections, ${facts}
    FROM "Organization" o WHERE o."id" = ${organizationId}`;
  if (!organization) throw new AppError("NOT_FOUND", "errors.notFound");
  const { connections } = organization;
  return {
    split: splitOf ? monthSplitOf(splitOf, { before: organization.before === true, after: organization.after === true }) : null,
    lastDayRecords: organization.lastDayRecords,
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
