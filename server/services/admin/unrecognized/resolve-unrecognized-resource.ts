import type { PrismaClient } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";

/** Marks an object handled (with what was done about it) or reopens it; a later sighting does not reopen it. */
export async function resolveUnrecognizedResource(db: PrismaClient, identity: RequestIdentity, input: { id: string; resolved: boolean; note?: string }) {
  return db.$transaction(async (tx) => {
    const row = await tx.unrecognizedResource.findUnique({ where: { id: input.id }, select: { id: true, organizationId: true, billingType: true, providerResourceId: true, resolvedAt: true } });
    if (!row) throw new AppError("NOT_FOUND", "admin.errors.unrecognizedNotFound");
    const note = input.note?.trim() || null;
    const updated = await tx.unrecognizedResource.update({
      where: { id: row.id },
      data: input.resolved ? { resolvedAt: row.resolvedAt ?? new Date(), resolutionNote: note } : { resolvedAt: null, resolutionNote: note },
      select: { id: true, resolvedAt: true, resolutionNote: true },
    });
    await recordAuditEvent(tx, identity, {
      action: input.resolved ? "admin.unrecognized.resolve" : "admin.unrecognized.reopen",
      organizationId: row.organizationId,
      targetType: "unrecognized_resource",
      targetId: row.id,
      metadata: { billingType: row.billingType, providerResourceId: row.providerResourceId, note },
    });
    return updated;
  });
}
