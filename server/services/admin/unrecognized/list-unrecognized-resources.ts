import type { Prisma, PrismaClient } from "../../../db";
import { NO_INFERRED_TYPE, type ListUnrecognizedInput } from "./unrecognized-filters";

function whereOf(input: ListUnrecognizedInput): Prisma.UnrecognizedResourceWhereInput {
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  return {
    ...(input.providerId ? { providerId: input.providerId } : {}),
    ...(input.inferredType ? { inferredType: input.inferredType === NO_INFERRED_TYPE ? null : input.inferredType } : {}),
    ...(input.status === "resolved" ? { resolvedAt: { not: null } } : input.status === "open" ? { resolvedAt: null } : {}),
    ...(input.search
      ? { OR: [{ name: contains(input.search) }, { billingType: contains(input.search) }, { providerResourceId: contains(input.search) }, { organization: { name: contains(input.search) } }] }
      : {}),
  };
}

/** Billing objects no normalizer recognized, across every organization: the queue for adding provider support. */
export async function listUnrecognizedResources(db: PrismaClient, input: ListUnrecognizedInput) {
  const where = whereOf(input);
  const [total, rows] = await Promise.all([
    db.unrecognizedResource.count({ where }),
    db.unrecognizedResource.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true, providerId: true, providerResourceId: true, name: true, billingType: true, inferredType: true, monthlyCost: true, currency: true,
        sightings: true, firstSeenAt: true, lastSeenAt: true, resolvedAt: true, resolutionNote: true,
        organization: { select: { id: true, name: true } },
        connection: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((row) => ({ ...row, monthlyCost: row.monthlyCost?.toFixed(2) ?? null })),
  };
}

/** What the filters offer: the providers and inferred types that occur at all. */
export async function listUnrecognizedFacets(db: PrismaClient) {
  const [providers, types] = await Promise.all([
    db.unrecognizedResource.findMany({ distinct: ["providerId"], select: { providerId: true }, orderBy: { providerId: "asc" } }),
    db.unrecognizedResource.findMany({ distinct: ["inferredType"], select: { inferredType: true }, orderBy: { inferredType: "asc" } }),
  ]);
  return {
    providers: providers.map((row) => row.providerId),
    inferredTypes: types.map((row) => row.inferredType ?? NO_INFERRED_TYPE),
  };
}
