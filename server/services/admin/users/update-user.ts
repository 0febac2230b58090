import type { PrismaClient, User } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";
import { loadManagedUser } from "./guard-managed-user";

export async function updateUser(db: PrismaClient, identity: RequestIdentity, input: { actor: User; userId: string; email: string; name: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadManagedUser(tx, input.actor, input.userId);
    const clash = await tx.user.findFirst({ where: { email: input.email, id: { not: target.id } }, select: { id: true } });
    if (clash) throw new AppError("CONFLICT", "auth.errors.emailTaken");
    const updated = await tx.user.update({ where: { id: target.id }, data: { email: input.email, name: input.name } });
    await recordAuditEvent(tx, identity, {
      action: "admin.user.update",
      targetType: "user",
      targetId: target.id,
      metadata: { from: { email: target.email, name: target.name }, to: { email: updated.email, name: updated.name } },
    });
    return { id: updated.id };
  });
}
