import { Prisma, type PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { listProviders } from "../../providers/registry";
import type { ProviderOfConnection } from "./cost-source-sql";
import { splitFactsSql, type SplitFacts } from "./recall-split-facts";
import { monthSplitOf, type MonthSplit } from "./resource-month-source";

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

export type LoadedCostLookups = CostLookups & { split: MonthSplit | null; facts: SplitFacts | null };

type LookupsRow = { currency: string; connections: { id: string; name: string; providerId: string }[]; before: boolean | null; after: boolean | null; lastDayRecords: number };

/**
 * The organization's currency and connections as one row: small, read once per query to label and filter; with
 * `splitOf`, what per-resource questions need before anything else: that period's split facts (recall-split-facts.ts).
 */
export function costLookupsSql(organizationId: string, splitOf?: { from: string; to: string }): Prisma.Sql {
  const facts = splitOf ? splitFactsSql(organizationId, splitOf) : Prisma.sql`NULL::boolean AS before, NULL::boolean AS after, 0 AS "lastDayRecords"`;
  return Prisma.sql`
    SELECT o."currency", COALESCE((
      SELECT json_agg(json_build_object('id', c."id", 'name', c."name", 'providerId', c."providerId") ORDER BY c."name", c."id")
      FROM "CloudConnection" c WHERE c."organizationId" = o."id"), '[]') AS connections, ${facts}
    FROM "Organization" o WHERE o."id" = ${organizationId}`;
}

/** costLookupsSql's row (or its JSON) as lookups; a missing organization is NOT_FOUND. */
export function costLookupsOf(row: LookupsRow | string | undefined, splitOf?: { from: string; to: string }): LoadedCostLookups {
  const organization: LookupsRow | undefined = typeof row === "string" ? (JSON.parse(row) as LookupsRow) : row;
  if (!organization) throw new AppError("NOT_FOUND", "errors.notFound");
  const { connections } = organization;
  const facts = splitOf ? { before: organization.before === true, after: organization.after === true, lastDayRecords: organization.lastDayRecords } : null;
  return {
    split: splitOf && facts ? monthSplitOf(splitOf, facts) : null,
    facts,
    currency: organization.currency,
    connections,
    providerOf: new Map(connections.map((connection) => [connection.id, connection.providerId])),
    connectionNames: new Map(connections.map((connection) => [connection.id, connection.name])),
  };
}

export async function loadCostLookups(db: PrismaClient, organizationId: string, splitOf?: { from: string; to: string }): Promise<LoadedCostLookups> {
  const [row] = await db.$queryRaw<LookupsRow[]>(costLookupsSql(organizationId, splitOf));
  return costLookupsOf(row, splitOf);
}

/** Project id → name as the inventory knows it (Resource.projectName); ids without a name stay ids. */
export async function loadProjectNames(db: PrismaClient, organizationId: string): Promise<Map<string, string>> {
  const rows = await db.resource.groupBy({ by: ["projectId"], where: { organizationId, projectId: { not: null }, projectName: { not: null } }, _max: { projectName: true } });
  return new Map(rows.flatMap((row) => (row.projectId && row._max.projectName ? [[row.projectId, row._max.projectName] as [string, string]] : [])));
}
