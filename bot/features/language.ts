import { Composer } from "grammy";
import type { BotContext } from "../context";

export const languageFeature = new Composer<BotContext>();
