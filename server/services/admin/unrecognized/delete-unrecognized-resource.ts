import type { PrismaClient } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";

/**
 * Removes a false positive with its history. Billing data is untouched: if the provider keeps billing the object,
 * the next sync records it again as new.
 */
export async function deleteUnrecognizedResource(db: PrismaClient, identity: RequestIdentity, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const row = await tx.unrecognizedResource.findUnique({ where: { id: input.id }, select: { id: true, organizationId: true, connectionId: true, providerId: true, billingType: true, providerResourceId: true, name: true, sightings: true } });
    if (!row) throw new AppError("NOT_FOUND", "admin.errors.unrecognizedNotFound");
    await tx.unrecognizedResource.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, identity, {
      action: "admin.unrecognized.delete",
      organizationId: row.organizationId,
      targetType: "unrecognized_resource",
      targetId: row.id,
      metadata: { connectionId: row.connectionId, providerId: row.providerId, billingType: row.billingType, providerResourceId: row.providerResourceId, name: row.name, sightings: row.sightings },
    });
    return { id: row.id };
  });
}
