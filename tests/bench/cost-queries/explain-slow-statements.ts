/**
 * For a scenario that misses a target: runs it once through the profiling client, then EXPLAIN (ANALYZE, BUFFERS)
 * of every statement it issued, one at a time, and prints the slowest by server execution time. Ranking by the
 * plans rather than by the durations seen during the call keeps the parallel queries of one call (and whatever
 * else the machine runs) from deciding which statement looks guilty.
 */
import pg from "pg";
import type { BenchClients } from "./bench-clients";
import type { Scenario } from "./scenarios";

const SHOWN = 3;
const PLAN_LINES = 24;

interface Explained {
  query: string;
  plan: string[];
  executionMs: number;
}

const oneLine = (query: string) => query.replace(/\s+/g, " ").trim();

export async function explainSlowStatements(url: string, clients: BenchClients, scenario: Scenario): Promise<string[]> {
  clients.drainQueries();
  await scenario.fast(clients.profiling);
  const statements = clients.drainQueries().filter((event) => /^\s*(WITH|SELECT)/i.test(event.query));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const explained: Explained[] = [];
  try {
    for (const statement of statements) {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, JSON.parse(statement.params) as unknown[]);
      const plan = rows.map((row) => row["QUERY PLAN"]);
      const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? "")?.[1] ?? 0);
      explained.push({ query: statement.query, plan, executionMs });
    }
  } finally {
    await client.end();
  }
  explained.sort((a, b) => b.executionMs - a.executionMs);
  const total = explained.reduce((sum, statement) => sum + statement.executionMs, 0);
  const lines = [`  ${explained.length} statements, ${total.toFixed(1)} ms of server execution when run one by one; the slowest:`];
  for (const statement of explained.slice(0, SHOWN)) {
    const query = oneLine(statement.query);
    lines.push(`  -- ${statement.executionMs.toFixed(1)} ms: ${query.slice(0, 300)}${query.length > 300 ? " …" : ""}`);
    const plan = statement.plan.length > PLAN_LINES ? [...statement.plan.slice(0, PLAN_LINES - 2), "…", ...statement.plan.slice(-1)] : statement.plan;
    lines.push(...plan.map((line) => `     ${line}`));
  }
  return lines;
}
