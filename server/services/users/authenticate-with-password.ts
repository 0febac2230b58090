import type { PrismaClient } from "../../db";
import { consumeRateLimit, resetRateLimit } from "../../auth/login-rate-limit";
import { verifyAgainstDummy, verifyPassword } from "../../auth/password-hashing";

export type PasswordLoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalidCredentials" | "disabled" }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

export interface LoginLimits {
  max: number;
  windowSeconds: number;
}

/**
 * Checks an email + password. Attempts are limited per email and per IP before any hash is computed,
 * and a successful login clears the email's counter.
 */
export async function authenticateWithPassword(
  db: PrismaClient,
  input: { email: string; password: string; ip: string | null },
  limits: LoginLimits,
): Promise<PasswordLoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [`login:email:${email}`, ...(input.ip ? [`login:ip:${input.ip}`] : [])];
  for (const key of keys) {
    // The IP limit is wider: an office behind one NAT has many users.
    const max = key.startsWith("login:ip:") ? limits.max * 4 : limits.max;
    const decision = await consumeRateLimit(db, key, max, limits.windowSeconds);
    if (!decision.allowed) return { ok: false, reason: "rateLimited", retryAfterSeconds: decision.retryAfterSeconds };
  }
  const user = await db.user.findUnique({ where: { email } });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(input.password);
    return { ok: false, reason: "invalidCredentials" };
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return { ok: false, reason: "invalidCredentials" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  await resetRateLimit(db, `login:email:${email}`);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, userId: user.id };
}
