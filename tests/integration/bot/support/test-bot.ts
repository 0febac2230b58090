import { createBot } from "@/bot/create-bot";
import type { FakeBotApi } from "./fake-bot-api";

/** The real bot against the fake Bot API; the throttler's pacing is left out so replies arrive at once. */
export function createTestBot(api: FakeBotApi) {
  return createBot({ token: api.token, apiRoot: api.apiRoot, botInfo: api.botInfo, throttle: false });
}
