import type { PrismaClient } from "../../db";
import type { Locale } from "../../i18n";

export interface ProfileInput {
  name: string;
  timezone: string;
  currency: string;
  locale: Locale;
}

/** Saves the profile; the chats this user linked follow the new timezone, so the bot's days stay the web's. */
export async function updateUserProfile(db: PrismaClient, userId: string, input: ProfileInput) {
  const [user] = await db.$transaction([
    db.user.update({ where: { id: userId }, data: { name: input.name.trim(), timezone: input.timezone, currency: input.currency, locale: input.locale } }),
    db.telegramChat.updateMany({ where: { linkedById: userId }, data: { timezone: input.timezone } }),
  ]);
  return { name: user.name, timezone: user.timezone, currency: user.currency, locale: user.locale };
}
