import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { childLogger } from "../../logger";
import { listProviders } from "../../providers/registry";
import { decryptCredentials } from "../../security/credentials-cipher";
import { baseConnectionView, CONNECTION_COLUMNS, jsonObject, stringRecord } from "./connection-view";
import { SECRET_MASK } from "./secret-mask";

const log = childLogger("connections");

/**
 * One connection for the edit form: non-secret credential values as stored, secret ones as the mask (or blank
 * when never given), endpoint overrides and settings. Tenant-scoped: another organization's id is NOT_FOUND.
 */
export async function getConnection(db: PrismaClient, organizationId: string, connectionId: string) {
  const connection = await db.cloudConnection.findFirst({ where: { id: connectionId, organizationId }, select: { ...CONNECTION_COLUMNS, encryptedCredentials: true } });
  if (!connection) throw new AppError("NOT_FOUND", "errors.notFound");
  const { encryptedCredentials, ...row } = connection;
  let stored: Record<string, unknown> = {};
  let credentialsReadable = true;
  try {
    stored = decryptCredentials(encryptedCredentials);
  } catch (error) {
    // E.g. the key it was encrypted with was removed from ENCRYPTION_PREVIOUS_KEYS: the form asks for them again.
    log.warn({ err: error, connectionId }, "stored credentials cannot be decrypted");
    credentialsReadable = false;
  }
  const fields = listProviders().find((plugin) => plugin.manifest.id === row.providerId)?.manifest.credentialFields ?? [];
  const credentials: Record<string, string> = {};
  for (const field of fields) {
    const value = stored[field.key];
    const present = typeof value === "string" && value !== "";
    credentials[field.key] = field.secret ? (present ? SECRET_MASK : "") : present ? value : "";
  }
  return {
    ...baseConnectionView(row),
    credentials,
    credentialsReadable,
    endpointOverrides: stringRecord(row.endpointOverrides),
    settings: jsonObject(row.settings),
  };
}
