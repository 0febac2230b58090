import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/server/env";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "infrazen-env-"));

describe("environment validation", () => {
  it("demands secrets for a production server on PostgreSQL, naming each one", () => {
    const run = () => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/infrazen", DATA_DIR: tmp() });
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/NEXTAUTH_SECRET is required in production/);
    expect(run).toThrow(/ENCRYPTION_KEY is required in production/);
  });

  it("generates and keeps secrets for the embedded default", () => {
    const dataDir = tmp();
    const first = parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir });
    const second = parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir });
    expect(first.embedded).toBe(true);
    expect(first.authSecret).toHaveLength(44);
    expect(second.authSecret).toBe(first.authSecret);
    expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o077).toBe(0);
  });

  it("turns Google on only when both halves are set", () => {
    expect(parseEnv({ DATA_DIR: tmp() }).googleEnabled).toBe(false);
    expect(parseEnv({ DATA_DIR: tmp(), GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "secret" }).googleEnabled).toBe(true);
    expect(() => parseEnv({ DATA_DIR: tmp(), GOOGLE_CLIENT_ID: "id" })).toThrow(/must be set together/);
  });

  it("reports malformed values and unknown database schemes clearly", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), LOGIN_RATE_LIMIT_MAX: "many" })).toThrow(/LOGIN_RATE_LIMIT_MAX/);
    expect(() => parseEnv({ DATA_DIR: tmp(), DATABASE_URL: "mysql://db" })).toThrow(/must start with postgresql:\/\/ .* or pglite:/);
    expect(parseEnv({ DATA_DIR: tmp(), DEMO_MODE: "false" }).demoEnabled).toBe(false);
  });
});
