import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { hashPassword, verifyPassword } from "@/server/auth/password-hashing";
import { createUserWithOrganization } from "../helpers/test-callers";

describe("changing and setting passwords", () => {
  it("requires the current password to change it", async () => {
    const { user, caller } = await createUserWithOrganization({ passwordHash: await hashPassword("Old-password-1") });
    await expect(caller.user.changePassword({ currentPassword: "not-it-123", newPassword: "New-password-2" })).rejects.toThrow("The current password is wrong.");
    await caller.user.changePassword({ currentPassword: "Old-password-1", newPassword: "New-password-2" });
    const stored = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(await verifyPassword("New-password-2", stored)).toBe(true);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "user.password_change" } })).toBe(1);
  });

  it("lets a Google-created account set a first password, once", async () => {
    const { user, caller } = await createUserWithOrganization({ passwordHash: null });
    await expect(caller.user.changePassword({ currentPassword: "anything-1", newPassword: "New-password-2" })).rejects.toThrow(/current password is wrong/);
    await caller.user.setPassword({ newPassword: "First-password-1" });
    expect(await verifyPassword("First-password-1", (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!)).toBe(true);
    await expect(caller.user.setPassword({ newPassword: "Second-password-2" })).rejects.toThrow(/already set/);
  });
});

describe("profile settings", () => {
  it("saves name, timezone, currency and language, and validates them", async () => {
    const { caller } = await createUserWithOrganization();
    expect(await caller.user.me()).toMatchObject({ timezone: "Europe/Moscow", currency: "RUB", locale: "ru" });
    await caller.user.updateProfile({ name: "Иван", timezone: "Asia/Novosibirsk", currency: "usd", locale: "en" });
    expect(await caller.user.me()).toMatchObject({ name: "Иван", timezone: "Asia/Novosibirsk", currency: "USD", locale: "en" });
    await expect(caller.user.updateProfile({ name: "Иван", timezone: "Mars/Olympus", currency: "RUB", locale: "ru" })).rejects.toThrow("Unknown time zone.");
    expect((await caller.user.me()).timezone).toBe("Asia/Novosibirsk");
  });
});
