import { readdir } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { describeInngestMode, describeTelegramToken } from "@/server/services/admin/system/describe-runtime-modes";
import { createUserWithOrganization } from "../helpers/test-callers";
import { truncateAllTables } from "../setup/worker-database";
import { createPlatformUser } from "./admin-harness";
import { createLinkedChat } from "../bot/support/linked-chat";

beforeEach(truncateAllTables);
const savedToken = process.env.TELEGRAM_BOT_TOKEN;
afterEach(() => {
  if (savedToken === undefined) delete process.env.TELEGRAM_BOT_TOKEN;
  else process.env.TELEGRAM_BOT_TOKEN = savedToken;
});

const HOUR = 60 * 60 * 1000;

async function seedRuns() {
  const { organization } = await createUserWithOrganization({ orgName: "ООО Статус" });
  const connection = await db.cloudConnection.create({ data: { organizationId: organization.id, providerId: "selectel", name: "Selectel prod", encryptedCredentials: "v1:test", credentialsKeyId: "test" } });
  const run = (status: "success" | "partial" | "error" | "running", hoursAgo: number, seconds: number | null) => {
    const startedAt = new Date(Date.now() - hoursAgo * HOUR);
    return db.syncRun.create({
      data: { organizationId: organization.id, connectionId: connection.id, status, trigger: "schedule", createdAt: startedAt, startedAt, finishedAt: seconds === null ? null : new Date(startedAt.getTime() + seconds * 1000), currentPhase: status === "running" ? "billing" : null },
    });
  };
  await run("success", 30, 12); // outside the 24 h window
  await run("success", 5, 8);
  await run("error", 3, 2);
  await run("partial", 2, 20);
  await run("running", 0.1, null);
}

describe("admin system status", () => {
  it("reports the database, migrations, sync engine, bot, version and sync runs", async () => {
    const support = await createPlatformUser("admin", ["view_all_data"]);
    await seedRuns();
    const status = await support.caller.admin.system.status();

    expect(status.database).toMatchObject({ ok: true, kind: process.env.TEST_DATABASE_URL ? "postgres" : "pglite" });
    expect(status.database.latencyMs).toBeGreaterThanOrEqual(0);
    const local = (await readdir("prisma/migrations", { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(status.migrations).toEqual({ ok: true, latest: local.at(-1), appliedCount: local.length, pending: [], failed: [], missingLocally: [], error: null });
    expect(status.inngest.mode).toBe("embedded");
    expect(status.telegram).toEqual({ configured: false, deliveries: { chats: 0, last24h: { sent: 0, pending: 0, failed: 0 }, lastFailure: null } });
    expect(status.version).toMatchObject({ package: "0.1.0", node: process.version });

    expect(status.syncRuns?.last24h).toEqual({ success: 1, error: 1, partial: 1, running: 1 });
    expect(status.syncRuns?.recent.map((run) => [run.status, run.durationMs, run.trigger, run.organization, run.connection])).toEqual([
      ["running", null, "schedule", "ООО Статус", "Selectel prod"],
      ["partial", 20_000, "schedule", "ООО Статус", "Selectel prod"],
      ["error", 2_000, "schedule", "ООО Статус", "Selectel prod"],
      ["success", 8_000, "schedule", "ООО Статус", "Selectel prod"],
      ["success", 12_000, "schedule", "ООО Статус", "Selectel prod"],
    ]);
    expect(status.syncRuns?.recent[0]?.currentPhase).toBe("billing");
  });

  it("counts linked chats and the last day's Telegram deliveries, with the latest failure's reason", async () => {
    const { user, organization } = await createUserWithOrganization();
    const chat = await createLinkedChat({ organizationId: organization.id, userId: user.id });
    const delivery = (status: "sent" | "pending" | "failed", hoursAgo: number, error: string | null = null) =>
      db.telegramDelivery.create({ data: { organizationId: organization.id, chatId: chat.id, kind: "low_balance", dedupKey: `k-${status}-${hoursAgo}`, text: "…", status, error, createdAt: new Date(Date.now() - hoursAgo * HOUR) } });
    await delivery("sent", 1);
    await delivery("sent", 2);
    await delivery("pending", 0.5);
    await delivery("failed", 3, "403: Forbidden: bot was blocked by the user");
    await delivery("sent", 30); // outside the window

    const status = await (await createPlatformUser("admin", ["view_all_data"])).caller.admin.system.status();
    expect(status.telegram.deliveries).toEqual({
      chats: 1,
      last24h: { sent: 2, pending: 1, failed: 1 },
      lastFailure: { kind: "low_balance", error: "403: Forbidden: bot was blocked by the user", createdAt: expect.any(Date) },
    });
  });

  it("tells the Inngest mode and whether the Telegram token is set, never the token", async () => {
    expect(describeInngestMode({})).toEqual({ mode: "embedded", baseUrl: null });
    expect(describeInngestMode({ INNGEST_DEV: "0" })).toEqual({ mode: "embedded", baseUrl: null });
    expect(describeInngestMode({ INNGEST_DEV: "1" })).toEqual({ mode: "dev", baseUrl: null });
    expect(describeInngestMode({ INNGEST_DEV: "http://127.0.0.1:8288" })).toEqual({ mode: "dev", baseUrl: "http://127.0.0.1:8288" });
    expect(describeInngestMode({ INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" })).toEqual({ mode: "cloud", baseUrl: null });
    expect(describeInngestMode({ INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s", INNGEST_BASE_URL: "https://inngest.example.ru" })).toEqual({ mode: "cloud", baseUrl: "https://inngest.example.ru" });
    expect(describeTelegramToken({ TELEGRAM_BOT_TOKEN: "  " })).toEqual({ configured: false });

    process.env.TELEGRAM_BOT_TOKEN = "123456:secret-token";
    const root = await createPlatformUser("super_admin");
    const status = await root.caller.admin.system.status();
    expect(status.telegram.configured).toBe(true);
    expect(JSON.stringify(status)).not.toContain("secret-token");
    expect(status.syncRuns).toEqual({ recent: [], last24h: {} });
  });
});
