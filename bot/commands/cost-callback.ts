import { isCostPeriod, type CostPeriod } from "./cost-periods";

/** Telegram's limit on a button's callback data. */
export const CALLBACK_DATA_MAX_BYTES = 64;

export interface CostSelection {
  period: CostPeriod;
  /** null = every connection the chat may see. */
  connectionId: string | null;
}

const ALL = "all";
const CONNECTION_ID = /^[A-Za-z0-9_-]{1,48}$/;

/** "cost:<period>:<connection id | all>": what a /cost button asks for. */
export function costCallbackData(selection: CostSelection): string {
  const data = `cost:${selection.period}:${selection.connectionId ?? ALL}`;
  if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) throw new RangeError(`callback data over ${CALLBACK_DATA_MAX_BYTES} bytes: ${data}`);
  return data;
}

/**
 * Reads a button's data back; null for anything this bot did not produce. Syntax only: whether the connection is
 * one the chat may see is for the handler to check, since anyone can send any callback data.
 */
export function parseCostCallback(data: string): CostSelection | null {
  const match = /^cost:([a-z]+):([^:]+)$/.exec(data);
  if (!match || !isCostPeriod(match[1]!)) return null;
  const target = match[2]!;
  if (target === ALL) return { period: match[1], connectionId: null };
  return CONNECTION_ID.test(target) ? { period: match[1], connectionId: target } : null;
}
