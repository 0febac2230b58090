import type { Prisma } from "../../db";
import { AppError } from "../../api/app-error";

/** Refuses a change that would leave an organization without an owner. Call inside the changing transaction. */
export async function assertOwnerRemains(tx: Prisma.TransactionClient, organizationId: string, excludingMembershipId: string) {
  const owners = await tx.membership.count({ where: { organizationId, role: "owner", id: { not: excludingMembershipId } } });
  if (owners === 0) throw new AppError("BAD_REQUEST", "errors.lastOwner");
}
