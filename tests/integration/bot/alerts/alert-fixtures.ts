import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { formatMoney } from "@/app/_i18n/format";
import { connectionSyncCompleted, connectionSyncFailed, syncEventIds, type SyncCompletedData } from "@/inngest/events";
import { db } from "@/server/db";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { createUserWithOrganization } from "../../helpers/test-callers";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { setTelegramEnv } from "../support/telegram-env";

export const APP_URL = "http://infrazen.test";

/** "1 234,50 ₽" as the alerts print it (Intl's no-break spaces included). */
export const rub = (amount: string, locale: "ru" | "en" = "ru") => formatMoney(amount, "RUB", locale);

/**
 * The fake Bot API for a test file, with the bot switched on against it (TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT)
 * and buttons pointing at APP_URL.
 */
export function withFakeTelegram(): { api: () => FakeBotApi } {
  let api: FakeBotApi | undefined;
  let restore = () => {};
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(() => {
    api!.reset();
    restore = setTelegramEnv({ TELEGRAM_BOT_TOKEN: api!.token, TELEGRAM_API_ROOT: api!.apiRoot, NEXTAUTH_URL: APP_URL });
  });
  afterEach(() => restore());
  return { api: () => api! };
}

export async function addConnection(organizationId: string, name: string, providerId = "selectel") {
  return db.cloudConnection.create({ data: { organizationId, providerId, name, encryptedCredentials: "v1:test", credentialsKeyId: "test", status: "active" } });
}

/** An owner, their organization and one connection. */
export async function organizationWithConnection(name = "Selectel <main> & co") {
  const owner = await createUserWithOrganization();
  const connection = await addConnection(owner.organization.id, name);
  return { ...owner, organizationId: owner.organization.id, connection };
}

let runClock = Date.UTC(2025, 9, 1);

/** A finished run of the connection, each one later than the previous (streaks are read in creation order). */
export async function recordRun(connection: { id: string; organizationId: string }, status: "success" | "partial" | "error") {
  runClock += 15 * 60_000;
  return db.syncRun.create({ data: { organizationId: connection.organizationId, connectionId: connection.id, status, trigger: "schedule", createdAt: new Date(runClock), finishedAt: new Date(runClock + 60_000) } });
}

export function failedEvent(run: { id: string; connectionId: string; organizationId: string }, message = "Selectel answered 401: <invalid token>") {
  return connectionSyncFailed.create(
    { connectionId: run.connectionId, organizationId: run.organizationId, syncRunId: run.id, error: { message, kind: "auth", providerMessage: null } },
    { id: syncEventIds.failed(run.id) },
  );
}

export function completedEvent(run: { id: string; connectionId: string; organizationId: string; status: string }, overrides: Partial<SyncCompletedData> = {}) {
  const data: SyncCompletedData = {
    connectionId: run.connectionId,
    organizationId: run.organizationId,
    syncRunId: run.id,
    status: run.status === "partial" ? "partial" : "success",
    totals: { monthly: "0.00", currency: "RUB", byType: {}, byStatus: {} },
    counts: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
    changedResourceIds: [],
    changedCount: 0,
    newZombieIds: [],
    newOrphanIds: [],
    warning: null,
    ...overrides,
  };
  return connectionSyncCompleted.create(data, { id: syncEventIds.completed(run.id) });
}

/** Daily charges of one connection (day → amount), written as billing records and rolled up like a sync does. */
export async function insertDailyCosts(
  organizationId: string,
  connectionId: string,
  costs: Record<string, string>,
  line: { service?: string; project?: string | null; resource?: string } = {},
) {
  await db.costRecord.createMany({
    data: Object.entries(costs).map(([day, amount]) => ({
      organizationId,
      connectionId,
      providerResourceId: line.resource ?? `${line.service ?? "Compute"}-${line.project ?? "none"}`,
      chargePeriodStart: new Date(`${day}T00:00:00Z`),
      chargePeriodEnd: new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000),
      billedCost: amount,
      effectiveCost: amount,
      billingCurrency: "RUB",
      serviceName: line.service ?? "Compute",
      subAccountId: line.project ?? null,
    })),
  });
  await rebuildCostRollups(db, { organizationId });
}

/** Every day from `from` for `count` days, each with the amount `amountOf(index)`. */
export function days(from: string, count: number, amountOf: (index: number) => string): Record<string, string> {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [new Date(start + index * 86_400_000).toISOString().slice(0, 10), amountOf(index)]));
}

/** The connection's account resource, where the sync keeps the balance's days left. */
export async function setDaysLeft(connection: { id: string; organizationId: string }, daysLeft: number, balance = "1000.00") {
  await db.cloudConnection.update({ where: { id: connection.id }, data: { balance, balanceCurrency: "RUB" } });
  await db.resource.upsert({
    where: { connectionId_providerResourceId: { connectionId: connection.id, providerResourceId: "account" } },
    create: { organizationId: connection.organizationId, connectionId: connection.id, providerId: "selectel", providerResourceId: "account", name: "Account", resourceType: "account", status: "ACTIVE", specs: { balance, daysLeft } },
    update: { specs: { balance, daysLeft } },
  });
}
