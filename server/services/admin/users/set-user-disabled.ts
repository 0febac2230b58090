import type { PrismaClient, User } from "../../../db";
import { AppError } from "../../../api/app-error";
import { recordAuditEvent, type RequestIdentity } from "../../audit/record-audit-event";
import { assertSuperAdminRemains, loadManagedUser } from "./guard-managed-user";

/** Disabling takes effect on the user's next request: every procedure re-reads disabledAt. */
export async function setUserDisabled(db: PrismaClient, identity: RequestIdentity, input: { actor: User; userId: string; disabled: boolean }) {
  return db.$transaction(async (tx) => {
    const target = await loadManagedUser(tx, input.actor, input.userId);
    if (input.disabled && target.id === input.actor.id) throw new AppError("BAD_REQUEST", "admin.errors.notYourself");
    if (input.disabled && target.platformRole === "super_admin") await assertSuperAdminRemains(tx, target.id);
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: input.disabled ? (target.disabledAt ?? new Date()) : null } });
    await recordAuditEvent(tx, identity, { action: input.disabled ? "admin.user.disable" : "admin.user.enable", targetType: "user", targetId: target.id, metadata: { email: target.email } });
    return { id: target.id, disabled: input.disabled };
  });
}
