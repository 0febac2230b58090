import type { PrismaClient } from "../../db";
import { STRUCTURAL_TYPES } from "./resource-view";

/**
 * The organization's active resources (each connection's latest sync keeps them current): counts by state and
 * flag, and daily / monthly cost per currency as exact decimal strings.
 */
export async function summarizeResources(db: PrismaClient, organizationId: string) {
  const where = { organizationId, isActive: true, resourceType: { notIn: STRUCTURAL_TYPES } };
  const [total, running, stopped, zombies, orphans, unrecognized, costs, connections] = await Promise.all([
    db.resource.count({ where }),
    db.resource.count({ where: { ...where, status: "RUNNING" } }),
    db.resource.count({ where: { ...where, status: "STOPPED" } }),
    db.resource.count({ where: { ...where, isZombie: true } }),
    db.resource.count({ where: { ...where, isOrphan: true } }),
    db.unrecognizedResource.count({ where: { organizationId, resolvedAt: null } }),
    db.resource.groupBy({ by: ["currency"], where, _sum: { dailyCost: true, monthlyCost: true } }),
    db.cloudConnection.count({ where: { organizationId } }),
  ]);
  return {
    total,
    running,
    stopped,
    zombies,
    orphans,
    unrecognized,
    connections,
    costs: costs
      .map((cost) => ({ currency: cost.currency, dailyCost: (cost._sum.dailyCost ?? 0).toFixed(2), monthlyCost: (cost._sum.monthlyCost ?? 0).toFixed(2) }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
