/** What the bot pushes without being asked; a chat mutes any of them with /alerts. */
export const ALERT_KINDS = ["sync_failed", "sync_partial", "new_zombies", "spend_anomaly", "low_balance", "weekly_digest"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * One message for one chat. `text` is Telegram HTML (names escaped by whoever builds it); `dedupKey` names the
 * cause, so the same cause reaches a chat once however often it is evaluated.
 */
export interface TelegramAlert {
  organizationId: string;
  /** TelegramChat.id (not Telegram's chat id). */
  chatId: string;
  kind: AlertKind;
  dedupKey: string;
  text: string;
  button?: { text: string; url: string };
}
