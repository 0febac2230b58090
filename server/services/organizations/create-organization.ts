import crypto from "node:crypto";
import type { Prisma } from "../../db";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";

export function slugify(name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  // Cyrillic names have no ASCII letters; the random suffix keeps every slug unique anyway.
  return `${ascii || "org"}-${crypto.randomBytes(3).toString("hex")}`;
}

/** Creates an organization owned by `ownerId` and makes it their active one. Runs inside the caller's transaction. */
export async function createOrganization(tx: Prisma.TransactionClient, identity: RequestIdentity, input: { name: string; ownerId: string; isDemo?: boolean }) {
  const organization = await tx.organization.create({
    data: { name: input.name, slug: slugify(input.name), isDemo: input.isDemo ?? false, memberships: { create: { userId: input.ownerId, role: "owner" } } },
  });
  await tx.user.update({ where: { id: input.ownerId }, data: { activeOrganizationId: organization.id } });
  await recordAuditEvent(tx, identity, { action: "organization.create", organizationId: organization.id, targetType: "organization", targetId: organization.id, metadata: { name: input.name } });
  return organization;
}
