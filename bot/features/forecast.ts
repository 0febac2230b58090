import { Composer } from "grammy";
import type { BotContext } from "../context";

export const forecastFeature = new Composer<BotContext>();
