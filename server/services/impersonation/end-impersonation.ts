import type { Prisma, PrismaClient } from "../../db";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

export type ImpersonationEndReason = "stopped" | "expired" | "revoked";

const ACTIONS: Record<ImpersonationEndReason, string> = {
  stopped: "impersonation.stop",
  expired: "impersonation.expire",
  revoked: "impersonation.revoke",
};

/**
 * Ends a session once. The conditional update makes concurrent requests agree on a single end (and so a single
 * audit row), e.g. when several requests of one page all notice the expiry at the same moment.
 */
export async function endImpersonation(
  db: PrismaClient | Prisma.TransactionClient,
  identity: RequestIdentity,
  session: { id: string; adminId: string; targetId: string },
  reason: ImpersonationEndReason,
  now: Date = new Date(),
): Promise<boolean> {
  const run = async (tx: Prisma.TransactionClient) => {
    const ended = await tx.impersonationSession.updateMany({ where: { id: session.id, endedAt: null }, data: { endedAt: now, endReason: reason } });
    if (ended.count === 0) return false;
    // The admin is the one acting here: the target never starts, stops or expires a session.
    await recordAuditEvent(tx, { ...identity, actorId: session.adminId, impersonatorId: null }, {
      action: ACTIONS[reason],
      targetType: "user",
      targetId: session.targetId,
      metadata: { impersonationId: session.id },
    });
    return true;
  };
  return "$transaction" in db ? db.$transaction(run) : run(db);
}
