import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createEmbeddedAlerts, type EmbeddedAlerts } from "@/server/notify/embedded/start-embedded-alerts";
import { selectelMultiProjectScenario } from "@/server/sandbox/scenarios/selectel-multi-project";
import { selectelSeedScenario } from "@/server/sandbox/scenarios/selectel-seed";
import type { SandboxScenario } from "@/server/sandbox/scenario";
import { SYSTEM_IDENTITY } from "@/server/services/audit/record-audit-event";
import { queueConnectionSync } from "@/server/services/sync/request-connection-sync";
import { createSelectelConnection, resetBetweenTests, startSelectel } from "../../inngest/inngest-harness";
import { createLinkedChat } from "../support/linked-chat";
import { APP_URL, withFakeTelegram } from "./alert-fixtures";

resetBetweenTests();
const telegram = withFakeTelegram();
let alerts: (EmbeddedAlerts & { start(): void }) | undefined;
afterEach(() => {
  alerts?.stop();
  alerts = undefined;
});

/** A Selectel connection on the sandbox, its owner's linked private chat, and the embedded alert listeners running. */
async function linkedConnection(scenario: SandboxScenario, faults: Parameters<typeof startSelectel>[1], credentials: Record<string, unknown> = {}) {
  const { config } = await startSelectel(scenario, faults);
  const connection = await createSelectelConnection(scenario, config.endpoints, { ...config.credentials, ...credentials });
  const owner = await db.membership.findFirstOrThrow({ where: { organizationId: connection.organizationId } });
  const chat = await createLinkedChat({ organizationId: connection.organizationId, userId: owner.userId, locale: "en" });
  alerts = createEmbeddedAlerts({ firstDigestDelayMs: 3_600_000 });
  alerts.start();
  return { connection, chat };
}

/** "Sync now" in the embedded mode, until the run and the alerts it raised are done. */
async function syncNow(connection: { id: string; organizationId: string }) {
  const queued = await queueConnectionSync(db, SYSTEM_IDENTITY, { organizationId: connection.organizationId, connectionId: connection.id, trigger: "manual" });
  await queued.done;
  await alerts!.idle();
  return db.syncRun.findUniqueOrThrow({ where: { id: queued.syncRunId } });
}

describe("embedded sync → Telegram alert", () => {
  it("a sync failing on wrong credentials reaches the linked chat through the fake Bot API", async () => {
    const { connection, chat } = await linkedConnection(selectelSeedScenario, {}, { serviceUserPassword: "Wrong-Passw0rd-1" });
    const run = await syncNow(connection);
    expect(run.status).toBe("error");

    const [message] = telegram.api().callsOf("sendMessage");
    expect(message).toMatchObject({
      chat_id: chat.telegramChatId,
      text: `❌ <b>Sync failed</b>: ${connection.name}\n${run.error}\nFurther failures stay quiet until a sync succeeds again.`,
      reply_markup: { inline_keyboard: [[{ text: "Open the connection", url: `${APP_URL}/en/connections/${connection.id}` }]] },
    });
    expect(run.error).toMatch(/authentication/i);

    // The next scheduled attempt fails the same way: the chat is not told again.
    expect((await syncNow(connection)).status).toBe("error");
    expect(telegram.api().callsOf("sendMessage")).toHaveLength(1);
  });

  it("a sync with a region down ends partial and says which scope failed", async () => {
    const { connection, chat } = await linkedConnection(selectelMultiProjectScenario, { downRegions: ["ru-8"] });
    const run = await syncNow(connection);
    expect(run.status).toBe("partial");
    const texts = telegram.api().textsTo(chat.telegramChatId);
    expect(texts[0]).toMatch(new RegExp(`^⚠️ <b>Sync partly done</b>: ${connection.name}\n.*ru-8`));
    expect(await db.telegramDelivery.findMany({ where: { chatId: chat.id }, select: { kind: true, status: true } })).toEqual(expect.arrayContaining([{ kind: "sync_partial", status: "sent" }]));
  });
});
