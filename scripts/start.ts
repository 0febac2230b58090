/**
 * `npm start`: the one command that takes a fresh clone to a running production server on the embedded
 * database. Builds when the build is missing or older than the sources, prepares the database (migrations,
 * demo tenant, super admin from env) in a short-lived process — PGlite allows one process per data
 * directory — and then hands over to `next start`. `--dev` runs `next dev` instead.
 */
import { spawn, spawnSync } from "node:child_process";
import { buildIsStale } from "./lib/build-freshness";
import { NEXT_BIN } from "./lib/next-bin";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env, PORT: port };
// Without a configured public URL, trust the Host header so the app works on whatever address it is opened.
if (!env.NEXTAUTH_URL) {
  env.NEXTAUTH_URL = `http://localhost:${port}`;
  env.AUTH_TRUST_HOST ??= "true";
}
if (!dev) (env as Record<string, string>).NODE_ENV = "production";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!dev && buildIsStale()) {
  console.log("Building InfraZen (first start or sources changed)…");
  run(process.execPath, [NEXT_BIN, "build"]);
}
run("npx", ["--no-install", "tsx", "server/cli/main.ts", "setup"]);

const server = spawn(process.execPath, [NEXT_BIN, dev ? "dev" : "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
