import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { hashPassword } from "../../auth/password-hashing";
import type { Locale } from "../../i18n";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { createOrganization } from "../organizations/create-organization";
import { assertStrongPassword } from "./assert-strong-password";

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  organizationName?: string;
  locale: Locale;
}

/** Creates a user with their own organization (as owner) in one transaction: no half-created accounts. */
export async function signUpUser(db: PrismaClient, identity: Omit<RequestIdentity, "actorId">, input: SignUpInput) {
  const email = input.email.trim().toLowerCase();
  assertStrongPassword(input.password, email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("CONFLICT", "auth.errors.emailTaken");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name: input.name.trim(), passwordHash, locale: input.locale } });
      const actor = { ...identity, actorId: user.id };
      await recordAuditEvent(tx, actor, { action: "user.sign_up", targetType: "user", targetId: user.id, metadata: { method: "password" } });
      const organization = await createOrganization(tx, actor, { name: input.organizationName?.trim() || input.name.trim(), ownerId: user.id });
      return { userId: user.id, organizationId: organization.id };
    });
  } catch (error) {
    // Two simultaneous sign-ups with one email: the unique index decides, and the loser gets the same clear error.
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "auth.errors.emailTaken");
    throw error;
  }
}
