import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password-hashing";
import { signInWithGoogle } from "@/server/services/users/sign-in-with-google";
import { truncateAllTables } from "../setup/worker-database";

beforeEach(truncateAllTables);

const request = { impersonatorId: null, ip: null, userAgent: null };

describe("Google sign-in", () => {
  it("creates the user with an organization on first login, and finds them again by Google id", async () => {
    const first = await signInWithGoogle(db, request, { sub: "g-100", email: "Masha@Gmail.test", emailVerified: true, name: "Маша" });
    expect(first.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "masha@gmail.test" }, include: { accounts: true, memberships: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.accounts.map((account) => [account.provider, account.providerAccountId])).toEqual([["google", "g-100"]]);
    expect(user.memberships.map((membership) => membership.role)).toEqual(["owner"]);

    const again = await signInWithGoogle(db, request, { sub: "g-100", email: "renamed@gmail.test", emailVerified: true });
    expect(again).toEqual({ ok: true, userId: user.id });
    expect(await db.user.count()).toBe(1);
  });

  it("links a verified Google email to an existing password account, and refuses an unverified one", async () => {
    const existing = await db.user.create({ data: { email: "sasha@corp.test", passwordHash: await hashPassword("Some-password-1") } });
    expect(await signInWithGoogle(db, request, { sub: "g-evil", email: "sasha@corp.test", emailVerified: false })).toEqual({ ok: false, reason: "oauthNotLinked" });
    expect(await db.account.count({ where: { userId: existing.id } })).toBe(0);

    expect(await signInWithGoogle(db, request, { sub: "g-200", email: "SASHA@corp.test", emailVerified: true })).toEqual({ ok: true, userId: existing.id });
    expect(await db.account.count({ where: { userId: existing.id, providerAccountId: "g-200" } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: existing.id, action: "user.link_google" } })).toBe(1);
  });

  it("refuses a disabled account", async () => {
    await db.user.create({ data: { email: "off@corp.test", disabledAt: new Date(), accounts: { create: { provider: "google", providerAccountId: "g-300" } } } });
    expect(await signInWithGoogle(db, request, { sub: "g-300", email: "off@corp.test", emailVerified: true })).toEqual({ ok: false, reason: "disabled" });
  });
});
