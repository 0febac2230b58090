import type { OrgRole, PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { orgRoleCan } from "../../auth/org-permissions";
import { readTelegramConfig, type TelegramConfig } from "../../../bot/telegram-config";
import { assertChatFiltersBelongToOrganization } from "./chat-filters";
import { resolveBotUsername } from "./resolve-bot-username";
import { LINK_CODE_TTL_MINUTES, newLinkCode } from "./telegram-link-code";

export interface CreateTelegramLinkCodeInput {
  organizationId: string;
  userId: string;
  role: OrgRole;
  purpose: "user" | "group";
  /** Group codes only: the chat sees just these (empty: everything the linking admin sees). */
  connectionIds?: string[];
  projectIds?: string[];
  /** Set while an admin impersonates: a link would outlive the impersonation and keep acting as the user. */
  impersonating?: boolean;
  now?: Date;
}

export interface TelegramLinkCodeIssued {
  code: string;
  purpose: "user" | "group";
  expiresAt: Date;
  /** User codes: https://t.me/<bot>?start=<code> (null while the bot's username cannot be read). */
  deepLink: string | null;
  /** What to send the bot by hand: "/start CODE" in the private chat, "/link CODE" in the group. */
  command: string;
}

/**
 * A one-time code that links a Telegram chat: any member links their private chat to themselves; a group is linked to
 * the organization by someone who manages it. Only the code's sha256 is stored; the code is shown once.
 */
export async function createTelegramLinkCode(
  db: PrismaClient,
  input: CreateTelegramLinkCodeInput,
  config: TelegramConfig | null = readTelegramConfig(),
): Promise<TelegramLinkCodeIssued> {
  if (!config) throw new AppError("PRECONDITION_FAILED", "telegram.errors.botDisabled");
  if (input.impersonating) throw new AppError("FORBIDDEN", "telegram.errors.notWhileImpersonating");
  if (input.purpose === "group" && !orgRoleCan(input.role, "manage_organization")) throw new AppError("FORBIDDEN", "telegram.errors.groupNeedsAdmin");
  const filters =
    input.purpose === "group"
      ? await assertChatFiltersBelongToOrganization(db, input.organizationId, { connectionIds: input.connectionIds ?? [], projectIds: input.projectIds ?? [] })
      : { connectionIds: [], projectIds: [] };

  const { code, codeHash } = newLinkCode();
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MINUTES * 60_000);
  await db.telegramLinkCode.create({
    data: { codeHash, purpose: input.purpose, organizationId: input.organizationId, userId: input.userId, ...filters, expiresAt, createdAt: now },
  });

  if (input.purpose === "group") return { code, purpose: "group", expiresAt, deepLink: null, command: `/link ${code}` };
  const username = await resolveBotUsername(config);
  return { code, purpose: "user", expiresAt, deepLink: username ? `https://t.me/${username}?start=${code}` : null, command: `/start ${code}` };
}
