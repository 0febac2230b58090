import { todayIn } from "../../server/services/costs/calendar-days";
import { costClockOf } from "../../server/services/costs/cost-clock";
import type { ChatCaller } from "../runtime/chat-caller";

/**
 * "Today" for the chat's answers: the calendar day of the user the chat acts as (the private chat's owner, the
 * group's linker), with the same fallback the cost procedures use, so the bot's periods are the web's.
 */
export async function chatToday(caller: ChatCaller): Promise<string> {
  const clock = costClockOf(await caller.user.me());
  return todayIn(clock.timezone, clock.now);
}
