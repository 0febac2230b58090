import type { Prisma } from "../../db";
import { listProviders } from "../../providers/registry";

/** Every column a caller may see: encryptedCredentials and its key id never leave the server. */
export const CONNECTION_COLUMNS = {
  id: true,
  organizationId: true,
  providerId: true,
  name: true,
  endpointOverrides: true,
  settings: true,
  status: true,
  statusMessage: true,
  accountId: true,
  accountName: true,
  balance: true,
  balanceCurrency: true,
  lastSyncAt: true,
  lastSuccessfulSyncAt: true,
  syncIntervalMinutes: true,
  autoSync: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CloudConnectionSelect;

export type ConnectionRow = Prisma.CloudConnectionGetPayload<{ select: typeof CONNECTION_COLUMNS }>;

export function jsonObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function stringRecord(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(jsonObject(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** What every connection answer carries; money is an exact decimal string. */
export function baseConnectionView(connection: ConnectionRow) {
  const manifest = listProviders().find((plugin) => plugin.manifest.id === connection.providerId)?.manifest;
  return {
    id: connection.id,
    name: connection.name,
    providerId: connection.providerId,
    providerName: manifest?.displayName ?? connection.providerId,
    logo: manifest?.logo ?? null,
    status: connection.status,
    statusMessage: connection.statusMessage,
    accountId: connection.accountId,
    accountName: connection.accountName,
    balance: connection.balance?.toFixed(2) ?? null,
    balanceCurrency: connection.balanceCurrency,
    lastSyncAt: connection.lastSyncAt,
    lastSuccessfulSyncAt: connection.lastSuccessfulSyncAt,
    syncIntervalMinutes: connection.syncIntervalMinutes,
    autoSync: connection.autoSync,
    createdAt: connection.createdAt,
  };
}

/** Plain data as a Prisma JSON input. */
export function toJsonInput(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? {})) as Prisma.InputJsonValue;
}

/** Equal as JSON whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) =>
    JSON.stringify(value, (_key, item: unknown) =>
      item && typeof item === "object" && !Array.isArray(item) ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y))) : item,
    );
  return canonical(a ?? null) === canonical(b ?? null);
}
