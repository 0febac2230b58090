import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password-hashing";
import { authenticateWithPassword } from "@/server/services/users/authenticate-with-password";

const limits = { max: 3, windowSeconds: 600 };

async function createUser(email: string, password: string) {
  return db.user.create({ data: { email, passwordHash: await hashPassword(password) } });
}

describe("password sign-in", () => {
  it("accepts the right password, case-insensitively by email, and records the login", async () => {
    const user = await createUser("anna@example.test", "Secret-password-1");
    const result = await authenticateWithPassword(db, { email: " Anna@Example.TEST ", password: "Secret-password-1", ip: "198.51.100.1" }, limits);
    expect(result).toEqual({ ok: true, userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    await createUser("boris@example.test", "Secret-password-1");
    const wrong = await authenticateWithPassword(db, { email: "boris@example.test", password: "nope-nope-1", ip: null }, limits);
    const unknown = await authenticateWithPassword(db, { email: "nobody@example.test", password: "nope-nope-1", ip: null }, limits);
    expect(wrong).toEqual({ ok: false, reason: "invalidCredentials" });
    expect(unknown).toEqual(wrong);
  });

  it("blocks after too many attempts, even with the right password, and tells how long to wait", async () => {
    await createUser("vera@example.test", "Secret-password-1");
    for (let attempt = 0; attempt < limits.max; attempt++) {
      expect((await authenticateWithPassword(db, { email: "vera@example.test", password: "wrong-pass-1", ip: null }, limits)).ok).toBe(false);
    }
    const blocked = await authenticateWithPassword(db, { email: "vera@example.test", password: "Secret-password-1", ip: null }, limits);
    expect(blocked).toMatchObject({ ok: false, reason: "rateLimited" });
    expect(blocked.ok === false && blocked.reason === "rateLimited" && blocked.retryAfterSeconds).toBeGreaterThan(590);
  });

  it("clears the counter after a successful login", async () => {
    await createUser("gleb@example.test", "Secret-password-1");
    for (let attempt = 0; attempt < limits.max - 1; attempt++) {
      await authenticateWithPassword(db, { email: "gleb@example.test", password: "wrong-pass-1", ip: null }, limits);
    }
    expect((await authenticateWithPassword(db, { email: "gleb@example.test", password: "Secret-password-1", ip: null }, limits)).ok).toBe(true);
    expect((await authenticateWithPassword(db, { email: "gleb@example.test", password: "wrong-pass-1", ip: null }, limits)).ok).toBe(false);
    expect((await authenticateWithPassword(db, { email: "gleb@example.test", password: "Secret-password-1", ip: null }, limits)).ok).toBe(true);
  });

  it("refuses disabled accounts with their own reason", async () => {
    await db.user.update({ where: { id: (await createUser("dina@example.test", "Secret-password-1")).id }, data: { disabledAt: new Date() } });
    expect(await authenticateWithPassword(db, { email: "dina@example.test", password: "Secret-password-1", ip: null }, limits)).toEqual({ ok: false, reason: "disabled" });
  });
});
