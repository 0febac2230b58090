import { InngestTestEngine } from "@inngest/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { alertOnSyncOutcomeFunction } from "@/inngest/functions/notify/alert-on-sync-outcome";
import { sendWeeklyDigestFunction } from "@/inngest/functions/notify/send-weekly-digest";
import { sendWeeklyDigestsFunction } from "@/inngest/functions/notify/send-weekly-digests";
import { db } from "@/server/db";
import { deliverTelegramInProcess } from "@/server/notify/dispatch-telegram-deliveries";
import { createLinkedChat } from "../support/linked-chat";
import { days, failedEvent, insertDailyCosts, organizationWithConnection, recordRun, withFakeTelegram } from "./alert-fixtures";

const telegram = withFakeTelegram();
afterEach(() => {
  vi.useRealTimers();
});

type SendEventMock = { mock: { calls: [string, { name: string; id: string; data: Record<string, unknown> }[]][] } };
const sentEvents = (ctx: { step: { sendEvent: unknown } }) => (ctx.step.sendEvent as SendEventMock).mock.calls;

/** step.sendEvent is not intercepted by @inngest/test: a mock per send step, a new array per engine. */
function engineFor<T extends ConstructorParameters<typeof InngestTestEngine>[0]["function"]>(fn: T, sendStepId: string, events?: { name: string; data: Record<string, unknown> }[]) {
  return new InngestTestEngine({ function: fn, ...(events ? { events: events as [never] } : {}), steps: [{ id: sendStepId, handler: () => ({ ids: ["mock"] }) }] });
}

describe("alert-on-sync-outcome (Inngest)", () => {
  it("is triggered by both sync outcomes, one organization at a time", () => {
    expect(alertOnSyncOutcomeFunction.opts.triggers).toEqual([expect.objectContaining({ event: "connection/sync.completed" }), expect.objectContaining({ event: "connection/sync.failed" })]);
    expect(alertOnSyncOutcomeFunction.opts.concurrency).toEqual({ limit: 1, key: "event.data.organizationId" });
  });

  it("records the alert once and hands each delivery to the notify function under the delivery's own event id", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    await createLinkedChat({ organizationId, userId: user.id });
    const run = await recordRun(connection, "error");
    const event = failedEvent(run);
    const execute = () => engineFor(alertOnSyncOutcomeFunction, "dispatch-deliveries", [event]).execute();

    const first = await execute();
    expect(first.error).toBeUndefined();
    const [delivery] = await db.telegramDelivery.findMany({ where: { organizationId } });
    expect(first.result).toEqual({ alerts: 1, deliveryIds: [delivery!.id] });
    const dispatch = [["dispatch-deliveries", [expect.objectContaining({ name: "telegram/delivery.requested", id: `telegram-delivery-${delivery!.id}`, data: { deliveryId: delivery!.id } })]]];
    expect(sentEvents(first.ctx)).toEqual(dispatch);

    // Evaluated again before it was sent: the same delivery, under the same event id (Inngest sends it once).
    const again = await execute();
    expect(again.result).toEqual({ alerts: 1, deliveryIds: [delivery!.id] });
    expect(sentEvents(again.ctx)).toEqual(dispatch);
    expect(await db.telegramDelivery.count({ where: { organizationId } })).toBe(1);

    await deliverTelegramInProcess([delivery!.id]);
    const afterSend = await execute();
    expect(afterSend.result).toEqual({ alerts: 1, deliveryIds: [] });
    expect(afterSend.ctx.step.sendEvent).not.toHaveBeenCalled();
    expect(telegram.api().callsOf("sendMessage")).toHaveLength(1);
  });

  it("does nothing while the bot is off", async () => {
    const { user, organizationId, connection } = await organizationWithConnection();
    await createLinkedChat({ organizationId, userId: user.id });
    delete process.env.TELEGRAM_BOT_TOKEN;
    const { result, ctx } = await engineFor(alertOnSyncOutcomeFunction, "dispatch-deliveries", [failedEvent(await recordRun(connection, "error"))]).execute();
    expect(result).toEqual({ alerts: 0, deliveryIds: [] });
    expect(ctx.step.run).not.toHaveBeenCalled();
    expect(await db.telegramDelivery.count({ where: { organizationId } })).toBe(0);
  });
});

describe("send-weekly-digests and send-weekly-digest (Inngest)", () => {
  it("checks every hour and fans out one request per due chat, keyed by chat and ISO week", async () => {
    expect(sendWeeklyDigestsFunction.opts.triggers).toEqual([{ cron: "0 * * * *" }]);
    // The earlier tests' private chats would be due too: this one counts its own.
    await db.telegramChat.deleteMany();
    const { user, organizationId, connection } = await organizationWithConnection();
    await insertDailyCosts(organizationId, connection.id, days("2025-10-06", 14, () => "10.00"));
    const moscow = await createLinkedChat({ organizationId, userId: user.id, kind: "group" });
    await createLinkedChat({ organizationId, userId: user.id, kind: "group", timezone: "Asia/Vladivostok" });

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-10-20T06:00:00Z"));
    const cron = await engineFor(sendWeeklyDigestsFunction, "fan-out").execute();
    vi.useRealTimers();
    expect(cron.error).toBeUndefined();
    const request = { chatId: moscow.id, organizationId, day: "2025-10-20" };
    expect(cron.result).toEqual({ due: 1, chatIds: [moscow.id] });
    expect(sentEvents(cron.ctx)).toEqual([["fan-out", [expect.objectContaining({ name: "telegram/weekly-digest.requested", id: `telegram-weekly-digest-${moscow.id}-2025-W43`, data: request })]]]);

    const digest = await engineFor(sendWeeklyDigestFunction, "dispatch-digest", [{ name: "telegram/weekly-digest.requested", data: request }]).execute();
    expect(digest.error).toBeUndefined();
    const delivery = await db.telegramDelivery.findFirstOrThrow({ where: { chatId: moscow.id } });
    expect(digest.result).toEqual({ deliveryIds: [delivery.id] });
    expect(delivery).toMatchObject({ kind: "weekly_digest", dedupKey: "weekly_digest:2025-W43", status: "pending" });
    expect(delivery.text.split("\n")[0]).toBe("📊 <b>Сводка за неделю: 13 октября — 19 октября</b>");
    expect(sentEvents(digest.ctx)).toEqual([["dispatch-digest", [expect.objectContaining({ name: "telegram/delivery.requested", id: `telegram-delivery-${delivery.id}` })]]]);

    // The week's digest exists: the next hourly check leaves the chat alone.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-10-20T06:30:00Z"));
    const later = await engineFor(sendWeeklyDigestsFunction, "fan-out").execute();
    vi.useRealTimers();
    expect(later.result).toEqual({ due: 0, chatIds: [] });
  });
});
