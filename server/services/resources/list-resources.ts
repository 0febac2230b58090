import { Prisma, type PrismaClient } from "../../db";
import { baseConnectionView, CONNECTION_COLUMNS, jsonObject } from "../connections/connection-view";
import { listUsageSparklines, type UsageSparkline } from "./list-usage-sparklines";
import { RESOURCE_COLUMNS, resourceCardView, STRUCTURAL_TYPES, type ResourceCard } from "./resource-view";

export const RESOURCE_FLAGS = ["zombie", "orphan", "unrecognized"] as const;
export type ResourceFlag = (typeof RESOURCE_FLAGS)[number];

export interface ResourceFilters {
  connectionId?: string;
  provider?: string;
  type?: string;
  status?: string;
  region?: string;
  project?: string;
  flag?: ResourceFlag;
  search?: string;
}

function resourceWhere(organizationId: string, filters: ResourceFilters): Prisma.ResourceWhereInput {
  const search = filters.search?.trim();
  return {
    organizationId,
    isActive: true,
    resourceType: filters.type ? { equals: filters.type, notIn: STRUCTURAL_TYPES } : { notIn: STRUCTURAL_TYPES },
    ...(filters.connectionId ? { connectionId: filters.connectionId } : {}),
    ...(filters.provider ? { providerId: filters.provider } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.project ? { projectId: filters.project } : {}),
    ...(filters.flag === "zombie" ? { isZombie: true } : {}),
    ...(filters.flag === "orphan" ? { isOrphan: true } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            { providerResourceId: { contains: search, mode: "insensitive" } },
            { specs: { path: ["ipAddresses"], array_contains: [search] } },
          ],
        }
      : {}),
  };
}

/** Unresolved billing objects of unknown types: only the connection, provider and search filters apply to them. */
function unrecognizedWhere(organizationId: string, filters: ResourceFilters): Prisma.UnrecognizedResourceWhereInput | null {
  if (filters.type || filters.status || filters.region || filters.project) return null;
  const search = filters.search?.trim();
  return {
    organizationId,
    resolvedAt: null,
    ...(filters.connectionId ? { connectionId: filters.connectionId } : {}),
    ...(filters.provider ? { providerId: filters.provider } : {}),
    ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { providerResourceId: { contains: search, mode: "insensitive" } }] } : {}),
  };
}

const UNRECOGNIZED_COLUMNS = {
  id: true,
  connectionId: true,
  providerId: true,
  providerResourceId: true,
  name: true,
  billingType: true,
  inferredType: true,
  rawBilling: true,
  monthlyCost: true,
  currency: true,
  firstSeenAt: true,
  lastSeenAt: true,
} as const satisfies Prisma.UnrecognizedResourceSelect;

type UnrecognizedRow = Prisma.UnrecognizedResourceGetPayload<{ select: typeof UNRECOGNIZED_COLUMNS }>;

const DAYS_PER_MONTH = 30; // monthly = hourly × 720, daily = hourly × 24 (server/sync/model/money.ts)

function unrecognizedCardView(row: UnrecognizedRow) {
  const monthly = row.monthlyCost ?? new Prisma.Decimal(0);
  const raw = jsonObject(row.rawBilling);
  return {
    kind: "unrecognized" as const,
    id: row.id,
    connectionId: row.connectionId,
    providerId: row.providerId,
    providerResourceId: row.providerResourceId,
    name: row.name ?? row.providerResourceId,
    resourceType: row.inferredType ?? row.billingType,
    billingType: row.billingType,
    region: typeof raw.region === "string" ? raw.region : null,
    projectId: typeof raw.projectId === "string" ? raw.projectId : null,
    dailyCost: monthly.div(DAYS_PER_MONTH).toFixed(2),
    monthlyCost: monthly.toFixed(2),
    currency: row.currency ?? "RUB",
    flags: { zombie: false, orphan: false, unrecognized: true },
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
  };
}

export type UnrecognizedCard = ReturnType<typeof unrecognizedCardView>;
export type ResourceListItem = ResourceCard | UnrecognizedCard;

interface ResourceGroup {
  connection: ReturnType<typeof baseConnectionView>;
  total: number;
  costs: { currency: string; dailyCost: string; monthlyCost: string }[];
  items: ResourceListItem[];
  /** CPU/RAM sparklines of the page's servers that have metrics, by resource id. */
  usage: Record<string, UsageSparkline>;
}

/**
 * Resources grouped per connection (logo, provider, last sync, daily cost sum and count of what matches),
 * each group paginated on its own and sorted by monthly cost, highest first, with the week's CPU/RAM sparkline of
 * each server on the page that has metrics. The `unrecognized` flag lists the
 * billing objects of unknown types instead. Facets give every value the filters can offer.
 */
