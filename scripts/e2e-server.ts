/**
 * The server behind the Playwright suite: a fresh database every run (a new PostgreSQL database when
 * TEST_DATABASE_URL is set, as in CI; otherwise a new embedded PGlite), a production build, then the
 * same setup and `next start` that `npm start` uses.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import pg from "pg";
import { buildIsStale } from "./lib/build-freshness";
import { NEXT_BIN } from "./lib/next-bin";
import { E2E_SUPER_ADMIN } from "../tests/e2e/support/super-admin";

const port = process.env.E2E_PORT ?? "3100";
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "infrazen-e2e-"));

async function freshDatabaseUrl(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return `pglite:${path.join(workDir, "pglite")}`;
  const url = new URL(base);
  const name = `${url.pathname.slice(1)}_e2e`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: await freshDatabaseUrl(),
  DATA_DIR: workDir,
  PORT: port,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
  ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  // `setup` bootstraps this super admin, exactly as in production (never a built-in password).
  SUPER_ADMIN_EMAIL: E2E_SUPER_ADMIN.email,
  SUPER_ADMIN_PASSWORD: E2E_SUPER_ADMIN.password,
  LOG_LEVEL: "warn",
  // The suite signs in well over 20 times from 127.0.0.1 (the default per-IP budget is 4 × 5 per 15 minutes).
  LOGIN_RATE_LIMIT_MAX: "50",
  NEXT_TELEMETRY_DISABLED: "1",
};
(env as Record<string, string>).NODE_ENV = "production";

if (buildIsStale()) {
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const setup = spawnSync("npx", ["--no-install", "tsx", "server/cli/main.ts", "setup"], { stdio: "inherit", env });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  fs.rmSync(workDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
