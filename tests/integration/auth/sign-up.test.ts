import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyPassword } from "@/server/auth/password-hashing";
import { callerFor } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";

beforeEach(truncateAllTables);

const valid = { email: "Olga@Example.test", password: "correct horse 42", name: "Ольга", organizationName: "ООО Облака" };

describe("sign-up", () => {
  it("creates the user, their organization as owner, and audit rows in one go", async () => {
    const result = await callerFor(null, "ru").auth.signUp(valid);
    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { memberships: { include: { organization: true } } } });
    expect(user.email).toBe("olga@example.test");
    expect(user.locale).toBe("ru");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(valid.password, user.passwordHash!)).toBe(true);
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]).toMatchObject({ role: "owner", organization: { name: "ООО Облака" } });
    expect(user.activeOrganizationId).toBe(result.organizationId);
    const actions = (await db.auditLog.findMany({ where: { actorId: user.id } })).map((row) => row.action).sort();
    expect(actions).toEqual(["organization.create", "user.sign_up"]);
  });

  it("refuses a duplicate email, in any letter case, without writing anything", async () => {
    await callerFor(null).auth.signUp(valid);
    const before = { users: await db.user.count(), orgs: await db.organization.count() };
    await expect(callerFor(null, "en").auth.signUp({ ...valid, email: "OLGA@example.test" })).rejects.toThrow(
      "An account with this email already exists. Sign in or reset your password.",
    );
    expect({ users: await db.user.count(), orgs: await db.organization.count() }).toEqual(before);
  });

  it("explains weak passwords in the caller's language and writes nothing", async () => {
    await expect(callerFor(null, "en").auth.signUp({ ...valid, password: "short1" })).rejects.toThrow("The password must be at least 10 characters long.");
    await expect(callerFor(null, "ru").auth.signUp({ ...valid, password: "onlyletterslong" })).rejects.toThrow("Добавьте в пароль хотя бы одну цифру.");
    await expect(callerFor(null, "en").auth.signUp({ ...valid, password: "olga-2024-secure" })).rejects.toThrow("The password must not contain your email address.");
    expect(await db.user.count()).toBe(0);
  });

  it("validates the email with a translated message", async () => {
    await expect(callerFor(null, "ru").auth.signUp({ ...valid, email: "not-an-email" })).rejects.toThrow("Введите корректный адрес почты.");
    await expect(callerFor(null, "en").auth.signUp({ ...valid, email: "not-an-email" })).rejects.toThrow("Enter a valid email address.");
  });

  it("uses the person's name for the organization when no company name is given", async () => {
    const result = await callerFor(null).auth.signUp({ ...valid, organizationName: "" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: result.organizationId } })).name).toBe("Ольга");
  });
});
