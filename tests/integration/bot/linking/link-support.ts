import type { TelegramConfig } from "@/bot/telegram-config";
import { db, type OrgRole } from "@/server/db";
import { createTelegramLinkCode } from "@/server/services/telegram/create-telegram-link-code";
import type { FakeBotApi } from "../support/fake-bot-api";
export { setTelegramEnv } from "../support/telegram-env";

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

