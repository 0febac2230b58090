import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Api } from "grammy";
import { registerBotCommands } from "@/bot/commands-menu";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";

describe("command menu", () => {
  let api: FakeBotApi;
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it("publishes Russian (default) and English menus for private chats and groups; /link only in groups", async () => {
    await registerBotCommands(new Api(api.token, { apiRoot: api.apiRoot }));
    const calls = api.callsOf("setMyCommands").map((call) => ({
      scope: (call.scope as { type: string }).type,
      language: call.language_code ?? "default",
      commands: (call.commands as { command: string; description: string }[]).map((item) => item.command),
      first: (call.commands as { description: string }[])[0]!.description,
    }));
    const everywhere = ["cost", "top", "forecast", "balance", "sync", "zombies", "alerts", "lang", "help", "unlink"];
    expect(calls).toEqual([
      { scope: "all_private_chats", language: "default", commands: everywhere, first: "Затраты за сегодня, неделю или месяц" },
      { scope: "all_private_chats", language: "en", commands: everywhere, first: "Spend for today, the week or the month" },
      { scope: "all_group_chats", language: "default", commands: [...everywhere.slice(0, -1), "link", "unlink"], first: "Затраты за сегодня, неделю или месяц" },
      { scope: "all_group_chats", language: "en", commands: [...everywhere.slice(0, -1), "link", "unlink"], first: "Spend for today, the week or the month" },
    ]);
  });
});
