/**
 * Telegram's HTML parse mode needs only `&`, `<` and `>` escaped in text. Every name a user or a provider chose
 * (connections, resources, services, error messages) goes through this before it enters an alert.
 */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A provider's message can be long (a stack of API errors): alerts keep the first part of it. */
export function clipText(text: string, maxLength = 400): string {
  const single = text.trim();
  return single.length > maxLength ? `${single.slice(0, maxLength - 1)}…` : single;
}
