import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { DEMO_USER_EMAIL, seedDemoOrganization } from "@/server/services/demo/seed-demo-organization";
import { signInAsDemoUser } from "@/server/services/demo/sign-in-as-demo-user";

describe("demo tenant", () => {
  it("is unavailable until seeded, then one-click login lands in the demo organization", async () => {
    expect(await signInAsDemoUser(db, { ip: null, userAgent: null })).toEqual({ ok: false, reason: "demoUnavailable" });
    const first = await seedDemoOrganization(db);
    const second = await seedDemoOrganization(db);
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    const login = await signInAsDemoUser(db, { ip: "192.0.2.1", userAgent: "test" });
    expect(login).toEqual({ ok: true, userId: first.userId });
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_USER_EMAIL }, include: { memberships: { include: { organization: true } } } });
    expect(user.passwordHash).toBeNull();
    expect(user.memberships.map((membership) => [membership.role, membership.organization.isDemo])).toEqual([["owner", true]]);
  });
});
