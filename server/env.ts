import { z } from "zod";
import { resolveDatabaseTarget } from "./db/database-target";
import { readOrCreateLocalSecret } from "./security/local-secrets";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : ["true", "1", "yes"].includes(value)));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(".data"),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  ENCRYPTION_KEY: z.string().optional(),
  ENCRYPTION_PREVIOUS_KEYS: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  DEMO_MODE: booleanFlag,
  SUPER_ADMIN_EMAIL: z.email().optional(),
  SUPER_ADMIN_PASSWORD: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(5),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  // Durable sync. Unset: the embedded default (in-process runner, lease, timer). INNGEST_DEV=1 (or the dev server's
  // URL): a local `inngest-cli dev`. Both keys: Inngest Cloud, or a self-hosted server at INNGEST_BASE_URL.
  INNGEST_DEV: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY_FALLBACK: z.string().optional(),
  INNGEST_BASE_URL: z.url().optional().or(z.literal("").transform(() => undefined)),
  SYNC_SCHEDULER: booleanFlag,
});

/** Who runs syncs: this process ("embedded", the default) or an Inngest server. */
export type SyncMode = "embedded" | "inngest";

function inngestDevEnabled(value: string | undefined): boolean {
  const normalized = value?.trim().toLowerCase();
  return Boolean(normalized) && !["0", "false", "no"].includes(normalized!);
}

/**
 * "inngest" when INNGEST_DEV is on or an Inngest Cloud / self-hosted key is set, else "embedded". Read from the
 * given source on every call (not the cached env), so a test can switch modes by setting process.env.
 */
export function resolveSyncMode(source: Record<string, string | undefined> = process.env): SyncMode {
  return inngestDevEnabled(source.INNGEST_DEV) || Boolean(source.INNGEST_EVENT_KEY) || Boolean(source.INNGEST_SIGNING_KEY) ? "inngest" : "embedded";
}

export type ServerEnv = z.infer<typeof schema> & {
  /** True for the zero-setup embedded database: secrets may then be generated into DATA_DIR. */
  embedded: boolean;
  authSecret: string;
  googleEnabled: boolean;
  demoEnabled: boolean;
  syncMode: SyncMode;
  /** The embedded mode's in-process schedule timer (never in Inngest mode, where the cron function schedules). */
  syncSchedulerEnabled: boolean;
};

export class EnvError extends Error {
  constructor(problems: string[]) {
    super(`InfraZen configuration is invalid:\n${problems.map((line) => `  - ${line}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const values = parsed.data;
  const embedded = resolveDatabaseTarget(values.DATABASE_URL, source).kind === "pglite";

  // A production server on a shared database must be given its secrets: generated ones would differ per host.
  const problems: string[] = [];
  if (!embedded && values.NODE_ENV === "production") {
    if (!values.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET is required in production (openssl rand -base64 32)");
    if (!values.ENCRYPTION_KEY) problems.push("ENCRYPTION_KEY is required in production (openssl rand -base64 32)");
  }
  if (Boolean(values.GOOGLE_CLIENT_ID) !== Boolean(values.GOOGLE_CLIENT_SECRET)) {
    problems.push("GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together");
  }
  if (!inngestDevEnabled(values.INNGEST_DEV) && Boolean(values.INNGEST_EVENT_KEY) !== Boolean(values.INNGEST_SIGNING_KEY)) {
    problems.push("INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY must be set together (Inngest Cloud or self-hosted), or set INNGEST_DEV=1 for a local dev server");
  }
  if (problems.length) throw new EnvError(problems);

  return {
    ...values,
    embedded,
    authSecret: values.NEXTAUTH_SECRET ?? readOrCreateLocalSecret(values.DATA_DIR, "auth-secret"),
    googleEnabled: Boolean(values.GOOGLE_CLIENT_ID && values.GOOGLE_CLIENT_SECRET),
    demoEnabled: values.DEMO_MODE ?? true,
    syncMode: resolveSyncMode(source),
    syncSchedulerEnabled: resolveSyncMode(source) === "embedded" && (values.SYNC_SCHEDULER ?? true),
  };
}

let cached: ServerEnv | undefined;

/** The validated environment, parsed once per process. */
export function env(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
