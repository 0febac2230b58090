import type { PrismaClient } from "../../db";
import type { Locale } from "../../i18n";

export interface ProfileInput {
  name: string;
  timezone: string;
  currency: string;
  locale: Locale;
}

export async function updateUserProfile(db: PrismaClient, userId: string, input: ProfileInput) {
  const user = await db.user.update({ where: { id: userId }, data: { name: input.name.trim(), timezone: input.timezone, currency: input.currency, locale: input.locale } });
  return { name: user.name, timezone: user.timezone, currency: user.currency, locale: user.locale };
}
