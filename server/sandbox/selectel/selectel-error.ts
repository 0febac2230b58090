import { json } from "../http/sandbox-handler";

/**
 * api.selectel.ru error envelope. Selectel publishes no error schema (clients only ever saw the status codes),
 * so this is a plausible shape whose `error.message` our HTTP client surfaces as the provider's message.
 */
export function selectelError(status: number, message: string): Response {
  return json({ status: "error", error: { code: status, message } }, status);
}