export async function listResources(db: PrismaClient, organizationId: string, filters: ResourceFilters, paging: { page: number; pageSize: number }) {
  const connections = await db.cloudConnection.findMany({
    where: { organizationId, ...(filters.connectionId ? { id: filters.connectionId } : {}), ...(filters.provider ? { providerId: filters.provider } : {}) },
    select: CONNECTION_COLUMNS,
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
  });
  const skip = (paging.page - 1) * paging.pageSize;
  const unrecognized = filters.flag === "unrecognized";

  const groups = await Promise.all(
    connections.map(async (connection): Promise<ResourceGroup> => {
      const base = { ...baseConnectionView(connection) };
      if (unrecognized) {
        const where = unrecognizedWhere(organizationId, { ...filters, connectionId: connection.id });
        if (!where) return { connection: base, total: 0, costs: [], items: [], usage: {} };
        const [rows, total] = await Promise.all([
          db.unrecognizedResource.findMany({ where, select: UNRECOGNIZED_COLUMNS, orderBy: [{ monthlyCost: { sort: "desc", nulls: "last" } }, { providerResourceId: "asc" }, { id: "asc" }] }),
          db.unrecognizedResource.count({ where }),
        ]);
        const cards = rows.map(unrecognizedCardView);
        const costs = sumByCurrency(cards);
        return { connection: base, total, costs, items: cards.slice(skip, skip + paging.pageSize), usage: {} };
      }
      const where = resourceWhere(organizationId, { ...filters, connectionId: connection.id });
      const [rows, total, sums] = await Promise.all([
        db.resource.findMany({ where, select: RESOURCE_COLUMNS, orderBy: [{ monthlyCost: "desc" }, { name: "asc" }, { id: "asc" }], skip, take: paging.pageSize }),
        db.resource.count({ where }),
        db.resource.groupBy({ by: ["currency"], where, _sum: { dailyCost: true, monthlyCost: true } }),
      ]);
      const costs = sums
        .map((sum) => ({ currency: sum.currency, dailyCost: (sum._sum.dailyCost ?? 0).toFixed(2), monthlyCost: (sum._sum.monthlyCost ?? 0).toFixed(2) }))
        .sort((a, b) => a.currency.localeCompare(b.currency));
      const servers = rows.filter((row) => row.resourceType === "server").map((row) => row.id);
      return { connection: base, total, costs, items: rows.map(resourceCardView), usage: await listUsageSparklines(db, organizationId, servers) };
    }),
  );

  const facets = await listFacets(db, organizationId);
  return {
    page: paging.page,
    pageSize: paging.pageSize,
    connectionCount: await db.cloudConnection.count({ where: { organizationId } }),
    groups: groups.filter((group) => group.total > 0),
    facets,
  };
}

function sumByCurrency(cards: { currency: string; dailyCost: string; monthlyCost: string }[]) {
  const totals = new Map<string, { daily: Prisma.Decimal; monthly: Prisma.Decimal }>();
  for (const card of cards) {
    const total = totals.get(card.currency) ?? { daily: new Prisma.Decimal(0), monthly: new Prisma.Decimal(0) };
    totals.set(card.currency, { daily: total.daily.plus(card.dailyCost), monthly: total.monthly.plus(card.monthlyCost) });
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, total]) => ({ currency, dailyCost: total.daily.toFixed(2), monthlyCost: total.monthly.toFixed(2) }));
}

/** The distinct values of the organization's active resources, for the filter selects. */
async function listFacets(db: PrismaClient, organizationId: string) {
  const where = { organizationId, isActive: true, resourceType: { notIn: STRUCTURAL_TYPES } };
  const [providers, types, statuses, regions, projects] = await Promise.all([
    db.resource.findMany({ where, distinct: ["providerId"], select: { providerId: true }, orderBy: { providerId: "asc" } }),
    db.resource.findMany({ where, distinct: ["resourceType"], select: { resourceType: true }, orderBy: { resourceType: "asc" } }),
    db.resource.findMany({ where, distinct: ["status"], select: { status: true }, orderBy: { status: "asc" } }),
    db.resource.findMany({ where: { ...where, region: { not: null } }, distinct: ["region"], select: { region: true }, orderBy: { region: "asc" } }),
    db.resource.findMany({ where: { ...where, projectId: { not: null } }, distinct: ["projectId"], select: { projectId: true, projectName: true }, orderBy: { projectId: "asc" } }),
  ]);
  return {
    providers: providers.map((row) => row.providerId),
    types: types.map((row) => row.resourceType),
    statuses: statuses.map((row) => row.status),
    regions: regions.flatMap((row) => (row.region ? [row.region] : [])),
    projects: projects.flatMap((row) => (row.projectId ? [{ id: row.projectId, name: row.projectName ?? row.projectId }] : [])),
  };
}
