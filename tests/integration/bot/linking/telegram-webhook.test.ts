import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { POST } from "@/app/api/telegram/route";
import { db } from "@/server/db";
import { createUserWithOrganization } from "../../helpers/test-callers";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api";
import { privateMessage } from "../support/telegram-updates";
import { issueLinkCode, setTelegramEnv } from "./link-support";

const SECRET = "webhook-secret-0123456789abcdef";

function webhookRequest(update: Update, secret?: string): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== undefined) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
  return new Request("http://127.0.0.1:3000/api/telegram", { method: "POST", headers, body: JSON.stringify(update) });
}

describe("POST /api/telegram", () => {
  let api: FakeBotApi;
  let restoreEnv = () => {};
  beforeAll(async () => {
    api = await startFakeBotApi();
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    restoreEnv();
    api.reset();
  });

  it("is off (404) without a token", async () => {
    restoreEnv = setTelegramEnv({});
    const response = await POST(webhookRequest(privateMessage("/start", { userId: 9_100_001 }), SECRET));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "The Telegram bot is off: TELEGRAM_BOT_TOKEN is not set (see README, Telegram bot)." });
    expect(api.calls).toHaveLength(0);
  });

  it("refuses to run (503) with a token but no webhook secret", async () => {
    restoreEnv = setTelegramEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const response = await POST(webhookRequest(privateMessage("/start", { userId: 9_100_002 })));
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/TELEGRAM_WEBHOOK_SECRET/);
    expect(api.calls).toHaveLength(0);
  });

  it("rejects a wrong or missing secret (401) without handling the update", async () => {
    restoreEnv = setTelegramEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect((await POST(webhookRequest(privateMessage("/start", { userId: 9_100_003 }), `${SECRET}x`))).status).toBe(401);
    expect((await POST(webhookRequest(privateMessage("/start", { userId: 9_100_003 }), "short"))).status).toBe(401);
    expect((await POST(webhookRequest(privateMessage("/start", { userId: 9_100_003 })))).status).toBe(401);
    expect(api.calls).toHaveLength(0);
  });

  it("handles an update with the right secret: the code links the chat and the reply reaches the Bot API", async () => {
    restoreEnv = setTelegramEnv({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_WEBHOOK_SECRET: SECRET });
    const owner = await createUserWithOrganization({ orgName: "Webhook Org" });
    const issued = await issueLinkCode(api, { organizationId: owner.organization.id, userId: owner.user.id, purpose: "user" });
    const userId = 9_100_004;

    const response = await POST(webhookRequest(privateMessage(`/start ${issued.code}`, { userId, languageCode: "en" }), SECRET));
    expect(response.status).toBe(200);
    expect(api.textsTo(userId)).toEqual(['Done! This chat is linked to the organization "Webhook Org" and I answer with your permissions.\nCommands: /help.']);
    expect(await db.telegramChat.findUnique({ where: { telegramChatId: String(userId) }, select: { userId: true } })).toEqual({ userId: owner.user.id });

    // The bot is built once per process: a second update does not repeat getMe.
    await POST(webhookRequest(privateMessage("/start", { userId, languageCode: "en" }), SECRET));
    expect(api.callsOf("getMe")).toHaveLength(1);
    expect(api.textsTo(userId).at(-1)).toBe('This chat is already linked to the organization "Webhook Org". Commands: /help.');
  });
});
