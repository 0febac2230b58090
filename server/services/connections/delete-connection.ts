import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { rebuildOrganizationRollups } from "../costs/refresh-cost-rollups";
import { assertConnectionsEditable } from "./demo-guard";

/** Deletes a connection; its resources, cost rows, runs and their states go with it (foreign-key cascade), and its organization's cost ceilings and per-service totals are recomputed without it. */
export async function deleteConnection(db: PrismaClient, identity: RequestIdentity, input: { organizationId: string; isDemo: boolean; connectionId: string }) {
  assertConnectionsEditable(input.isDemo);
  return db.$transaction(async (tx) => {
    const connection = await tx.cloudConnection.findFirst({ where: { id: input.connectionId, organizationId: input.organizationId }, select: { id: true, name: true, providerId: true } });
    if (!connection) throw new AppError("NOT_FOUND", "errors.notFound");
    const resources = await tx.resource.count({ where: { connectionId: connection.id } });
    await tx.cloudConnection.delete({ where: { id: connection.id } });
    await rebuildOrganizationRollups(tx, input.organizationId);
    await recordAuditEvent(tx, identity, {
      action: "connection.delete",
      organizationId: input.organizationId,
      targetType: "cloud_connection",
      targetId: connection.id,
      metadata: { name: connection.name, providerId: connection.providerId, resources },
    });
    return { deleted: connection.id };
  });
}
