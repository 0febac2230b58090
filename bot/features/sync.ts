import { Composer } from "grammy";
import type { BotContext } from "../context";

export const syncFeature = new Composer<BotContext>();
