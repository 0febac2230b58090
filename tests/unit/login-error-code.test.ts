import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/app/_components/safe-next-path";
import { loginErrorCode, parseLoginErrorCode } from "@/server/auth/login-error-code";
import { resolveDatabaseTarget } from "@/server/db/database-target";

describe("login error codes", () => {
  it("carry the wait time of a rate limit, rounded up to minutes", () => {
    expect(parseLoginErrorCode(loginErrorCode("rateLimited", 61))).toEqual({ reason: "rateLimited", minutes: 2 });
    expect(parseLoginErrorCode(loginErrorCode("invalidCredentials"))).toEqual({ reason: "invalidCredentials" });
    expect(parseLoginErrorCode("CredentialsSignin")).toEqual({ reason: "generic" });
    expect(parseLoginErrorCode(null)).toBeNull();
  });
});

describe("redirect after sign-in", () => {
  it("follows same-site paths only", () => {
    expect(safeNextPath("/en/invite/abc", "/ru/dashboard")).toBe("/en/invite/abc");
    expect(safeNextPath("//evil.example/x", "/ru/dashboard")).toBe("/ru/dashboard");
    expect(safeNextPath("https://evil.example", "/ru/dashboard")).toBe("/ru/dashboard");
    expect(safeNextPath(null, "/ru/dashboard")).toBe("/ru/dashboard");
  });
});

describe("database target", () => {
  it("chooses the driver from DATABASE_URL", () => {
    expect(resolveDatabaseTarget("postgresql://u@h:5432/db")).toEqual({ kind: "postgres", url: "postgresql://u@h:5432/db" });
    expect(resolveDatabaseTarget("pglite:memory")).toEqual({ kind: "pglite", dataDir: null });
    expect(resolveDatabaseTarget("pglite:/var/lib/iz")).toEqual({ kind: "pglite", dataDir: "/var/lib/iz" });
    expect(resolveDatabaseTarget(undefined, { DATA_DIR: "/srv/iz" })).toEqual({ kind: "pglite", dataDir: "/srv/iz/pglite" });
  });
});
