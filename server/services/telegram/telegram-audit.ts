import type { RequestIdentity } from "../audit/record-audit-event";

/** The bot acts for a person without an HTTP request: no IP, a recognisable user agent. */
export function botIdentity(actorId: string | null): RequestIdentity {
  return { actorId, impersonatorId: null, ip: null, userAgent: "infrazen-telegram-bot" };
}
