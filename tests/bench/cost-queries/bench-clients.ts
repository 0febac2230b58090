/**
 * Three ways into the same database:
 *   - fast: the application's own client (createPrismaClient), which the backend procedures are called with;
 *   - naive: the same adapter with index and bitmap scans disabled for its sessions, so the naive queries read
 *     CostRecord the way a schema without the covering indexes (and without the rollup) would: a full scan;
 *   - profiling: like fast, with Prisma's query events on, to find and EXPLAIN the statements of a slow scenario;
 *   - bulk: like fast with a long transaction timeout, for the one-off full rollup rebuild after the load (the
 *     rebuild sets its own long timeout too; this keeps the loader independent of that default).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { createPrismaClient } from "@/server/db/create-prisma-client";
import { PrismaClient } from "@/server/db/generated/client";

const FULL_SCAN_OPTIONS = "-c enable_indexscan=off -c enable_indexonlyscan=off -c enable_bitmapscan=off";

export interface QueryEvent {
  query: string;
  params: string;
  duration: number;
}

export interface BenchClients {
  fast: PrismaClient;
  naive: PrismaClient;
  profiling: PrismaClient;
  bulk: PrismaClient;
  /** Statements the profiling client ran since the last drain. */
  drainQueries: () => QueryEvent[];
  close: () => Promise<void>;
}

export function openBenchClients(url: string): BenchClients {
  const fast = createPrismaClient({ kind: "postgres", url });
  const naive = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, options: FULL_SCAN_OPTIONS }) });
  const profiling = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  const bulk = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions: { maxWait: 10_000, timeout: 600_000 } });
  let events: QueryEvent[] = [];
  profiling.$on("query", (event) => {
    events.push({ query: event.query, params: event.params, duration: event.duration });
  });
  return {
    fast: fast.client,
    naive,
    profiling,
    bulk,
    drainQueries: () => {
      const drained = events;
      events = [];
      return drained;
    },
    close: async () => {
      await Promise.all([fast.close(), naive.$disconnect(), profiling.$disconnect(), bulk.$disconnect()]);
    },
  };
}
