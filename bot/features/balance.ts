import { Composer } from "grammy";
import type { BotContext } from "../context";

export const balanceFeature = new Composer<BotContext>();
