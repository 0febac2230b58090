import type { PrismaClient } from "../../db";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

export async function renameOrganization(db: PrismaClient, identity: RequestIdentity, organizationId: string, name: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const organization = await tx.organization.update({ where: { id: organizationId }, data: { name } });
    await recordAuditEvent(tx, identity, { action: "organization.rename", organizationId, targetType: "organization", targetId: organizationId, metadata: { from: before.name, to: name } });
    return organization;
  });
}
