import type { SplitFacts } from "./load-cost-lookups";

/**
 * The split facts last read for an organization's period, per process. The explorer by resource builds its one
 * statement from them instead of reading them first (a round trip and its JavaScript were a sixth of its answer),
 * and that statement reads them again: when they no longer hold (data arrived in between), the answer is thrown
 * away and asked again from the facts just read. Bounded: the least recently used entries go first.
 */
const REMEMBERED = 1_000;

const remembered = new Map<string, SplitFacts>();

const keyOf = (organizationId: string, period: { from: string; to: string }) => `${organizationId}|${period.from}|${period.to}`;

export function recallSplitFacts(organizationId: string, period: { from: string; to: string }): SplitFacts | undefined {
  const key = keyOf(organizationId, period);
  const facts = remembered.get(key);
  if (facts) {
    remembered.delete(key);
    remembered.set(key, facts);
  }
  return facts;
}

export function rememberSplitFacts(organizationId: string, period: { from: string; to: string }, facts: SplitFacts): void {
  const key = keyOf(organizationId, period);
  remembered.delete(key);
  remembered.set(key, facts);
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

export function sameSplitFacts(a: SplitFacts, b: SplitFacts): boolean {
  return a.before === b.before && a.after === b.after && a.lastDayRecords === b.lastDayRecords;
}
