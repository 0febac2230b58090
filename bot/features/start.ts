import { Composer } from "grammy";
import type { BotContext } from "../context";

export const startFeature = new Composer<BotContext>();
