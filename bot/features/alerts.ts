import { Composer } from "grammy";
import type { BotContext } from "../context";

export const alertsFeature = new Composer<BotContext>();
