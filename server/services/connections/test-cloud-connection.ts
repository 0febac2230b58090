import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { t, type Locale, type MessageKey } from "../../i18n";
import { childLogger } from "../../logger";
import { isProviderError, type ProviderErrorKind } from "../../providers/errors";
import { createProviderContext } from "../../providers/registry";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { decryptCredentials } from "../../security/credentials-cipher";
import { mergeCredentials, pluginFor, validateCredentials, validateEndpointOverrides, validateSettings } from "./connection-input";
import { jsonObject, stringRecord } from "./connection-view";
import { assertConnectionsEditable } from "./demo-guard";

const log = childLogger("connections");

export interface TestConnectionInput {
  organizationId: string;
  isDemo: boolean;
  locale: Locale;
  providerId: string;
  /** A saved connection whose stored values fill in what the form leaves out (blank secrets, endpoints, settings). */
  connectionId?: string;
  credentials: Record<string, string>;
  endpoints?: Record<string, string>;
  settings?: Record<string, unknown>;
}

export type TestErrorKind = ProviderErrorKind | "internal";

export type TestConnectionResult =
  | { ok: true; account: { id: string; name: string; balance: string | null; currency: string; daysLeft: number | null; projects: { id: string; name: string }[] } }
  | { ok: false; error: { kind: TestErrorKind; lead: string; message: string | null; providerMessage: string | null; status: number | null } };

const LEADS: Record<TestErrorKind, MessageKey> = {
  auth: "connections.testErrors.auth",
  forbidden: "connections.testErrors.forbidden",
  not_found: "connections.testErrors.notFound",
  conflict: "connections.testErrors.conflict",
  rate_limited: "connections.testErrors.rateLimited",
  unavailable: "connections.testErrors.unavailable",
  timeout: "connections.testErrors.timeout",
  bad_response: "connections.testErrors.badResponse",
  config: "connections.testErrors.config",
  internal: "connections.testErrors.internal",
};

/**
 * "Test connection": builds a provider context from a form (optionally over a saved connection) and asks the
 * plugin for the account summary. Provider failures are an answer, not an exception: the caller shows the kind,
 * a translated lead sentence and the provider's own words. Invalid input still fails like create would.
 */
export async function testCloudConnection(db: PrismaClient, identity: RequestIdentity, input: TestConnectionInput): Promise<TestConnectionResult> {
  assertConnectionsEditable(input.isDemo);
  const plugin = pluginFor(input.providerId);
  const { manifest } = plugin;
  let credentials = input.credentials;
  let endpoints = input.endpoints;
  let settings = input.settings;
  if (input.connectionId) {
    const saved = await db.cloudConnection.findFirst({ where: { id: input.connectionId, organizationId: input.organizationId } });
    if (!saved) throw new AppError("NOT_FOUND", "errors.notFound");
    if (saved.providerId !== manifest.id) throw new AppError("BAD_REQUEST", "connections.errors.providerMismatch");
    let stored: Record<string, string> = {};
    try {
      stored = stringRecord(decryptCredentials(saved.encryptedCredentials));
    } catch {
      stored = {};
    }
    credentials = mergeCredentials(manifest, stored, input.credentials);
    endpoints ??= stringRecord(saved.endpointOverrides);
    settings ??= jsonObject(saved.settings);
  }
  const validCredentials = validateCredentials(plugin, credentials, input.locale);
  const endpointOverrides = validateEndpointOverrides(manifest, endpoints, input.locale);
  const validSettings = validateSettings(manifest, settings);

  let result: TestConnectionResult;
  try {
    const ctx = createProviderContext(plugin, {
      credentials: validCredentials,
      endpointOverrides,
      settings: validSettings,
      logger: log,
      // A person is waiting: one retry, not the sync's patient backoff.
      http: { maxRetries: 1, timeoutMs: 15_000, maxRetryAfterMs: 2_000 },
    });
    const account = await plugin.testConnection(ctx);
    result = {
      ok: true,
      account: { id: account.accountId, name: account.accountName, balance: account.balance, currency: account.currency, daysLeft: account.daysLeft, projects: account.projects },
    };
  } catch (error) {
    if (isProviderError(error)) {
      result = {
        ok: false,
        error: {
          kind: error.kind,
          lead: t(input.locale, LEADS[error.kind] ?? LEADS.internal, { provider: manifest.displayName }),
          message: error.message,
          providerMessage: error.providerMessage ?? null,
          status: error.status ?? null,
        },
      };
    } else {
      log.error({ err: error, providerId: manifest.id }, "test connection failed unexpectedly");
      result = { ok: false, error: { kind: "internal", lead: t(input.locale, LEADS.internal, { provider: manifest.displayName }), message: null, providerMessage: null, status: null } };
    }
  }
  await recordAuditEvent(db, identity, {
    action: "connection.test",
    organizationId: input.organizationId,
    targetType: input.connectionId ? "cloud_connection" : "provider",
    targetId: input.connectionId ?? manifest.id,
    metadata: { providerId: manifest.id, ok: result.ok, ...(result.ok ? {} : { kind: result.error.kind }) },
  });
  return result;
}
