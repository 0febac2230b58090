import type { PrismaClient } from "../../db";
import type { AlertKind } from "../telegram-alert";

/**
 * Mutes the kind for the chat if it was on, unmutes it if it was off, in one statement (two quick taps from two
 * admins cannot lose one). Returns the chat's muted kinds afterwards, or null when the chat is no longer linked.
 */
export async function toggleMutedAlert(db: PrismaClient, chatId: string, kind: AlertKind): Promise<string[] | null> {
  const [row] = await db.$queryRaw<{ mutedAlerts: string[] }[]>`
    UPDATE "TelegramChat"
    SET "mutedAlerts" = CASE WHEN ${kind}::text = ANY("mutedAlerts") THEN array_remove("mutedAlerts", ${kind}::text) ELSE array_append("mutedAlerts", ${kind}::text) END,
        "updatedAt" = now()
    WHERE "id" = ${chatId}
    RETURNING "mutedAlerts"`;
  return row?.mutedAlerts ?? null;
}
