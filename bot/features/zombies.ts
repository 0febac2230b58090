import { Composer } from "grammy";
import type { BotContext } from "../context";

export const zombiesFeature = new Composer<BotContext>();
