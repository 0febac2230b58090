import { Composer } from "grammy";
import type { BotContext } from "../context";

export const topFeature = new Composer<BotContext>();
