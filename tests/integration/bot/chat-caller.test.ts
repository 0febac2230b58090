import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForChat } from "@/bot/runtime/chat-caller";
import { translateBot } from "@/bot/i18n/bot-i18n";
import { db } from "@/server/db";
import { addMember, createUserWithOrganization } from "../helpers/test-callers";
import { startFakeBotApi, type FakeBotApi } from "./support/fake-bot-api";
import { callbackQuery, privateMessage } from "./support/telegram-updates";
import { createTestBot } from "./support/test-bot";

describe("bot foundation", () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it("pins a chat's caller to the chat's organization, not the user's active one", async () => {
    const first = await createUserWithOrganization({ orgName: "First" });
    const second = await createUserWithOrganization({ orgName: "Second" });
    // The user also belongs to the second org and works there on the web.
    await db.membership.create({ data: { organizationId: second.organization.id, userId: first.user.id, role: "viewer" } });
    await db.user.update({ where: { id: first.user.id }, data: { activeOrganizationId: second.organization.id } });

    const chat = { userId: first.user.id, linkedById: first.user.id, organizationId: first.organization.id, locale: "en" };
    const summary = await callerForChat(chat).organization.current();
    expect(summary.id).toBe(first.organization.id);
  });

  it("refuses a chat whose linking member has left the organization", async () => {
    const owner = await createUserWithOrganization();
    const member = await addMember(owner.organization.id, "member");
    await db.membership.delete({ where: { id: member.membership.id } });
    const chat = { userId: null, linkedById: member.user.id, organizationId: owner.organization.id, locale: "en" };
    await expect(callerForChat(chat).dashboard.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("translates bot texts in Russian by default and in English on request, without isolation marks", () => {
    expect(translateBot("ru", "errors-generic")).toBe("Не получилось выполнить команду. Попробуйте ещё раз через минуту.");
    expect(translateBot("en", "errors-generic")).toBe("The command failed. Please try again in a minute.");
    expect(translateBot("de", "errors-generic")).toBe(translateBot("ru", "errors-generic"));
  });

  it("handles an update end to end through the fake Bot API", async () => {
    const bot = createTestBot(api);
    bot.command("ping", (ctx) => ctx.reply(ctx.t("errors-generic")));
    await bot.handleUpdate(privateMessage("/ping", { userId: 5550001, languageCode: "en" }));
    expect(api.textsTo(5550001)).toEqual(["The command failed. Please try again in a minute."]);
  });

  it("answers every button press: a stale button, and a cost button in a chat that is not linked", async () => {
    api.reset();
    const bot = createTestBot(api);
    await bot.handleUpdate(callbackQuery("nothing:here", { chatId: 5550002, messageId: 9 }, { userId: 5550002, languageCode: "en" }));
    expect(api.callsOf("answerCallbackQuery")).toEqual([expect.objectContaining({ text: "This button no longer works: send the command again." })]);

    await bot.handleUpdate(callbackQuery("sync:abc", { chatId: 5550002, messageId: 9 }, { userId: 5550002, languageCode: "en" }));
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(2);
    expect(api.textsTo(5550002).at(-1)).toMatch(/^This chat is not linked to InfraZen yet/);
  });
});
