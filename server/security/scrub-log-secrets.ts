import pino from "pino";

/** A Telegram bot token inside a Bot API URL (`/bot123456:AA…/sendMessage`), as HTTP client errors quote it. */
const BOT_TOKEN_IN_URL = /bot\d+:[A-Za-z0-9_-]+/g;

export function scrubSecretText(text: string): string {
  return text.replace(BOT_TOKEN_IN_URL, "bot[redacted]");
}

function scrub(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return scrubSecretText(value);
  if (!value || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, seen));
  // Errors keep message and stack as own non-enumerable properties: walk every own name.
  const names = value instanceof Error ? [...new Set([...Object.getOwnPropertyNames(value), "name"])] : Object.keys(value);
  return Object.fromEntries(names.map((name) => [name, scrub((value as Record<string, unknown>)[name], seen)]));
}

/**
 * pino's error serializer, then every string inside it (message, stack, nested causes and wrapped client errors)
 * without bot tokens: grammY's HttpError wraps node-fetch's error, whose message is the full request URL.
 */
export function serializeErrorWithoutSecrets(error: unknown): unknown {
  const serialized = error instanceof Error ? pino.stdSerializers.err(error) : error;
  return scrub(serialized, new WeakSet());
}
