import type { TelegramConfig } from "@/bot/telegram-config";
import { db, type OrgRole } from "@/server/db";
import { createTelegramLinkCode } from "@/server/services/telegram/create-telegram-link-code";
import type { FakeBotApi } from "../support/fake-bot-api";

/** The bot's configuration as the server would read it, pointed at the fake Bot API. */
export function fakeTelegramConfig(api: FakeBotApi, overrides: Partial<TelegramConfig> = {}): TelegramConfig {
  return { token: api.token, apiRoot: api.apiRoot, webhookSecret: null, username: api.botInfo.username, appUrl: "http://127.0.0.1:3000", ...overrides };
}

/** A code as Settings issues it (the service itself, so permissions and filter checks apply). */
export async function issueLinkCode(
  api: FakeBotApi,
  input: { organizationId: string; userId: string; role?: OrgRole; purpose: "user" | "group"; connectionIds?: string[]; projectIds?: string[]; now?: Date },
) {
  return createTelegramLinkCode(db, { role: "owner", ...input }, fakeTelegramConfig(api));
}

let sequence = 0;

/** A connection with one resource in a named project: something a group's filters can point at. */
export async function createConnectionWithProject(organizationId: string, name: string, project: { id: string; name: string }) {
  sequence += 1;
  const connection = await db.cloudConnection.create({ data: { organizationId, providerId: "selectel", name, encryptedCredentials: "v1:test", credentialsKeyId: "test" } });
  await db.resource.create({
    data: {
      organizationId,
      connectionId: connection.id,
      providerId: "selectel",
      providerResourceId: `srv-${sequence}`,
      name: `server-${sequence}`,
      resourceType: "server",
      status: "active",
      projectId: project.id,
      projectName: project.name,
    },
  });
  return connection;
}

const TELEGRAM_ENV = ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_BOT_USERNAME", "TELEGRAM_API_ROOT"] as const;
type TelegramEnv = Partial<Record<(typeof TELEGRAM_ENV)[number], string>>;

/** Sets the bot's variables for one test (unset ones are removed); the returned function restores the previous values. */
export function setTelegramEnv(values: TelegramEnv): () => void {
  const saved = Object.fromEntries(TELEGRAM_ENV.map((name) => [name, process.env[name]]));
  for (const name of TELEGRAM_ENV) {
    if (values[name] === undefined) delete process.env[name];
    else process.env[name] = values[name];
  }
  return () => {
    for (const name of TELEGRAM_ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  };
}
