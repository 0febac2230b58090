import { Composer } from "grammy";
import type { BotContext } from "../context";

export const linkGroupFeature = new Composer<BotContext>();
