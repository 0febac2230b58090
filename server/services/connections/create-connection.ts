import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import type { Locale } from "../../i18n";
import { encryptCredentials } from "../../security/credentials-cipher";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { assertProviderEnabled, defaultSyncIntervalOf } from "../provider-catalog/assert-provider-enabled";
import { isUniqueViolation, pluginFor, validateCredentials, validateEndpointOverrides, validateSettings } from "./connection-input";
import { toJsonInput } from "./connection-view";
import { assertConnectionsEditable } from "./demo-guard";

export interface CreateConnectionInput {
  organizationId: string;
  isDemo: boolean;
  locale: Locale;
  providerId: string;
  name: string;
  credentials: Record<string, string>;
  endpoints?: Record<string, string>;
  settings?: Record<string, unknown>;
  syncIntervalMinutes?: number;
  autoSync?: boolean;
}

/**
 * Adds a cloud connection: credentials checked by the plugin's schema and encrypted, endpoint overrides limited to
 * the manifest's keys, settings checked by its settings schema. Names are unique within the organization. A provider
 * disabled platform-wide is refused; otherwise its platform default interval applies unless one is given.
 */
export async function createConnection(db: PrismaClient, identity: RequestIdentity, input: CreateConnectionInput): Promise<{ id: string }> {
  assertConnectionsEditable(input.isDemo);
  const plugin = pluginFor(input.providerId);
  await assertProviderEnabled(db, plugin.manifest.id, "connections.errors.providerDisabled");
  const syncIntervalMinutes = input.syncIntervalMinutes ?? (await defaultSyncIntervalOf(db, plugin.manifest.id));
  const credentials = validateCredentials(plugin, input.credentials, input.locale);
  const endpointOverrides = validateEndpointOverrides(plugin.manifest, input.endpoints, input.locale);
  const settings = validateSettings(plugin.manifest, input.settings);
  const { encrypted, keyId } = encryptCredentials(credentials);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.cloudConnection.findFirst({ where: { organizationId: input.organizationId, name: input.name }, select: { id: true } })) {
        throw new AppError("CONFLICT", "connections.errors.nameTaken", { name: input.name });
      }
      const connection = await tx.cloudConnection.create({
        data: {
          organizationId: input.organizationId,
          providerId: plugin.manifest.id,
          name: input.name,
          encryptedCredentials: encrypted,
          credentialsKeyId: keyId,
          endpointOverrides,
          settings: toJsonInput(settings),
          ...(syncIntervalMinutes !== undefined ? { syncIntervalMinutes } : {}),
          ...(input.autoSync !== undefined ? { autoSync: input.autoSync } : {}),
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, identity, {
        action: "connection.create",
        organizationId: input.organizationId,
        targetType: "cloud_connection",
        targetId: connection.id,
        metadata: { providerId: plugin.manifest.id, name: input.name, endpoints: Object.keys(endpointOverrides) },
      });
      return connection;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "connections.errors.nameTaken", { name: input.name });
    throw error;
  }
}
