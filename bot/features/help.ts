import { Composer } from "grammy";
import type { BotContext } from "../context";

export const helpFeature = new Composer<BotContext>();
