/** Text for Telegram's HTML parse mode: user data (connection, resource, service names) must never become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
