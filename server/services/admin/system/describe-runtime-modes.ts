/** How syncs are driven: Inngest Cloud (or self-hosted) with keys, a local dev server, or in-process. */
export type InngestMode = "cloud" | "dev" | "embedded";

function flagOn(value: string | undefined): boolean {
  const normalized = value?.trim().toLowerCase();
  return Boolean(normalized) && !["0", "false", "no"].includes(normalized!);
}

/**
 * Read from the given source on every call, like resolveSyncMode in env.ts: INNGEST_DEV wins (the Inngest SDK
 * also prefers it), keys mean cloud or a self-hosted server at INNGEST_BASE_URL, nothing means embedded.
 */
export function describeInngestMode(source: Record<string, string | undefined> = process.env): { mode: InngestMode; baseUrl: string | null } {
  if (flagOn(source.INNGEST_DEV)) return { mode: "dev", baseUrl: /^https?:\/\//.test(source.INNGEST_DEV ?? "") ? source.INNGEST_DEV! : null };
  if (source.INNGEST_EVENT_KEY || source.INNGEST_SIGNING_KEY) return { mode: "cloud", baseUrl: source.INNGEST_BASE_URL || null };
  return { mode: "embedded", baseUrl: null };
}

/** For the admin status card: whether the bot's token is set (the bot is on), never the token itself. */
export function describeTelegramToken(source: Record<string, string | undefined> = process.env): { configured: boolean } {
  return { configured: Boolean(source.TELEGRAM_BOT_TOKEN?.trim()) };
}
