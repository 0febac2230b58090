import { Composer } from "grammy";
import type { BotContext } from "../context";

export const costFeature = new Composer<BotContext>();
