import { Prisma, type PrismaClient } from "../../db";
import { monthSplitFactsSql } from "./resource-month-source";

/**
 * The split facts last read for an organization's period, per process. The explorer by resource and the dashboard's
 * top 10 build their one statement from them instead of reading them first (a round trip and its JavaScript were a
 * sixth of the explorer's answer), and that statement reads them again: when they no longer hold (data arrived in
 * between), the answer is thrown away and asked again from the facts just read. Bounded: the least recently used
 * entries go first.
 */
const REMEMBERED = 1_000;

/** What a period's month split depends on (resource-month-source.ts), and how many records its last day has. */
export interface SplitFacts {
  before: boolean;
  after: boolean;
  /** An object has at most one record a day, so the period's last month has at least this many objects. */
  lastDayRecords: number;
}

/** The split facts as SELECT columns: before, after, "lastDayRecords". */
export function splitFactsSql(organizationId: string, period: { from: string; to: string }): Prisma.Sql {
  return Prisma.sql`${monthSplitFactsSql(organizationId, period)},
    (SELECT COALESCE(SUM(r."recordCount"), 0) FROM "CostDailyOrgServiceRollup" r WHERE r."organizationId" = ${organizationId} AND r."day" = ${period.to}::date)::int AS "lastDayRecords"`;
}

/** The split facts read now, and remembered. */
export async function readSplitFacts(db: PrismaClient, organizationId: string, period: { from: string; to: string }): Promise<SplitFacts> {
  const [facts] = await db.$queryRaw<SplitFacts[]>`SELECT ${splitFactsSql(organizationId, period)}`;
  rememberSplitFacts(organizationId, period, facts!);
  return facts!;
}

/** A scalar subquery of the split facts as JSON, to be read along a statement built from recalled ones. */
export function splitFactsJsonSql(organizationId: string, period: { from: string; to: string }): Prisma.Sql {
  return Prisma.sql`SELECT row_to_json(x)::text FROM (SELECT ${splitFactsSql(organizationId, period)}) x`;
}

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

/**
 * Whether the facts a statement was built from (recalled) are those it read along (now); when not, `now` is
 * remembered, and the caller asks again.
 */
export function splitFactsHold(organizationId: string, period: { from: string; to: string }, recalled: SplitFacts, now: SplitFacts): boolean {
  if (recalled.before === now.before && recalled.after === now.after && recalled.lastDayRecords === now.lastDayRecords) return true;
  rememberSplitFacts(organizationId, period, now);
  return false;
}
