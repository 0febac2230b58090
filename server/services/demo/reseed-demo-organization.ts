import type { PrismaClient } from "../../db";
import { recordAuditEvent, SYSTEM_IDENTITY, type RequestIdentity } from "../audit/record-audit-event";
import { rebuildOrganizationRollups } from "../costs/refresh-cost-rollups";
import { DEMO_USER_EMAIL, seedDemoOrganization, type SeedDemoOptions } from "./seed-demo-organization";

/**
 * Throws away the demo organization's data — its connections and, with them (cascades), their sync runs and
 * leases, resources and their states and metrics, cost records and unknown types — and builds it again through
 * the same path as the first start: fresh connections, first syncs against the demo sandboxes. The organization,
 * the demo user and the audit trail stay. Nothing outside the demo organization is touched.
 */
export interface ReseedDemoOptions extends SeedDemoOptions {
  /** Who asked for it, for the audit row: an admin from the admin area, the system from the CLI. */
  identity?: RequestIdentity;
}

export async function reseedDemoOrganization(db: PrismaClient, options: ReseedDemoOptions = {}) {
  const user = await db.user.findUnique({ where: { email: DEMO_USER_EMAIL }, include: { memberships: { where: { organization: { isDemo: true } } } } });
  const organizationId = user?.memberships[0]?.organizationId;
  let removedConnections = 0;
  if (organizationId) {
    removedConnections = await db.$transaction(async (tx) => {
      // Cost records are also tied to the organization directly; drop them first so nothing is left half-owned.
      await tx.costRecord.deleteMany({ where: { organizationId } });
      const { count } = await tx.cloudConnection.deleteMany({ where: { organizationId } });
      await rebuildOrganizationRollups(tx, organizationId);
      await recordAuditEvent(tx, options.identity ?? SYSTEM_IDENTITY, { action: "demo.reseed", organizationId, targetType: "organization", targetId: organizationId, metadata: { removedConnections: count } });
      return count;
    });
  }
  const seeded = await seedDemoOrganization(db, { appUrl: options.appUrl });
  return { ...seeded, removedConnections };
}
