import type { Logger } from "pino";
import { childLogger } from "../logger";
import { ALL_PROVIDERS } from "./all-providers";
import type { ProviderContext, ProviderPlugin } from "./contract";
import { ProviderError } from "./errors";
import { TtlCache } from "./lib/cache/ttl-cache";
import { ProviderHttpClient } from "./lib/http/provider-http-client";

/** Core code reaches plugins only through here, by id; it never imports a plugin folder by name. */
export function listProviders(): ProviderPlugin[] {
  return ALL_PROVIDERS;
}

export function getProvider(id: string): ProviderPlugin {
  const plugin = ALL_PROVIDERS.find((candidate) => candidate.manifest.id === id);
  if (!plugin) throw new ProviderError(`Unknown provider "${id}"`, { provider: id, kind: "config" });
  return plugin;
}

/**
 * Projects (and, within one, regions) inventoried at once. Most project × region scopes of a large account are
 * small or empty, so a sync is bound by round trips, not by work: at 8, 27 projects read in four rounds of a token
 * and then their lists. Calls per host stay capped by the HTTP client's own per-host limit.
 */
const DEFAULT_CONCURRENCY = 16;

export interface ContextOptions {
  credentials: unknown;
  endpointOverrides?: Record<string, string | undefined>;
  settings?: Record<string, unknown>;
  logger?: Logger;
  concurrency?: number;
  now?: () => Date;
  http?: Partial<ConstructorParameters<typeof ProviderHttpClient>[0]>;
  cache?: TtlCache;
}

/**
 * Validates credentials against the plugin's schema and builds the context a plugin runs with:
 * endpoints resolved from overrides, an HTTP client that masks every secret credential value.
 */
export function createProviderContext(plugin: ProviderPlugin, options: ContextOptions): ProviderContext {
  const { manifest } = plugin;
  const parsed = manifest.credentialsSchema.safeParse(options.credentials);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "credentials"}: ${issue.message}`).join("; ");
    throw new ProviderError(`${manifest.displayName}: invalid credentials — ${problems}`, { provider: manifest.id, kind: "config" });
  }
  const endpoints: Record<string, string> = {};
  for (const [key, definition] of Object.entries(manifest.endpoints)) {
    endpoints[key] = (options.endpointOverrides?.[key] || definition.defaultUrl).replace(/\/+$/, "");
  }
  const credentials = parsed.data as Record<string, unknown>;
  const secrets = manifest.credentialFields.filter((field) => field.secret).map((field) => credentials[field.key]).filter((value): value is string => typeof value === "string");
  const log = options.logger ?? childLogger(`provider:${manifest.id}`);
  return {
    providerId: manifest.id,
    credentials: parsed.data,
    endpoints,
    settings: options.settings ?? {},
    http: new ProviderHttpClient({ provider: manifest.displayName, secrets, logger: log, ...options.http }),
    cache: options.cache ?? new TtlCache(),
    log,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    now: options.now ?? (() => new Date()),
  };
}
