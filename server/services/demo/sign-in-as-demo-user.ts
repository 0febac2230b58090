import type { PrismaClient } from "../../db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DEMO_USER_EMAIL } from "./seed-demo-organization";

/** "Try the demo": signs into the seeded demo user; never any other account. */
export async function signInAsDemoUser(db: PrismaClient, request: { ip: string | null; userAgent: string | null }) {
  const user = await db.user.findUnique({ where: { email: DEMO_USER_EMAIL } });
  if (!user?.isDemo || user.disabledAt) return { ok: false as const, reason: "demoUnavailable" as const };
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAuditEvent(db, { actorId: user.id, impersonatorId: null, ...request }, { action: "user.demo_login", targetType: "user", targetId: user.id });
  return { ok: true as const, userId: user.id };
}
