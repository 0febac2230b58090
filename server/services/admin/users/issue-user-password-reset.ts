import type { PrismaClient, User } from "../../../db";
import type { RequestIdentity } from "../../audit/record-audit-event";
import { issuePasswordReset } from "../../users/password-reset/issue-password-reset";
import { loadManagedUser } from "./guard-managed-user";

export async function issueUserPasswordReset(db: PrismaClient, identity: RequestIdentity, input: { actor: User; userId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadManagedUser(tx, input.actor, input.userId);
    return issuePasswordReset(tx, identity, { userId: target.id, createdById: input.actor.id });
  });
}
