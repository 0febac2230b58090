import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import type { Locale } from "../../i18n";
import { decryptCredentials, encryptCredentials } from "../../security/credentials-cipher";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { isUniqueViolation, mergeCredentials, pluginFor, validateCredentials, validateEndpointOverrides, validateSettings } from "./connection-input";
import { jsonObject, sameJson, stringRecord, toJsonInput } from "./connection-view";
import { assertConnectionsEditable } from "./demo-guard";

export interface UpdateConnectionInput {
  organizationId: string;
  isDemo: boolean;
  locale: Locale;
  connectionId: string;
  name?: string;
  /** Values from the form; secrets left blank (or showing the mask) keep their stored value. */
  credentials?: Record<string, string>;
  /** Replaces every override; a blank value returns to the manifest's default. */
  endpoints?: Record<string, string>;
  settings?: Record<string, unknown>;
  syncIntervalMinutes?: number;
  autoSync?: boolean;
}

function storedCredentials(envelope: string): Record<string, string> {
  try {
    return stringRecord(decryptCredentials(envelope));
  } catch {
    // Unreadable (the key is gone): the form must supply every secret again, and the schema says so.
    return {};
  }
}

/** Edits a connection; the audit entry names the changed fields, never a credential value. */
export async function updateConnection(db: PrismaClient, identity: RequestIdentity, input: UpdateConnectionInput): Promise<{ id: string; changed: string[] }> {
  assertConnectionsEditable(input.isDemo);
  try {
    return await db.$transaction(async (tx) => {
      const connection = await tx.cloudConnection.findFirst({ where: { id: input.connectionId, organizationId: input.organizationId } });
      if (!connection) throw new AppError("NOT_FOUND", "errors.notFound");
      const plugin = pluginFor(connection.providerId);
      const { manifest } = plugin;
      const changed: string[] = [];
      const data: Parameters<typeof tx.cloudConnection.update>[0]["data"] = {};

      if (input.name !== undefined && input.name !== connection.name) {
        const clash = await tx.cloudConnection.findFirst({ where: { organizationId: input.organizationId, name: input.name, NOT: { id: connection.id } }, select: { id: true } });
        if (clash) throw new AppError("CONFLICT", "connections.errors.nameTaken", { name: input.name });
        data.name = input.name;
        changed.push("name");
      }
      if (input.credentials !== undefined) {
        const before = storedCredentials(connection.encryptedCredentials);
        const merged = validateCredentials(plugin, mergeCredentials(manifest, before, input.credentials), input.locale);
        const fields = manifest.credentialFields.map((field) => field.key).filter((key) => (before[key] ?? "") !== (merged[key] ?? ""));
        if (fields.length > 0) {
          const { encrypted, keyId } = encryptCredentials(merged);
          data.encryptedCredentials = encrypted;
          data.credentialsKeyId = keyId;
          changed.push(...fields.map((key) => `credentials.${key}`));
        }
      }
      if (input.endpoints !== undefined) {
        const overrides = validateEndpointOverrides(manifest, input.endpoints, input.locale);
        if (!sameJson(overrides, stringRecord(connection.endpointOverrides))) {
          data.endpointOverrides = overrides;
          changed.push("endpoints");
        }
      }
      if (input.settings !== undefined) {
        const settings = validateSettings(manifest, input.settings);
        if (!sameJson(settings, jsonObject(connection.settings))) {
          data.settings = toJsonInput(settings);
          changed.push("settings");
        }
      }
      if (input.syncIntervalMinutes !== undefined && input.syncIntervalMinutes !== connection.syncIntervalMinutes) {
        data.syncIntervalMinutes = input.syncIntervalMinutes;
        changed.push("syncIntervalMinutes");
      }
      if (input.autoSync !== undefined && input.autoSync !== connection.autoSync) {
        data.autoSync = input.autoSync;
        changed.push("autoSync");
      }
      if (changed.length === 0) return { id: connection.id, changed };
      await tx.cloudConnection.update({ where: { id: connection.id }, data });
      await recordAuditEvent(tx, identity, {
        action: "connection.update",
        organizationId: input.organizationId,
        targetType: "cloud_connection",
        targetId: connection.id,
        metadata: { changed, ...(data.name ? { from: connection.name, to: input.name } : {}) },
      });
      return { id: connection.id, changed };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "connections.errors.nameTaken", { name: input.name ?? "" });
    throw error;
  }
}
